import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../data/random';
import type { Activation, Padding } from '../model/types';
import { convByIm2col } from './convByIm2col';
import { convPixel } from './convPixel';
import { directConv } from './directConv';

function randomArray(rand: () => number, n: number): Float32Array {
  return Float32Array.from({ length: n }, () => rand() * 2 - 1);
}

const CASES: [number, number, number, number, number, number, Padding, Activation][] = [
  // h, w, c, k, stride, filters, padding, activation
  [6, 6, 1, 3, 1, 2, 'valid', 'linear'],
  [7, 5, 3, 3, 2, 4, 'same', 'relu'],
  [8, 9, 2, 5, 1, 3, 'same', 'tanh'],
  [9, 9, 3, 5, 2, 2, 'valid', 'sigmoid'],
  [7, 7, 1, 2, 2, 3, 'same', 'softmax'],
  [5, 6, 4, 1, 1, 2, 'valid', 'relu'],
];

describe('convByIm2col', () => {
  it.each(CASES)('equals a direct convolution (%i×%i×%i, K=%i, stride %i, F=%i, %s, %s)', (h, w, c, k, strides, filters, padding, activation) => {
    const rand = mulberry32(h * 1000 + w * 100 + c * 10 + k);
    const source = randomArray(rand, h * w * c);
    const kernel = randomArray(rand, k * k * c * filters);
    const bias = randomArray(rand, filters);
    const layer = { kernelSize: k, strides, padding, activation, filters };
    const { patches, product, output } = convByIm2col(source, [h, w, c], kernel, bias, layer);
    const expected = directConv(source, [h, w, c], kernel, bias, layer);
    expect(output.length).toBe(expected.length);
    expect(product.length).toBe(patches.rows * filters);
    for (let i = 0; i < expected.length; i++) expect(Math.abs(output[i] - expected[i])).toBeLessThan(1e-5);
    for (let y = 0; y < patches.outHeight; y++)
      for (let x = 0; x < patches.outWidth; x++)
        for (let o = 0; o < filters; o++) {
          const r = convPixel(source, [h, w, c], kernel, bias, layer, y, x, o);
          const at = (y * patches.outWidth + x) * filters + o;
          expect(Math.abs(output[at] - r.value)).toBeLessThan(1e-5);
          expect(Math.abs(product[at] - r.sum)).toBeLessThan(1e-5);
        }
  });
});
