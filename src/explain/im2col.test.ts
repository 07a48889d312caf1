import { describe, expect, it } from 'vitest';
import { im2col } from './im2col';

// 3×3 map, one channel: 1 2 3 / 4 5 6 / 7 8 9.
const MAP = Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]);

describe('im2col', () => {
  it('unrolls the four 2×2 valid windows of a 3×3 map', () => {
    const r = im2col(MAP, [3, 3, 1], 2, 1, 'valid');
    expect([r.rows, r.cols, r.outHeight, r.outWidth]).toEqual([4, 4, 2, 2]);
    // prettier-ignore
    expect(Array.from(r.values)).toEqual([
      1, 2, 4, 5,
      2, 3, 5, 6,
      4, 5, 7, 8,
      5, 6, 8, 9,
    ]);
  });

  it('puts zeros in the same padding', () => {
    const r = im2col(MAP, [3, 3, 1], 3, 1, 'same');
    expect([r.rows, r.cols]).toEqual([9, 9]);
    expect(Array.from(r.values.subarray(0, 9))).toEqual([0, 0, 0, 0, 1, 2, 0, 4, 5]);
    expect(Array.from(r.values.subarray(4 * 9, 5 * 9))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(Array.from(r.values.subarray(8 * 9))).toEqual([5, 6, 0, 8, 9, 0, 0, 0, 0]);
  });

  it('orders columns (ky, kx, c) with channels innermost', () => {
    // 2×2 map, 2 channels: pixel p has channels (p, 10p).
    const src = Float32Array.from([1, 10, 2, 20, 3, 30, 4, 40]);
    const r = im2col(src, [2, 2, 2], 2, 1, 'valid');
    expect([r.rows, r.cols]).toEqual([1, 8]);
    expect(Array.from(r.values)).toEqual([1, 10, 2, 20, 3, 30, 4, 40]);
  });

  it('steps windows by the stride', () => {
    const r = im2col(MAP, [3, 3, 1], 1, 2, 'valid');
    expect(Array.from(r.values)).toEqual([1, 3, 7, 9]);
  });
});
