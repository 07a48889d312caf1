import { describe, expect, it } from 'vitest';
import { smoothEma } from './smoothEma';

describe('smoothEma', () => {
  it('starts at the first value (no bias towards zero) and follows a constant exactly', () => {
    expect(Array.from(smoothEma([2, 2, 2], 0.9))).toEqual([2, 2, 2].map((v) => expect.closeTo(v, 12)));
  });
  it('damps noise', () => {
    const noisy = Array.from({ length: 200 }, (_, i) => 1 + (i % 2 ? 0.5 : -0.5));
    const s = smoothEma(noisy, 0.9);
    expect(Math.abs(s[199] - 1)).toBeLessThan(0.05);
  });
  it('weight 0 is the identity and NaN stays a gap', () => {
    expect(Array.from(smoothEma([1, NaN, 3], 0))).toEqual([1, NaN, 3]);
  });
});
