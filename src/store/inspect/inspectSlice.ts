import { DATASETS } from '../../data/datasets';
import type { InspectSlice, SliceCreator } from '../appState';
import { INITIAL_INSPECT_STATE } from './inspectState';
import { modelDataset } from '../selectors';

/**
 * The input and what the panels show. Actions only change state; the request
 * to the worker follows from it (sendInspectRequests). A new input or new
 * panel visibility is a new request id, so late answers to the old one are dropped.
 */
export const createInspectSlice: SliceCreator<InspectSlice> = () => (set, get) => ({
  inspect: INITIAL_INSPECT_STATE,

  setInput(pixels) {
    set((s) => ({
      // An explainer view's complaint (say, that there was no input) was about the old input; so was "the pad is empty".
      explain: { ...s.explain, errors: {} },
      ...(pixels && s.drawings.addError ? { drawings: { ...s.drawings, addError: null } } : {}),
      inspect: {
        ...s.inspect,
        input: pixels && { kind: 'pixels', pixels },
        testSample: null,
        requestId: s.inspect.requestId + 1,
      },
    }));
  },
  showTestSample(index) {
    const dataset = modelDataset(get());
    const count = DATASETS[dataset].testCount;
    const wrapped = ((index % count) + count) % count;
    set((s) => ({
      explain: { ...s.explain, errors: {} },
      inspect: {
        ...s.inspect,
        input: { kind: 'testImage', dataset, index: wrapped },
        testSample: null,
        requestId: s.inspect.requestId + 1,
      },
    }));
  },
  setPanelVisible(panel, visible) {
    const s = get();
    if (s.inspect.visible[panel] === visible) return;
    set({ inspect: { ...s.inspect, visible: { ...s.inspect.visible, [panel]: visible }, requestId: s.inspect.requestId + 1 } });
  },
});
