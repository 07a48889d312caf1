import type { StoreApi } from 'zustand';
import { optimizerConfig } from '../../model/optimizerDefaults';
import type { Command } from '../../protocol';
import type { AppState } from '../appState';
import { checkSetup, setupCheck } from '../selectors';
import type { WorkerClient } from '../channel/workerClient';

/** Quiet time after the last edit before the backends are measured on the new network. */
export const MEASURE_DELAY_MS = 700;

/**
 * The measurement the setup on screen asks for: its network (when it can
 * train on the dataset) at its batch size, with its optimizer; null when
 * there is nothing trainable to measure.
 */
export function measureRequestOf(s: AppState): Extract<Command, { type: 'measureBackends' }> | null {
  if (setupCheck(s).cannotTrain !== undefined) return null;
  const { values } = checkSetup(s);
  return { type: 'measureBackends', spec: s.spec, batchSize: values?.batchSize ?? 32, optimizer: values?.optimizer ?? optimizerConfig('adam') };
}

/**
 * Asks the worker to measure the backends on the network set up (the
 * remembered choice went with its `init`): now, and again a moment after the network
 * or the batch size changes (the worker skips a measurement that still holds,
 * and holds one back during a run). Returns the unsubscribe function.
 */
export function sendBackendRequests(
  store: StoreApi<AppState>,
  worker: WorkerClient,
  timers: { set: (f: () => void, ms: number) => unknown; clear: (id: unknown) => void } = {
    set: (f, ms) => setTimeout(f, ms),
    clear: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
  },
): () => void {
  const key = (s: AppState) => {
    const r = measureRequestOf(s);
    return r && { spec: r.spec, batchSize: r.batchSize };
  };
  let last = key(store.getState());
  const first = measureRequestOf(store.getState());
  if (first) worker.send(first);
  let timer: unknown = null;
  const unsubscribe = store.subscribe((s) => {
    const next = key(s);
    if (next === null || (last && next.spec === last.spec && next.batchSize === last.batchSize)) return;
    last = next;
    if (timer !== null) timers.clear(timer);
    timer = timers.set(() => {
      timer = null;
      const r = measureRequestOf(store.getState());
      if (r) worker.send(r);
    }, MEASURE_DELAY_MS);
  });
  return () => {
    if (timer !== null) timers.clear(timer);
    unsubscribe();
  };
}
