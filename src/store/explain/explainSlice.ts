import { HAND_FILTERS } from '../../explain/handFilters';
import type { ExplainSlice, SliceCreator } from '../appState';
import { INITIAL_EXPLAIN_STATE, type ExplainTab } from './explainState';

/** Tabs that show the picked pixel: picking one elsewhere opens the first. */
const PIXEL_TABS: readonly ExplainTab[] = ['pixel', 'kernel', 'im2col'];

/**
 * The explainer panel: which view is open and what it looks at. Each change
 * of what is asked bumps the request id (sendExplainRequests sends it);
 * filter maximisation is a command of its own, answered step by step.
 */
export const createExplainSlice: SliceCreator<ExplainSlice> = (worker) => (set, get) => ({
  explain: { ...INITIAL_EXPLAIN_STATE, handKernels: HAND_FILTERS.map((f) => ({ name: f.name, kernel: [...f.kernel] })) },

  setExplainTab(tab) {
    set((s) => ({ explain: { ...s.explain, tab } }));
  },
  setExplainVisible(visible) {
    if (get().explain.visible === visible) return;
    set((s) => ({ explain: { ...s.explain, visible } }));
  },
  pickPixel(pixel) {
    set((s) => ({
      explain: { ...s.explain, pixel, tab: PIXEL_TABS.includes(s.explain.tab) ? s.explain.tab : 'pixel', requestId: s.explain.requestId + 1 },
    }));
  },
  pickDense(dense) {
    set((s) => ({ explain: { ...s.explain, dense, requestId: s.explain.requestId + 1 } }));
  },
  setSaliencyClass(saliencyClass) {
    set((s) => ({ explain: { ...s.explain, saliencyClass, requestId: s.explain.requestId + 1 } }));
  },
  setHandKernels(handKernels) {
    set((s) => ({ explain: { ...s.explain, handKernels, requestId: s.explain.requestId + 1 } }));
  },
  maximizeFilters(layer) {
    const requestId = get().explain.maximize.requestId + 1;
    set((s) => ({ explain: { ...s.explain, maximize: { ...s.explain.maximize, layer, requestId, progress: { step: 0, steps: 0 } }, errors: { ...s.explain.errors, maximize: undefined } } }));
    worker.send({ type: 'maximizeFilters', requestId, layer });
  },
  forgetExplanations() {
    set((s) => ({
      explain: {
        ...s.explain,
        pixel: null,
        dense: null,
        answers: {},
        errors: {},
        requestId: s.explain.requestId + 1,
        maximize: { ...s.explain.maximize, result: null },
      },
    }));
  },
  cancelMaximize() {
    const { requestId, progress } = get().explain.maximize;
    if (progress) worker.send({ type: 'cancelMaximize', requestId });
  },
});
