import { describe, expect, it } from 'vitest';
import { estimateRunSeconds, FORWARD_SHARE, largestSizeWithin, scaleRate } from './estimateRunTime';

describe('estimateRunSeconds', () => {
  it('counts every epoch of training, and validation and test at a third of a step', () => {
    // 48,000 × 5 trained, (12,000 × 5 + 10,000) evaluated, at 400 images/s.
    const s = estimateRunSeconds({ trainImages: 48_000, valImages: 12_000, epochs: 5, testImages: 10_000 }, 400);
    expect(s).toBeCloseTo((240_000 + FORWARD_SHARE * 70_000) / 400, 6);
    expect(s / 60).toBeGreaterThan(10);
    expect(s / 60).toBeLessThan(11);
  });

  it('is infinite without a usable rate', () => {
    expect(estimateRunSeconds({ trainImages: 1, valImages: 0, epochs: 1, testImages: 0 }, 0)).toBe(Infinity);
    expect(estimateRunSeconds({ trainImages: 1, valImages: 0, epochs: 1, testImages: 0 }, NaN)).toBe(Infinity);
  });
});

describe('scaleRate', () => {
  it('halves the rate for a network twice as costly', () => {
    expect(scaleRate(400, 1e6, 2e6)).toBe(200);
  });

  it('keeps the rate when a cost is unknown', () => {
    expect(scaleRate(400, 0, 2e6)).toBe(400);
    expect(scaleRate(400, 1e6, 0)).toBe(400);
  });
});

describe('largestSizeWithin', () => {
  const plan = { epochs: 5, testImages: 10_000, valShare: 0.2 };

  it('picks the largest training set whose run fits', () => {
    // At 5 images/s: 1,000 images take (4,000 + 11,000 / 3) / 5 ≈ 1,533 s; 5,000 take (20,000 + 15,000 / 3) / 5 = 5,000 s.
    expect(largestSizeWithin([1000, 5000, 10_000, 60_000], plan, 5, 1800)).toBe(1000);
    expect(largestSizeWithin([1000, 5000, 10_000, 60_000], plan, 400, 1800)).toBe(60_000);
  });

  it('is null when even the smallest does not fit', () => {
    expect(largestSizeWithin([1000, 5000], plan, 0.5, 1800)).toBeNull();
  });
});
