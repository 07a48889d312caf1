import { describe, expect, it } from 'vitest';
import { histogramBins, quantiles } from './histogramBins';

describe('histogramBins', () => {
  it('counts into equal-width bins over the data extent', () => {
    const h = histogramBins([0, 0.1, 0.5, 0.99, 1], 2);
    expect(h.x0).toBe(0);
    expect(h.x1).toBe(1);
    expect(Array.from(h.counts)).toEqual([2, 3]); // 0.5 and the max go right
  });
  it('clamps values outside the domain to the edge bins and ignores NaN', () => {
    const h = histogramBins([-5, 0.3, NaN, 0.6, 7, Infinity, -Infinity], 4, [0, 1]);
    expect(Array.from(h.counts)).toEqual([2, 1, 1, 2]);
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(7 - 1);
  });
  it('handles constant, empty and typed inputs', () => {
    const c = histogramBins([3, 3, 3], 5);
    expect([c.x0, c.x1]).toEqual([2.5, 3.5]);
    expect(Array.from(c.counts)).toEqual([0, 0, 3, 0, 0]);
    const e = histogramBins([], 3);
    expect([e.x0, e.x1]).toEqual([0, 1]);
    expect(Array.from(e.counts)).toEqual([0, 0, 0]);
    const t = histogramBins(Float32Array.of(-1, 1), 2);
    expect(Array.from(t.counts)).toEqual([1, 1]);
  });
  it('floors the bin count to at least 1 and ignores an invalid domain', () => {
    expect(histogramBins([1, 2], 0).counts.length).toBe(1);
    expect(histogramBins([1, 2], 2.7).counts.length).toBe(2);
    const h = histogramBins([1, 2], 2, [5, 5]);
    expect([h.x0, h.x1]).toEqual([1, 2]);
  });
});

describe('quantiles', () => {
  it('interpolates linearly between order statistics', () => {
    expect(quantiles([4, 1, 3, 2], [0, 0.5, 1, 0.25])).toEqual([1, 2.5, 4, 1.75]);
    expect(quantiles([10], [0, 0.3, 1])).toEqual([10, 10, 10]);
  });
  it('does not mutate the input, drops NaN and clamps q', () => {
    const v = [3, NaN, 1, 2];
    expect(quantiles(v, [-1, 0.5, 2])).toEqual([1, 2, 3]);
    expect(v).toEqual([3, NaN, 1, 2]);
  });
  it('returns NaN for empty input', () => {
    expect(quantiles([], [0.5])).toEqual([NaN]);
    expect(quantiles([NaN], [0, 1])).toEqual([NaN, NaN]);
  });
});
