import type { JSX, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPLAIN_TABS, tabUpdating, type ExplainTab } from '../../store/explain/explainState';
import { useAppStore } from '../../store/useAppStore';
import { DenseTab } from './dense/DenseTab';
import { EXPLAIN_ANCHOR } from './explainAnchor';
import './explain.css';
import { HandFiltersTab } from './handFilters/HandFiltersTab';
import { Im2colTab } from './im2col/Im2colTab';
import { KernelTab } from './kernel/KernelTab';
import { MaximizeTab } from './maximize/MaximizeTab';
import { PixelTab } from './pixel/PixelTab';
import { SaliencyTab } from './saliency/SaliencyTab';
import { useExplainVisibility } from './useExplainVisibility';
import { ExplainInput } from './shared/ExplainInput';

const TAB_VIEW: Record<ExplainTab, () => JSX.Element> = {
  pixel: PixelTab,
  kernel: KernelTab,
  im2col: Im2colTab,
  handFilters: HandFiltersTab,
  dense: DenseTab,
  saliency: SaliencyTab,
  maximize: MaximizeTab,
};

/** The tab list's keys, as WAI-ARIA's tabs pattern has them: arrows move and open, Home and End jump. */
function onTabKey(e: KeyboardEvent<HTMLDivElement>, tab: ExplainTab, setTab: (t: ExplainTab) => void): void {
  const i = EXPLAIN_TABS.indexOf(tab);
  const n = EXPLAIN_TABS.length;
  const to = { ArrowRight: (i + 1) % n, ArrowLeft: (i + n - 1) % n, Home: 0, End: n - 1 }[e.key];
  if (to === undefined) return;
  e.preventDefault();
  setTab(EXPLAIN_TABS[to]);
  document.getElementById(`xp-tab-${EXPLAIN_TABS[to]}`)?.focus();
}

/**
 * How the network computes what it shows, on the current input with the live
 * weights: one view at a time (only the open one is computed, in the worker).
 */
export function ExplainPanel(): JSX.Element {
  const { t } = useTranslation('explain');
  const ref = useExplainVisibility<HTMLElement>();
  const tab = useAppStore((s) => s.explain.tab);
  const updating = useAppStore((s) => tabUpdating(s.explain));
  const setTab = useAppStore((s) => s.setExplainTab);
  const View = TAB_VIEW[tab];
  return (
    <section className="card explain" id={EXPLAIN_ANCHOR} aria-label={t('panel.title')} data-testid="explain-panel" ref={ref}>
      <h2>
        {t('panel.title')} <small>{t('panel.subtitle')}</small>
      </h2>
      <ExplainInput />
      <div className="xp-tabs" role="tablist" aria-label={t('panel.tabsLabel')} onKeyDown={(e) => onTabKey(e, tab, setTab)}>
        {EXPLAIN_TABS.map((x) => (
          <button
            key={x}
            id={`xp-tab-${x}`}
            role="tab"
            aria-selected={x === tab}
            aria-controls="xp-tabpanel"
            tabIndex={x === tab ? 0 : -1}
            className={x === tab ? 'xp-tab xp-tab-on' : 'xp-tab'}
            onClick={() => setTab(x)}
            data-testid={`explain-tab-${x}`}
          >
            {t(`panel.tabs.${x}`)}
          </button>
        ))}
      </div>
      <div id="xp-tabpanel" role="tabpanel" aria-labelledby={`xp-tab-${tab}`} className={updating ? 'xp-panel xp-updating' : 'xp-panel'} aria-busy={updating}>
        <View />
      </div>
    </section>
  );
}
