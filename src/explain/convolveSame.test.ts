import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../data/random';
import { convolveSame } from './convolveSame';
import { directConv } from './directConv';
import { HAND_FILTERS } from './handFilters';

const kernelOf = (id: string) => HAND_FILTERS.find((f) => f.id === id)!.kernel;

describe('convolveSame', () => {
  it('makes the vertical Sobel respond at a vertical step edge only', () => {
    // 5×6 image: columns 0..2 dark, 3..5 bright.
    const [h, w] = [5, 6];
    const image = Float32Array.from({ length: h * w }, (_, i) => (i % w >= 3 ? 1 : 0));
    const out = convolveSame(image, h, w, kernelOf('sobel-vertical'));
    for (let y = 1; y < h - 1; y++) {
      expect(Array.from(out.subarray(y * w, y * w + w))).toEqual([0, 0, 4, 4, 0, -4]);
    }
  });

  it('gives zero inside a constant image for the Laplacian', () => {
    const image = new Float32Array(6 * 6).fill(0.7);
    const out = convolveSame(image, 6, 6, kernelOf('laplacian'));
    for (let y = 1; y < 5; y++) for (let x = 1; x < 5; x++) expect(out[y * 6 + x]).toBeCloseTo(0, 6);
    // At the border the zero padding looks like a drop: the Laplacian sees it.
    expect(out[0]).toBeCloseTo(-1.4, 6);
  });

  it('agrees with a one-filter same conv', () => {
    const rand = mulberry32(11);
    const image = Float32Array.from({ length: 7 * 5 }, () => rand());
    const kernel = Float32Array.from({ length: 9 }, () => rand() - 0.5);
    const expected = directConv(image, [7, 5, 1], kernel, new Float32Array(1), {
      kernelSize: 3,
      strides: 1,
      padding: 'same',
      activation: 'linear',
      filters: 1,
    });
    const out = convolveSame(image, 7, 5, kernel);
    for (let i = 0; i < out.length; i++) expect(out[i]).toBeCloseTo(expected[i], 5);
  });

  it('refuses a kernel that is not 3×3', () => {
    expect(() => convolveSame(new Float32Array(4), 2, 2, [1, 2, 3, 4])).toThrow(/3×3/);
  });
});
