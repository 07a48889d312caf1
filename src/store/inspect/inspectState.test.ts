import { describe, expect, it } from 'vitest';
import type { WorkerEvent } from '../../protocol';
import { applyInspectEvents, INITIAL_INSPECT_STATE, MAX_HISTOGRAM_SNAPSHOTS } from './inspectState';

const inspection = (requestId: number, p0: number): WorkerEvent => ({
  type: 'inspection', requestId, trained: true, at: 0.5, probs: Float32Array.of(p0, 1 - p0), activations: null, kernels: null,
});

describe('applyInspectEvents', () => {
  it('takes answers to the current request only', () => {
    const s0 = { ...INITIAL_INSPECT_STATE, requestId: 2 };
    const s1 = applyInspectEvents(s0, [inspection(1, 0.9)], 1);
    expect(s1.probs).toBeNull();
    const s2 = applyInspectEvents(s1, [inspection(2, 0.3)], 1);
    expect(Array.from(s2.probs!)).toEqual([0.3, 0.7].map(Math.fround));
    expect(s2.trained).toBe(true);
  });

  it('keeps histograms of the current run, thinned past the cap', () => {
    let s = INITIAL_INSPECT_STATE;
    for (let i = 0; i <= MAX_HISTOGRAM_SNAPSHOTS; i++) {
      s = applyInspectEvents(s, [{ type: 'histograms', runId: 3, at: i, layers: [] }], 3);
    }
    s = applyInspectEvents(s, [{ type: 'histograms', runId: 2, at: 999, layers: [] }], 3);
    expect(s.histograms.length).toBeLessThanOrEqual(MAX_HISTOGRAM_SNAPSHOTS);
    expect(s.histograms[0].at).toBe(0);
    expect(s.histograms[s.histograms.length - 1].at).toBe(MAX_HISTOGRAM_SNAPSHOTS);
    expect(s.histograms.some((h) => h.at === 999)).toBe(false);
  });
});
