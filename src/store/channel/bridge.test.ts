import { describe, expect, it } from 'vitest';
import type { WorkerEvent } from '../../protocol';
import { createBridge, METRICS_INTERVAL_MS } from './bridge';
import { createAppStore } from '../useAppStore';

/** A bridge whose frames run only when the test says so. */
function setUp() {
  const store = createAppStore({ send: () => {} });
  const frames: (() => void)[] = [];
  const apply = createBridge(store, (flush) => frames.push(flush));
  let updates = 0;
  store.subscribe(() => updates++);
  return { store, apply, frames, updates: () => updates };
}

const batch = (runId: number, x: number, loss: number): WorkerEvent => ({
  type: 'batchMetrics', runId, x: Float64Array.of(x), loss: Float32Array.of(loss), accuracy: Float32Array.of(0.5),
  epoch: 0, examplesPerSec: 10, elapsedMs: 100, etaMs: 1000,
});

describe('createBridge', () => {
  it('applies every event that arrived before a frame in one store update, in order', () => {
    const { store, apply, frames, updates } = setUp();
    apply({ type: 'status', status: 'training' });
    apply(batch(0, 0.1, 2.3));
    apply(batch(0, 0.2, 2.1));
    expect(frames).toHaveLength(1); // one frame asked for, however many events
    expect(updates()).toBe(0);
    frames[0]();
    expect(updates()).toBe(1);
    expect(store.getState().run.status).toBe('training');
    expect(store.getState().run.batches.loss).toEqual([2.3, 2.1].map(Math.fround));
  });

  it('asks for a new frame once the last one has run, and a second call of the same flush does nothing', () => {
    const { store, apply, frames, updates } = setUp();
    apply({ type: 'status', status: 'paused' });
    frames[0]();
    frames[0](); // the 250 ms timer of the same frame
    expect(updates()).toBe(1);
    apply({ type: 'status', status: 'training' });
    expect(frames).toHaveLength(2);
    frames[1]();
    expect(store.getState().run.status).toBe('training');
  });

  it("takes a test image's pixels for the current request only", () => {
    const { store, apply, frames } = setUp();
    store.getState().showTestSample(5);
    const { requestId } = store.getState().inspect;
    const pixels = new Float32Array(784).fill(0.25);
    apply({ type: 'testSample', requestId: requestId - 1, dataset: 'mnist', index: 4, label: 9, pixels: new Float32Array(784) });
    apply({ type: 'testSample', requestId, dataset: 'mnist', index: 5, label: 1, pixels });
    frames[0]();
    expect(store.getState().inspect.testSample).toEqual({ dataset: 'mnist', index: 5, label: 1, pixels });
  });
});

describe('createBridge throttling the metrics', () => {
  function timed() {
    const store = createAppStore({ send: () => {} });
    const frames: (() => void)[] = [];
    const timers: { f: () => void; ms: number }[] = [];
    let clock = 0;
    const apply = createBridge(store, { schedule: (f) => frames.push(f), now: () => clock, delay: (f, ms) => timers.push({ f, ms }) });
    return { store, apply, frames, timers, advance: (ms: number) => (clock += ms) };
  }

  it(`holds metrics that come within ${METRICS_INTERVAL_MS} ms of the last update until the interval is over`, () => {
    const { store, apply, frames, timers, advance } = timed();
    apply(batch(0, 0.1, 2.3));
    frames.shift()?.(); // the first goes at once
    advance(20);
    apply(batch(0, 0.2, 2.2));
    apply(batch(0, 0.3, 2.1));
    expect(frames).toHaveLength(0);
    expect(timers.map((t) => t.ms)).toEqual([METRICS_INTERVAL_MS - 20]);
    advance(80);
    timers.shift()?.f();
    frames.shift()?.();
    expect(store.getState().run.batches.x).toEqual([0.1, 0.2, 0.3]);
  });

  it('sends a prediction on the next frame, taking the waiting metrics along', () => {
    const { store, apply, frames, timers, advance } = timed();
    apply(batch(0, 0.1, 2.3));
    frames.shift()?.();
    advance(10);
    apply(batch(0, 0.2, 2.2));
    apply({ type: 'status', status: 'paused' });
    expect(frames).toHaveLength(1);
    frames.shift()?.();
    expect(store.getState().run.batches.x).toEqual([0.1, 0.2]);
    expect(store.getState().run.status).toBe('paused');
    // The interval's timer, now stale, schedules nothing.
    timers.shift()?.f();
    expect(frames).toHaveLength(0);
  });
});
