import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../data/random';
import type { Activation, Padding } from '../model/types';
import { convPixel } from './convPixel';
import { directConv } from './directConv';

function randomArray(rand: () => number, n: number): Float32Array {
  return Float32Array.from({ length: n }, () => rand() * 2 - 1);
}

const CASES: [Padding, number, number, number][] = [];
for (const padding of ['valid', 'same'] as const)
  for (const strides of [1, 2]) for (const k of [3, 5]) for (const c of [1, 3]) CASES.push([padding, strides, k, c]);

describe('convPixel', () => {
  it.each(CASES)('matches a direct convolution (%s, stride %i, K=%i, C=%i) at every pixel', (padding, strides, k, c) => {
    const rand = mulberry32(strides * 100 + k * 10 + c);
    const [h, w, f] = [9, 8, 2];
    const source = randomArray(rand, h * w * c);
    const kernel = randomArray(rand, k * k * c * f);
    const bias = randomArray(rand, f);
    const layer = { kernelSize: k, strides, padding, activation: 'linear' as Activation, filters: f };
    const expected = directConv(source, [h, w, c], kernel, bias, layer);
    const ow = padding === 'same' ? Math.ceil(w / strides) : Math.floor((w - k) / strides) + 1;
    const rows = expected.length / (ow * f);
    expect(rows).toBe(padding === 'same' ? Math.ceil(h / strides) : Math.floor((h - k) / strides) + 1);
    for (let y = 0; y < rows; y++)
      for (let x = 0; x < ow; x++)
        for (let o = 0; o < f; o++) {
          const r = convPixel(source, [h, w, c], kernel, bias, layer, y, x, o);
          expect(r.value).toBeCloseTo(expected[(y * ow + x) * f + o], 5);
          const channelTotal = r.channelSums.reduce((a, b) => a + b, 0);
          expect(channelTotal).toBeCloseTo(r.sum, 5);
          expect(r.preActivation).toBeCloseTo(r.sum + r.bias, 12);
        }
  });

  it('zeros and marks the padding at a corner pixel', () => {
    const rand = mulberry32(7);
    const source = randomArray(rand, 4 * 4 * 2);
    const kernel = randomArray(rand, 3 * 3 * 2 * 1);
    const layer = { kernelSize: 3, strides: 1, padding: 'same' as Padding, activation: 'relu' as Activation, filters: 1 };
    const r = convPixel(source, [4, 4, 2], kernel, new Float32Array([0.5]), layer, 0, 0, 0);
    expect([r.window.top, r.window.left]).toEqual([-1, -1]);
    // Row ky = 0 and column kx = 0 lie in the padding: 5 cells × 2 channels.
    const paddedCells = Array.from(r.padded).reduce((a, b) => a + b, 0);
    expect(paddedCells).toBe(10);
    for (let i = 0; i < r.padded.length; i++) if (r.padded[i]) expect(r.patch[i]).toBe(0);
    // Cell (ky 1, kx 1) channel 1 is source (0, 0) channel 1; its weight is kernel[(4·2 + 1)·1].
    expect(r.patch[(1 * 3 + 1) * 2 + 1]).toBe(source[1]);
    expect(r.kernel[(1 * 3 + 1) * 2 + 1]).toBe(kernel[9]);
    expect(r.value).toBe(Math.max(r.preActivation, 0));
  });

  it('takes softmax across filters at the pixel', () => {
    const rand = mulberry32(3);
    const f = 4;
    const source = randomArray(rand, 5 * 5);
    const kernel = randomArray(rand, 9 * f);
    const bias = randomArray(rand, f);
    const layer = { kernelSize: 3, strides: 1, padding: 'valid' as Padding, activation: 'softmax' as Activation, filters: f };
    const expected = directConv(source, [5, 5, 1], kernel, bias, layer);
    let total = 0;
    for (let o = 0; o < f; o++) {
      const r = convPixel(source, [5, 5, 1], kernel, bias, layer, 1, 2, o);
      expect(r.value).toBeCloseTo(expected[(1 * 3 + 2) * f + o], 6);
      total += r.value;
    }
    expect(total).toBeCloseTo(1, 6);
  });
});
