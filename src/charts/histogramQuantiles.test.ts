import { describe, expect, it } from 'vitest';
import { histogramBins, quantiles } from '../data/histogramBins';
import { evenlySpacedIndices, histogramQuantiles, TENSORBOARD_QUANTILES } from './histogramQuantiles';

describe('histogramQuantiles', () => {
  it('interpolates within bins of a uniform histogram', () => {
    const h = { x0: 0, x1: 4, counts: [10, 10, 10, 10] };
    const q = histogramQuantiles(h, [0, 0.25, 0.5, 0.6, 1]);
    expect(q[0]).toBe(0);
    expect(q[1]).toBeCloseTo(1);
    expect(q[2]).toBeCloseTo(2);
    expect(q[3]).toBeCloseTo(2.4);
    expect(q[4]).toBe(4);
  });
  it('uses the edges of the outermost non-empty bins for q = 0 and 1', () => {
    const h = { x0: -1, x1: 1, counts: Uint32Array.of(0, 5, 5, 0) };
    expect(histogramQuantiles(h, [0, 0.5, 1])).toEqual([-0.5, 0, 0.5]);
  });
  it('skips empty bins in the middle', () => {
    const h = { x0: 0, x1: 3, counts: [4, 0, 4] };
    const [lo, mid, hi] = histogramQuantiles(h, [0.25, 0.5, 0.75]);
    expect(lo).toBeCloseTo(0.5);
    expect(mid).toBeCloseTo(1); // end of the first bin: half of the data lies below
    expect(hi).toBeCloseTo(2.5);
  });
  it('is ascending and close to exact quantiles for a fine histogram', () => {
    const values = Array.from({ length: 5000 }, (_, i) => Math.sin(i * 12.9898) * 0.3 + ((i * 7919) % 1000) / 2000);
    const approx = histogramQuantiles(histogramBins(values, 200), TENSORBOARD_QUANTILES);
    const exact = quantiles(values, [...TENSORBOARD_QUANTILES]);
    for (let i = 1; i < approx.length; i++) expect(approx[i]).toBeGreaterThanOrEqual(approx[i - 1]);
    const binW = (exact[8] - exact[0]) / 200;
    approx.forEach((a, i) => expect(Math.abs(a - exact[i])).toBeLessThanOrEqual(binW * 1.01));
  });
  it('returns NaN for an empty histogram and clamps q', () => {
    expect(histogramQuantiles({ x0: 0, x1: 1, counts: [0, 0] }, [0.5])).toEqual([NaN]);
    expect(histogramQuantiles({ x0: 0, x1: 1, counts: [] }, [0.5])).toEqual([NaN]);
    expect(histogramQuantiles({ x0: 0, x1: 2, counts: [1, 1] }, [-1, 2])).toEqual([0, 2]);
  });
  it('lists the TensorBoard percentiles', () => {
    expect(TENSORBOARD_QUANTILES.map((q) => Math.round(q * 100))).toEqual([0, 7, 16, 31, 50, 69, 84, 93, 100]);
  });
});

describe('evenlySpacedIndices', () => {
  it('keeps everything when short enough', () => {
    expect(evenlySpacedIndices(3, 5)).toEqual([0, 1, 2]);
    expect(evenlySpacedIndices(0, 5)).toEqual([]);
  });
  it('thins evenly, keeping first and last', () => {
    expect(evenlySpacedIndices(11, 3)).toEqual([0, 5, 10]);
    const idx = evenlySpacedIndices(100, 40);
    expect(idx.length).toBe(40);
    expect(idx[0]).toBe(0);
    expect(idx[idx.length - 1]).toBe(99);
    for (let i = 1; i < idx.length; i++) expect(idx[i]).toBeGreaterThan(idx[i - 1]);
  });
  it('with max 1 keeps the newest', () => {
    expect(evenlySpacedIndices(7, 1)).toEqual([6]);
  });
});
