import type { JSX, KeyboardEvent } from 'react';
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

const TAB_LABEL: Record<ExplainTab, string> = {
  pixel: 'Pixel arithmetic',
  kernel: 'Sliding kernel',
  im2col: 'im2col',
  handFilters: 'Hand-set filters',
  dense: 'Dense units',
  saliency: 'Saliency',
  maximize: 'What filters want',
};

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
  const ref = useExplainVisibility<HTMLElement>();
  const tab = useAppStore((s) => s.explain.tab);
  const updating = useAppStore((s) => tabUpdating(s.explain));
  const setTab = useAppStore((s) => s.setExplainTab);
  const View = TAB_VIEW[tab];
  return (
    <section className="card explain" id={EXPLAIN_ANCHOR} aria-label="Inside the network" data-testid="explain-panel" ref={ref}>
      <h2>
        Inside the network <small>how each number is computed, on your input, with the live weights</small>
      </h2>
      <ExplainInput />
      <div className="xp-tabs" role="tablist" aria-label="Explainer views" onKeyDown={(e) => onTabKey(e, tab, setTab)}>
        {EXPLAIN_TABS.map((t) => (
          <button
            key={t}
            id={`xp-tab-${t}`}
            role="tab"
            aria-selected={t === tab}
            aria-controls="xp-tabpanel"
            tabIndex={t === tab ? 0 : -1}
            className={t === tab ? 'xp-tab xp-tab-on' : 'xp-tab'}
            onClick={() => setTab(t)}
            data-testid={`explain-tab-${t}`}
          >
            {TAB_LABEL[t]}
          </button>
        ))}
      </div>
      <div id="xp-tabpanel" role="tabpanel" aria-labelledby={`xp-tab-${tab}`} className={updating ? 'xp-panel xp-updating' : 'xp-panel'} aria-busy={updating}>
        <View />
      </div>
    </section>
  );
}
