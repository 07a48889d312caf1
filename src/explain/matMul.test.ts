import { describe, expect, it } from 'vitest';
import { matMul } from './matMul';

describe('matMul', () => {
  it('multiplies a 2×3 by a 3×2', () => {
    const a = Float32Array.from([1, 2, 3, 4, 5, 6]);
    const b = Float32Array.from([7, 8, 9, 10, 11, 12]);
    expect(Array.from(matMul(a, 2, 3, b, 2))).toEqual([58, 64, 139, 154]);
  });

  it('keeps the identity', () => {
    const a = Float32Array.from([1.5, -2, 0.25, 4]);
    const id = Float32Array.from([1, 0, 0, 1]);
    expect(Array.from(matMul(a, 2, 2, id, 2))).toEqual(Array.from(a));
  });

  it('rejects mismatched sizes', () => {
    expect(() => matMul(new Float32Array(5), 2, 3, new Float32Array(6), 2)).toThrow(/2×3/);
    expect(() => matMul(new Float32Array(6), 2, 3, new Float32Array(5), 2)).toThrow(/3×2/);
  });
});
