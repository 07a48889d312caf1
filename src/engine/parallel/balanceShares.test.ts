import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balanceShares } from './balanceShares';

describe('balanceShares', () => {
  it('splits evenly between workers of one speed (the first ones get the odd image)', () => {
    expect(balanceShares(32, [2, 2])).toEqual([16, 16]);
    expect(balanceShares(10, [1, 1, 1])).toEqual([4, 3, 3]);
  });

  it('gives a worker half as fast half as many images', () => {
    expect(balanceShares(30, [1, 2])).toEqual([20, 10]);
    expect(balanceShares(64, [1, 1, 3])).toEqual([28, 27, 9]);
  });

  it('counts unknown speeds as the fastest, and no speed known as one speed', () => {
    expect(balanceShares(30, [NaN, 2, 1])).toEqual([12, 6, 12]);
    expect(balanceShares(9, [0, Infinity, -1])).toEqual([3, 3, 3]);
  });

  it('gives every worker an image while there are enough, and uses fewer workers than images', () => {
    expect(balanceShares(3, [1, 100, 100])).toEqual([1, 1, 1]);
    expect(balanceShares(2, [1, 1, 1])).toEqual([1, 1]);
    expect(balanceShares(0, [1])).toEqual([]);
  });

  it('always adds up to the batch, each share at least one, a faster worker never two fewer', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 512 }), fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 1, maxLength: 8 }), (n, ms) => {
        const sizes = balanceShares(n, ms);
        expect(sizes).toHaveLength(Math.min(n, ms.length));
        expect(sizes.reduce((a, b) => a + b, 0)).toBe(n);
        expect(sizes.every((s) => s >= 1)).toBe(true);
        sizes.forEach((a, i) => sizes.forEach((b, j) => {
          if (ms[i] < ms[j]) expect(a).toBeGreaterThanOrEqual(b - 1);
        }));
      }),
    );
  });
});
