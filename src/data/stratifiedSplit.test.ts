import { describe, it, expect } from 'vitest';
import { stratifiedSplit, stratifiedSubset } from './stratifiedSplit';
import { mulberry32 } from './random';

/** Imbalanced labels in random order: class k has counts[k] examples. */
function makeLabels(counts: number[], seed = 5): Uint8Array {
  const labels: number[] = [];
  counts.forEach((c, k) => { for (let i = 0; i < c; i++) labels.push(k); });
  const rand = mulberry32(seed);
  for (let i = labels.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [labels[i], labels[j]] = [labels[j], labels[i]];
  }
  return Uint8Array.from(labels);
}

function classCounts(labels: Uint8Array, idx: Uint32Array, numClasses: number): number[] {
  const h = new Array<number>(numClasses).fill(0);
  for (const i of idx) h[labels[i]]++;
  return h;
}

const COUNTS = [500, 300, 123, 77, 1, 0, 999];
const labels = makeLabels(COUNTS);
const N = labels.length;

describe('stratifiedSplit', () => {
  it.each([0.1, 0.2, 0.25, 1 / 3, 0.5, 0.9])('keeps class proportions within ±1 (testFraction %d)', (f) => {
    const { train, test } = stratifiedSplit(labels, 7, f, 1);
    expect(test.length).toBe(Math.round(N * f));
    expect(train.length).toBe(N - test.length);
    const testCounts = classCounts(labels, test, 7);
    const trainCounts = classCounts(labels, train, 7);
    COUNTS.forEach((c, k) => {
      expect(Math.abs(testCounts[k] - c * f)).toBeLessThanOrEqual(1);
      expect(trainCounts[k] + testCounts[k]).toBe(c);
    });
  });

  it('has no overlap and covers every index exactly once', () => {
    const { train, test } = stratifiedSplit(labels, 7, 0.3, 2);
    const all = [...train, ...test].sort((a, b) => a - b);
    expect(all).toEqual([...Array(N).keys()]);
  });

  it('is deterministic for a seed, and different seeds give different orders', () => {
    const a = stratifiedSplit(labels, 7, 0.2, 123);
    const b = stratifiedSplit(labels, 7, 0.2, 123);
    const c = stratifiedSplit(labels, 7, 0.2, 124);
    expect(Array.from(a.test)).toEqual(Array.from(b.test));
    expect(Array.from(a.train)).toEqual(Array.from(b.train));
    expect(Array.from(a.test)).not.toEqual(Array.from(c.test));
    expect(Array.from(a.train)).not.toEqual(Array.from(c.train));
  });

  it('shuffles the parts (not grouped by class, not sorted)', () => {
    const { train, test } = stratifiedSplit(labels, 7, 0.2, 9);
    const sorted = (a: Uint32Array) => a.every((v, i) => i === 0 || a[i - 1] < v);
    expect(sorted(train)).toBe(false);
    expect(sorted(test)).toBe(false);
    // Grouped by class would change label at most 6 times.
    const changes = (a: Uint32Array) => a.reduce((s, v, i) => s + (i > 0 && labels[a[i - 1]] !== labels[v] ? 1 : 0), 0);
    expect(changes(test)).toBeGreaterThan(50);
  });

  it('distributes the remainder so the total is exact', () => {
    // Three classes of 5 at 50%: ideal 2.5 each, rounding each up would give 9 instead of round(7.5) = 8.
    const l = makeLabels([5, 5, 5]);
    const { test } = stratifiedSplit(l, 3, 0.5, 1);
    expect(test.length).toBe(8);
    const h = classCounts(l, test, 3);
    h.forEach((c) => expect([2, 3]).toContain(c));
    expect(stratifiedSplit(l, 3, 0.5, 99).test.length).toBe(8);
    // Ties go to the lower class index, independent of the seed.
    expect(classCounts(l, stratifiedSplit(l, 3, 0.5, 99).test, 3)).toEqual(h);
  });

  it('testFraction 0 gives an empty test part and all of the data as train', () => {
    const { train, test } = stratifiedSplit(labels, 7, 0, 1);
    expect(test.length).toBe(0);
    expect(train.length).toBe(N);
  });

  it('splits only the given indices', () => {
    const indices = Uint32Array.from({ length: 600 }, (_, i) => i * 3);
    const { train, test } = stratifiedSplit(labels, 7, 0.25, 4, indices);
    expect(test.length).toBe(150);
    expect([...train, ...test].sort((a, b) => a - b)).toEqual(Array.from(indices));
    const whole = classCounts(labels, indices, 7);
    classCounts(labels, test, 7).forEach((c, k) => expect(Math.abs(c - whole[k] * 0.25)).toBeLessThanOrEqual(1));
  });

  it('handles empty input', () => {
    const { train, test } = stratifiedSplit(new Uint8Array(0), 3, 0.5, 1);
    expect(train.length + test.length).toBe(0);
  });

  it('validates its arguments', () => {
    expect(() => stratifiedSplit(labels, 7, 1, 1)).toThrow(RangeError);
    expect(() => stratifiedSplit(labels, 7, -0.1, 1)).toThrow(/testFraction/);
    expect(() => stratifiedSplit(labels, 7, Number.NaN, 1)).toThrow(/testFraction/);
    expect(() => stratifiedSplit(labels, 7, 0.2, 1.5)).toThrow(/seed must be an integer/);
    expect(() => stratifiedSplit(labels, 2.5, 0.2, 1)).toThrow(/numClasses/);
    expect(() => stratifiedSplit(labels, 3, 0.2, 1)).toThrow(/label \d+ at index \d+ is >= numClasses/);
    expect(() => stratifiedSplit(labels, 7, 0.2, 1, Uint32Array.of(0, N))).toThrow(/out of range/);
    expect(() => stratifiedSplit(labels, 7, 0.2, 1, Uint32Array.of(4, 4))).toThrow(/more than once/);
  });
});

