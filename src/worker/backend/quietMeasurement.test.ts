import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TINY_SPEC } from '../../model/testing/tinySpec';
import { optimizerConfig } from '../../model/optimizerDefaults';
import { QuietMeasurement, type MeasureRequest } from './quietMeasurement';

const req = (batchSize: number): MeasureRequest => ({ spec: TINY_SPEC, batchSize, optimizer: optimizerConfig('adam', {}) });

function setUp() {
  const measured: number[] = [];
  let finished = 0;
  let busy = false;
  const failures: unknown[] = [];
  const q = new QuietMeasurement({
    measure: async (r) => {
      measured.push(r.batchSize);
      if (r.batchSize < 0) throw new Error('no backend');
    },
    finishMeasuring: async () => {
      finished++;
    },
    busy: () => busy,
    fail: (e) => failures.push(e),
    quietMs: 1000,
  });
  return { q, measured, failures, finished: () => finished, setBusy: (b: boolean) => (busy = b) };
}

describe('QuietMeasurement', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('measures the latest request once the page has been quiet for quietMs', () => {
    const { q, measured } = setUp();
    q.request(req(8));
    vi.advanceTimersByTime(600);
    q.request(req(16));
    vi.advanceTimersByTime(600);
    q.touched(); // someone draws: quiet starts again
    vi.advanceTimersByTime(900);
    expect(measured).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(measured).toEqual([16]);
    vi.advanceTimersByTime(5000);
    expect(measured).toEqual([16]);
  });

  it('waits for a run to end, then measures; with nothing held back it finishes what a run cut short', () => {
    const { q, measured, finished, setBusy } = setUp();
    setBusy(true);
    q.request(req(32));
    vi.advanceTimersByTime(2000);
    expect(measured).toEqual([]);
    setBusy(false);
    q.idle(); // the run ended
    expect(measured).toEqual([32]);
    expect(finished()).toBe(0);
    q.idle(); // the next run ended: nothing asked for since
    expect(finished()).toBe(1);
  });

  it('reports a failed measurement', async () => {
    const { q, failures } = setUp();
    q.request(req(-1));
    vi.advanceTimersByTime(1000);
    await vi.waitFor(() => expect(failures).toHaveLength(1));
    expect((failures[0] as Error).message).toBe('no backend');
  });

  it('touches nothing when nothing is held back', () => {
    const { q, measured, finished } = setUp();
    q.touched();
    vi.advanceTimersByTime(5000);
    expect(measured).toEqual([]);
    expect(finished()).toBe(0);
  });
});
