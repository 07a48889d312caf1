import { describe, expect, it } from 'vitest';
import { makeBatch } from './makeBatch';

describe('makeBatch', () => {
  const pixels = new Uint8Array([0, 255, 51, 102, 204, 0]); // three 2-pixel images
  const labels = new Uint8Array([7, 3, 9]);

  it('gathers the requested images in index order and scales to [0, 1]', () => {
    const b = makeBatch(pixels, labels, 2, [2, 0], 0, 2);
    expect(b.n).toBe(2);
    expect(Array.from(b.x)).toEqual([0.8, 0, 0, 1].map((v) => Math.fround(v)));
    expect(Array.from(b.y)).toEqual([9, 7]);
  });

  it('clips the last partial batch', () => {
    const b = makeBatch(pixels, labels, 2, [0, 1, 2], 2, 4);
    expect(b.n).toBe(1);
    expect(Array.from(b.y)).toEqual([9]);
  });
});
