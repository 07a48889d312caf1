import { describe, expect, it } from 'vitest';
import {
  defaultXDomain,
  downsampleSeries,
  formatXValue,
  hasFiniteData,
  nearestFiniteIndex,
  nearestIndex,
  niceYDomain,
  totalPoints,
} from './chartMath';

describe('nearestIndex', () => {
  const xs = [0, 1, 2, 3.5, 10];
  it('finds the closest x', () => {
    expect(nearestIndex(xs, -5)).toBe(0);
    expect(nearestIndex(xs, 0.4)).toBe(0);
    expect(nearestIndex(xs, 0.6)).toBe(1);
    expect(nearestIndex(xs, 3)).toBe(3);
    expect(nearestIndex(xs, 6)).toBe(3);
    expect(nearestIndex(xs, 7)).toBe(4);
    expect(nearestIndex(xs, 99)).toBe(4);
  });
  it('handles empty and typed arrays', () => {
    expect(nearestIndex([], 1)).toBe(-1);
    expect(nearestIndex(Float64Array.of(0, 0.5, 1), 0.7)).toBe(1);
  });
  it('respects the n limit', () => {
    expect(nearestIndex(xs, 99, 2)).toBe(1);
  });
});

describe('nearestFiniteIndex', () => {
  it('skips NaN values to the closer finite neighbour', () => {
    const xs = [0, 1, 2, 3, 4];
    const ys = [1, NaN, NaN, NaN, 5];
    expect(nearestFiniteIndex(xs, ys, 1.2)).toBe(0);
    expect(nearestFiniteIndex(xs, ys, 2.9)).toBe(4);
    expect(nearestFiniteIndex(xs, ys, 4)).toBe(4);
  });
  it('returns -1 when nothing is finite', () => {
    expect(nearestFiniteIndex([0, 1], [NaN, NaN], 0)).toBe(-1);
    expect(nearestFiniteIndex([], [], 0)).toBe(-1);
  });
});

describe('niceYDomain', () => {
  it('uses a valid fixed domain as-is', () => {
    expect(niceYDomain([{ xs: [0], ys: [5] }], [0, 1])).toEqual([0, 1]);
  });
  it('starts at zero for non-negative data and rounds up nicely', () => {
    expect(niceYDomain([{ xs: [0, 1, 2], ys: [2.31, 0.7, 0.12] }])).toEqual([0, 2.5]);
  });
  it('covers all series and ignores non-finite values', () => {
    const d = niceYDomain([
      { xs: [0, 1], ys: [0.5, NaN] },
      { xs: [0, 1], ys: [Infinity, 3.7] },
    ]);
    expect(d).toEqual([0, 4]);
  });
  it('keeps negative data off zero', () => {
    const [lo, hi] = niceYDomain([{ xs: [0, 1], ys: [-3.2, 1.1] }]);
    expect(lo).toBeLessThanOrEqual(-3.2);
    expect(hi).toBeGreaterThanOrEqual(1.1);
  });
  it('falls back to [0, 1] without data and pads flat data', () => {
    expect(niceYDomain([])).toEqual([0, 1]);
    expect(niceYDomain([{ xs: [0, 1], ys: [NaN, NaN] }])).toEqual([0, 1]);
    expect(niceYDomain([{ xs: [0], ys: [0] }])).toEqual([0, 1]);
    const [lo, hi] = niceYDomain([{ xs: [0, 1], ys: [-2, -2] }]);
    expect(lo).toBeLessThan(-2);
    expect(hi).toBeGreaterThan(-2);
  });
});

describe('defaultXDomain', () => {
  it('is [0, max x] with a minimum of [0, 1]', () => {
    expect(defaultXDomain([])).toEqual([0, 1]);
    expect(defaultXDomain([{ xs: [0.1, 0.4], ys: [1, 1] }])).toEqual([0, 1]);
    expect(defaultXDomain([{ xs: [0, 2.5], ys: [1, 1] }, { xs: [7], ys: [NaN] }])).toEqual([0, 7]);
  });
  it('prefers a valid fixed domain', () => {
    expect(defaultXDomain([{ xs: [0, 9], ys: [1, 1] }], [0, 5])).toEqual([0, 5]);
  });
});

describe('downsampleSeries', () => {
  it('matches plain LTTB output size without gaps', () => {
    const n = 10_000;
    const xs = Float64Array.from({ length: n }, (_, i) => i);
    const ys = Float64Array.from({ length: n }, (_, i) => Math.sin(i));
    expect(downsampleSeries(xs, ys, 300).xs.length).toBe(300);
  });
  it('keeps gaps as a single NaN separator between runs', () => {
    const n = 2000;
    const xs = Array.from({ length: n }, (_, i) => i);
    const ys = xs.map((i) => (i >= 900 && i < 1100 ? NaN : Math.cos(i / 30)));
    const out = downsampleSeries(xs, ys, 200);
    const nanAt = Array.from(out.ys).flatMap((v, i) => (Number.isNaN(v) ? [i] : []));
    expect(nanAt.length).toBe(1);
    const k = nanAt[0];
    expect(out.xs[k - 1]).toBe(899); // end of first run kept
    expect(out.xs[k + 1]).toBe(1100); // start of second run kept
    expect(out.xs.length).toBeLessThanOrEqual(202);
  });
  it('returns small inputs with their gaps intact', () => {
    const out = downsampleSeries([0, 1, 2, 3], [1, NaN, 2, 3], 100);
    expect(Array.from(out.xs)).toEqual([0, NaN, 2, 3]);
  });
});

describe('misc', () => {
  it('counts points and detects finite data', () => {
    const s = [
      { xs: [0, 1, 2], ys: [1, 2, 3] },
      { xs: [0, 1], ys: [NaN, NaN] },
    ];
    expect(totalPoints(s)).toBe(5);
    expect(hasFiniteData(s)).toBe(true);
    expect(hasFiniteData([s[1]])).toBe(false);
    expect(hasFiniteData([])).toBe(false);
  });
  it('formats x values compactly', () => {
    expect(formatXValue(2.3456)).toBe('2.35');
    expect(formatXValue(3)).toBe('3');
    expect(formatXValue(0.5)).toBe('0.5');
  });
});
