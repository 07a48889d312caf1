import type { StoreApi } from 'zustand';
import type { InspectRequest } from '../../protocol';
import type { AppState } from '../appState';
import { setupCheck } from '../selectors';
import type { WorkerClient } from '../channel/workerClient';

/**
 * What the worker should look at, derived from the store: the current input,
 * the panels on screen, and the network set up. Before any run the worker
 * previews that network, untrained; only a network it could train (the
 * dataset's input and classes) is sent, never an edited, invalid or full-size
 * classic one. The worker ignores `spec` once it holds a trained model.
 */
export function inspectRequestOf(s: AppState): InspectRequest {
  const { inspect } = s;
  const previewable = setupCheck(s).cannotTrain === undefined;
  return {
    requestId: inspect.requestId,
    input: inspect.input,
    spec: previewable ? s.spec : null,
    // The filters panel shows a filter beside its feature map, so it needs activations too.
    want: { activations: inspect.visible.featureMaps || inspect.visible.filters, filters: inspect.visible.filters },
  };
}

/** The parts of the state the request is made of: a change of any one sends a new request. */
const dependsOn = (s: AppState) => [s.spec, s.dataset, s.inspect.input, s.inspect.visible, s.inspect.requestId] as const;

/**
 * Keeps the worker's inspection request in step with the store: sends it now
 * (so the filters show before any input or training) and again whenever the
 * network, the dataset, the input or the visible panels change, once per
 * change. Returns the unsubscribe function.
 */
export function sendInspectRequests(store: StoreApi<AppState>, worker: WorkerClient): () => void {
  let last = dependsOn(store.getState());
  worker.send({ type: 'inspect', request: inspectRequestOf(store.getState()) });
  return store.subscribe((s) => {
    const next = dependsOn(s);
    if (next.every((v, i) => v === last[i])) return;
    last = next;
    worker.send({ type: 'inspect', request: inspectRequestOf(s) });
  });
}
