import { describe, expect, it } from 'vitest';
import { denseInputName } from './denseInputName';

describe('denseInputName', () => {
  it('names a flattened [h, w, c] input by its map, row and column (1-based)', () => {
    // [5, 5, 64]: i = (y·5 + x)·64 + ch; y = 2, x = 3, ch = 7 → 13·64 + 7.
    expect(denseInputName(13 * 64 + 7, [5, 5, 64])).toBe('map 8, row 3, col 4');
    expect(denseInputName(0, [5, 5, 64])).toBe('map 1, row 1, col 1');
  });

  it('numbers a plain vector input', () => {
    expect(denseInputName(41, null)).toBe('input 42');
  });
});
