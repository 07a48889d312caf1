import type { StoreApi } from 'zustand';
import type { WorkerEvent } from '../../protocol';
import type { AppState } from '../appState';
import { applyBackendEvents } from '../backend/backendState';
import { applyDrawingsEvents } from '../drawings/drawingsState';
import { applyExplainEvents } from '../explain/explainState';
import { applyInspectEvents } from '../inspect/inspectState';
import { applyEvents } from '../run/runState';
import { applyRunsEvents } from '../runs/runsState';

/** Calls `flush` soon: on the next animation frame, or after 250 ms in a hidden tab (which gets no frames). */
function nextFrame(flush: () => void): void {
  requestAnimationFrame(flush);
  setTimeout(flush, 250);
}

/**
 * Training metrics reach the store at most this often. A fast backend ends a
 * batch every few milliseconds; redrawing the curves on every frame for them
 * cost the main thread most of its time (layout, paint, compositing) on a
 * machine without a GPU. Ten updates a second still look continuous.
 */
export const METRICS_INTERVAL_MS = 100;

/** Events that only extend the curves and histograms: they can wait for the next metrics update. */
const canWait = (e: WorkerEvent) => e.type === 'batchMetrics' || e.type === 'histograms';

export interface BridgeTiming {
  schedule?: (flush: () => void) => void;
  now?: () => number;
  delay?: (f: () => void, ms: number) => void;
}

/**
 * Queues worker events and applies them to the store in one update per
 * `schedule` tick (an animation frame), however fast they arrive. Metrics
 * that arrive within METRICS_INTERVAL_MS of the last update wait for the
 * interval; anything else (a prediction, a status) goes on the next frame,
 * taking the waiting metrics with it. The run history keeps up in a hidden
 * tab too. Returns the event handler for the worker client.
 */
export function createBridge(store: StoreApi<AppState>, timing: BridgeTiming | ((flush: () => void) => void) = {}): (e: WorkerEvent) => void {
  const t = typeof timing === 'function' ? { schedule: timing } : timing;
  const schedule = t.schedule ?? nextFrame;
  const now = t.now ?? (() => performance.now());
  const delay = t.delay ?? ((f, ms) => void setTimeout(f, ms));
  let queue: WorkerEvent[] = [];
  /** 'frame': a flush is scheduled; 'waiting': metrics wait out the interval. */
  let mode: 'idle' | 'waiting' | 'frame' = 'idle';
  let last = -Infinity;
  const flush = () => {
    if (mode !== 'frame') return;
    mode = 'idle';
    last = now();
    const events = queue;
    queue = [];
    const adopt = store.getState().runs.adoptSetupOf;
    store.setState((s) => {
      const run = applyEvents(s.run, events);
      return {
        run, inspect: applyInspectEvents(s.inspect, events, run.runId), backend: applyBackendEvents(s.backend, events),
        runs: applyRunsEvents(s.runs, events, run), explain: applyExplainEvents(s.explain, events),
        drawings: applyDrawingsEvents(s.drawings, events, run.runId),
      };
    });
    // An uploaded model's network goes into the editor, as an imported architecture file does (Undo puts back the one before).
    for (const e of events) if (e.type === 'modelUploaded' && e.runId === store.getState().run.runId) store.getState().importSpec({ spec: e.spec });
    // A run the user opened brings its setup into the editor.
    const opened = events.find((e) => e.type === 'runOpened' && e.run.id === adopt);
    if (opened?.type === 'runOpened') {
      store.getState().loadSetup(opened.run.setup);
      store.setState((s) => ({ runs: { ...s.runs, adoptSetupOf: null } }));
    }
  };
  const toFrame = () => {
    mode = 'frame';
    schedule(flush);
  };
  return (e) => {
    queue.push(e);
    if (mode === 'frame') return;
    const wait = METRICS_INTERVAL_MS - (now() - last);
    if (!canWait(e) || wait <= 0) {
      toFrame();
    } else if (mode === 'idle') {
      mode = 'waiting';
      delay(() => mode === 'waiting' && toFrame(), wait);
    }
  };
}
