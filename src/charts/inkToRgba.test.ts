import { describe, expect, it } from 'vitest';
import { inkToRgba } from './inkToRgba';

describe('inkToRgba', () => {
  it('ink white, background black, opaque; clamped, NaN as background', () => {
    const out = new Uint8ClampedArray(6 * 4);
    inkToRgba([0, 1, 0.5, 2, -1, NaN], out);
    expect(Array.from(out)).toEqual([
      0, 0, 0, 255,
      255, 255, 255, 255,
      128, 128, 128, 255,
      255, 255, 255, 255,
      0, 0, 0, 255,
      0, 0, 0, 255,
    ]);
  });

  it('writes only the pixels both sides have', () => {
    const out = new Uint8ClampedArray(3 * 4);
    inkToRgba([1], out);
    expect(Array.from(out)).toEqual([255, 255, 255, 255, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(() => inkToRgba(new Float32Array(784), new Uint8ClampedArray(4))).not.toThrow();
  });
});
