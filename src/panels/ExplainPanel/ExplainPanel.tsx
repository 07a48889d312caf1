import type { JSX } from 'react';
import { EXPLAIN_TABS, type ExplainTab } from '../../store/explainState';
import { useAppStore } from '../../store/useAppStore';
import { DenseTab } from './DenseTab';
import { EXPLAIN_ANCHOR } from './explainAnchor';
import './explain.css';
import { HandFiltersTab } from './HandFiltersTab';
import { Im2colTab } from './Im2colTab';
import { KernelTab } from './KernelTab';
import { MaximizeTab } from './MaximizeTab';
import { PixelTab } from './PixelTab';
import { SaliencyTab } from './SaliencyTab';
import { useExplainVisibility } from './useExplainVisibility';

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

/**
 * How the network computes what it shows, on the current input with the live
 * weights: one view at a time (only the open one is computed, in the worker).
 */
export function ExplainPanel(): JSX.Element {
  const ref = useExplainVisibility<HTMLElement>();
  const tab = useAppStore((s) => s.explain.tab);
  const setTab = useAppStore((s) => s.setExplainTab);
  const View = TAB_VIEW[tab];
  return (
    <section className="card explain" id={EXPLAIN_ANCHOR} aria-label="Inside the network" data-testid="explain-panel" ref={ref}>
      <h2>
        Inside the network <small>how each number is computed, on your input, with the live weights</small>
      </h2>
      <div className="xp-tabs" role="tablist" aria-label="Explainer views">
        {EXPLAIN_TABS.map((t) => (
          <button key={t} role="tab" aria-selected={t === tab} className={t === tab ? 'xp-tab xp-tab-on' : 'xp-tab'} onClick={() => setTab(t)} data-testid={`explain-tab-${t}`}>
            {TAB_LABEL[t]}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={TAB_LABEL[tab]} className="xp-panel">
        <View />
      </div>
    </section>
  );
}
