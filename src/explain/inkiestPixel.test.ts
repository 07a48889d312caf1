import { describe, expect, it } from 'vitest';
import type { ModelSpec } from '../model/types';
import { inkiestPixel } from './inkiestPixel';

const SPEC: ModelSpec = {
  inputShape: [8, 8, 1],
  layers: [
    { type: 'conv2d', filters: 1, kernelSize: 3, strides: 1, padding: 'valid', activation: 'relu' },
    { type: 'maxPool2d', poolSize: 2, strides: 2, padding: 'valid' },
    { type: 'flatten' },
    { type: 'dense', units: 2, activation: 'softmax' },
  ],
};

describe('inkiestPixel', () => {
  it('finds the pixel whose receptive field holds the most ink', () => {
    const image = new Float32Array(64);
    for (const [r, c] of [[5, 5], [5, 6], [6, 5], [6, 6], [1, 1]]) image[r * 8 + c] = 1;
    expect(inkiestPixel(SPEC, 0, 6, 6, image)).toEqual({ y: 4, x: 4 }); // window rows 4–6, columns 4–6 holds all four
    expect(inkiestPixel(SPEC, 1, 3, 3, image)).toEqual({ y: 2, x: 2 });
  });

  it('gives the middle of a blank image', () => {
    expect(inkiestPixel(SPEC, 0, 6, 6, new Float32Array(64))).toEqual({ y: 3, x: 3 });
  });
});
