import type { WorkerEvent } from '../worker/protocol';
import { applyEvents } from './runState';
import { useAppStore } from './useAppStore';

/**
 * Queues worker events and applies them to the store at most once per
 * animation frame, however fast they arrive. A hidden tab gets no frames, so a
 * timer takes over there and the run history keeps up.
 */
export function createBridge(): (e: WorkerEvent) => void {
  let queue: WorkerEvent[] = [];
  let scheduled = false;
  const flush = () => {
    if (!scheduled) return;
    scheduled = false;
    const events = queue;
    queue = [];
    useAppStore.setState((s) => ({ run: applyEvents(s.run, events) }));
  };
  return (e) => {
    queue.push(e);
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(flush);
    setTimeout(flush, 250);
  };
}