describe('stratifiedSubset', () => {
  it.each([1, 10, 100, 1000])('returns %d distinct indices with proportions kept within ±1', (size) => {
    const sub = stratifiedSubset(labels, 7, size, 3);
    expect(sub.length).toBe(size);
    expect(new Set(sub).size).toBe(size);
    classCounts(labels, sub, 7).forEach((c, k) => expect(Math.abs(c - (COUNTS[k] * size) / N)).toBeLessThanOrEqual(1));
  });

  it('works at the scale of a 1k subset of 60k training images', () => {
    const big = makeLabels([5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949], 8);
    const sub = stratifiedSubset(big, 10, 1000, 7);
    const h = classCounts(big, sub, 10);
    expect(h.reduce((s, c) => s + c, 0)).toBe(1000);
    h.forEach((c, k) => expect(Math.abs(c - (big.filter((l) => l === k).length * 1000) / 60000)).toBeLessThanOrEqual(1));
  });

  it('is deterministic for a seed, different for another seed', () => {
    expect(Array.from(stratifiedSubset(labels, 7, 200, 1))).toEqual(Array.from(stratifiedSubset(labels, 7, 200, 1)));
    expect(Array.from(stratifiedSubset(labels, 7, 200, 1))).not.toEqual(Array.from(stratifiedSubset(labels, 7, 200, 2)));
  });

  it('returns every index when size >= count', () => {
    for (const size of [N, N + 1, 1e6]) {
      const sub = stratifiedSubset(labels, 7, size, 1);
      expect([...sub].sort((a, b) => a - b)).toEqual([...Array(N).keys()]);
    }
  });

  it('validates size', () => {
    expect(() => stratifiedSubset(labels, 7, 0, 1)).toThrow(RangeError);
    expect(() => stratifiedSubset(labels, 7, -5, 1)).toThrow(/size must be >= 1/);
    expect(() => stratifiedSubset(labels, 7, 2.5, 1)).toThrow(/size must be an integer/);
    expect(() => stratifiedSubset(labels, 7, 10, 0.5)).toThrow(/seed/);
  });
});
