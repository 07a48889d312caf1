import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balanceShares } from './balanceShares';
import { shareBatch } from './shareBatch';

const batchOf = (n: number, pixels: number) => ({
  n,
  x: Float32Array.from({ length: n * pixels }, (_, i) => i),
  y: Int32Array.from({ length: n }, (_, i) => i),
});

describe('shareBatch', () => {
  it('cuts 10 images into 4, 3 and 3, in order, as copies', () => {
    const b = batchOf(10, 2);
    const shares = shareBatch(b, [4, 3, 3]);
    expect(shares.map((s) => s.n)).toEqual([4, 3, 3]);
    expect(Array.from(shares[1].y)).toEqual([4, 5, 6]);
    expect(Array.from(shares[1].x)).toEqual([8, 9, 10, 11, 12, 13]);
    expect(shares[0].x.buffer).not.toBe(b.x.buffer);
  });

  it('refuses sizes that do not make the batch, or an empty share', () => {
    expect(() => shareBatch(batchOf(5, 1), [2, 2])).toThrow('Shares of 2 + 2 images do not make a batch of 5');
    expect(() => shareBatch(batchOf(2, 1), [2, 0])).toThrow();
  });

  it('puts every image in exactly one share, in order, whatever the sizes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.array(fc.double({ min: 0.1, max: 10, noNaN: true }), { minLength: 1, maxLength: 16 }), fc.integer({ min: 1, max: 4 }), (n, pace, pixels) => {
        const want = balanceShares(n, pace);
        const shares = shareBatch(batchOf(n, pixels), want);
        expect(shares.map((s) => s.n)).toEqual(want);
        expect(shares.flatMap((s) => Array.from(s.y))).toEqual(Array.from({ length: n }, (_, i) => i));
        expect(shares.every((s) => s.x.length === s.n * pixels)).toBe(true);
      }),
    );
  });
});
