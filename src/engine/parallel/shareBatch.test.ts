import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shareBatch } from './shareBatch';

const batchOf = (n: number, pixels: number) => ({
  n,
  x: Float32Array.from({ length: n * pixels }, (_, i) => i),
  y: Int32Array.from({ length: n }, (_, i) => i),
});

describe('shareBatch', () => {
  it('cuts 10 images into 4, 3 and 3, in order, as copies', () => {
    const b = batchOf(10, 2);
    const shares = shareBatch(b, 3);
    expect(shares.map((s) => s.n)).toEqual([4, 3, 3]);
    expect(Array.from(shares[1].y)).toEqual([4, 5, 6]);
    expect(Array.from(shares[1].x)).toEqual([8, 9, 10, 11, 12, 13]);
    expect(shares[0].x.buffer).not.toBe(b.x.buffer);
  });

  it('never makes an empty share', () => {
    expect(shareBatch(batchOf(2, 1), 8).map((s) => s.n)).toEqual([1, 1]);
    expect(shareBatch(batchOf(5, 1), 0).map((s) => s.n)).toEqual([5]);
  });

  it('puts every image in exactly one share, sizes within one of each other', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 16 }), fc.integer({ min: 1, max: 4 }), (n, k, pixels) => {
        const shares = shareBatch(batchOf(n, pixels), k);
        const sizes = shares.map((s) => s.n);
        expect(sizes.reduce((a, b) => a + b, 0)).toBe(n);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        expect(shares.flatMap((s) => Array.from(s.y))).toEqual(Array.from({ length: n }, (_, i) => i));
        expect(shares.every((s) => s.x.length === s.n * pixels)).toBe(true);
      }),
    );
  });
});
