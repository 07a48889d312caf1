import type { WorkerEvent } from '../worker/protocol';
import { applyInspectEvents } from './inspectState';
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
    useAppStore.setState((s) => {
      const run = applyEvents(s.run, events);
      return { run, inspect: applyInspectEvents(s.inspect, events, run.runId) };
    });
    // A test image the user asked for becomes the input (and is then inspected).
    const sample = events.findLast((e) => e.type === 'testSample');
    if (sample) useAppStore.getState().setInput(sample.pixels, 'test', { index: sample.index, label: sample.label });
  };
  return (e) => {
    queue.push(e);
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(flush);
    setTimeout(flush, 250);
  };
}
