import type { StoreApi } from 'zustand';
import type { WorkerEvent } from '../worker/protocol';
import type { AppState } from './appState';
import { applyBackendEvents } from './backendState';
import { applyInspectEvents } from './inspectState';
import { applyEvents } from './runState';

/** Calls `flush` soon: on the next animation frame, or after 250 ms in a hidden tab (which gets no frames). */
function nextFrame(flush: () => void): void {
  requestAnimationFrame(flush);
  setTimeout(flush, 250);
}

/**
 * Queues worker events and applies them to the store at most once per
 * `schedule` tick (an animation frame), however fast they arrive; the run
 * history keeps up in a hidden tab too. Returns the event handler for the
 * worker client.
 */
export function createBridge(store: StoreApi<AppState>, schedule: (flush: () => void) => void = nextFrame): (e: WorkerEvent) => void {
  let queue: WorkerEvent[] = [];
  let scheduled = false;
  const flush = () => {
    if (!scheduled) return;
    scheduled = false;
    const events = queue;
    queue = [];
    store.setState((s) => {
      const run = applyEvents(s.run, events);
      return { run, inspect: applyInspectEvents(s.inspect, events, run.runId), backend: applyBackendEvents(s.backend, events) };
    });
  };
  return (e) => {
    queue.push(e);
    if (scheduled) return;
    scheduled = true;
    schedule(flush);
  };
}
