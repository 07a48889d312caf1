import { describe, expect, it } from 'vitest';
import type { LayerSpec, ModelSpec } from '../model/types';
import { receptiveField } from './receptiveField';

const conv = (k: number, padding: 'valid' | 'same' = 'valid', strides = 1): LayerSpec => ({
  type: 'conv2d',
  filters: 4,
  kernelSize: k,
  strides,
  padding,
  activation: 'relu',
});
const pool = (size: number): LayerSpec => ({ type: 'maxPool2d', poolSize: size, strides: size, padding: 'valid' });
const spec = (...layers: LayerSpec[]): ModelSpec => ({ inputShape: [28, 28, 1], layers });

describe('receptiveField', () => {
  it('is the kernel window for a single valid conv', () => {
    expect(receptiveField(spec(conv(3)), 0, 0, 0)).toEqual({ box: { top: 0, left: 0, bottom: 2, right: 2 }, size: 3 });
    expect(receptiveField(spec(conv(3)), 0, 5, 7).box).toEqual({ top: 5, left: 7, bottom: 7, right: 9 });
  });

  it('grows through conv 3×3 → max pool 2 → conv 3×3 to 8', () => {
    const s = spec(conv(3), pool(2), conv(3));
    // Conv: 1 row → 3 rows of the pool's output → 6 of the first conv's output → 8 of the image.
    expect(receptiveField(s, 2, 0, 0)).toEqual({ box: { top: 0, left: 0, bottom: 7, right: 7 }, size: 8 });
    expect(receptiveField(s, 2, 1, 2).box).toEqual({ top: 2, left: 4, bottom: 9, right: 11 });
    // Starting at the pool: 2 rows of conv output → 4 image rows.
    expect(receptiveField(s, 1, 0, 0).size).toBe(4);
  });

  it('lets batchNorm and dropout pass through', () => {
    const s = spec(conv(3), { type: 'batchNorm' }, { type: 'dropout', rate: 0.5 }, conv(3));
    expect(receptiveField(s, 3, 0, 0).size).toBe(5);
  });

  it('walks through the layers of Keras files: a Reshape that keeps the image, per-pixel layers, and ZeroPadding2D, which shifts the field', () => {
    const s: ModelSpec = {
      inputShape: [28, 28, 1],
      kerasInput: [28, 28],
      layers: [
        { type: 'reshape', targetShape: [28, 28, 1] }, { type: 'rescaling', scale: 1 / 255, offset: 0 }, { type: 'zeroPadding2d', padding: [2, 2, 2, 2] },
        conv(5), { type: 'activation', activation: 'relu' }, { type: 'relu' }, { type: 'spatialDropout2d', rate: 0.1 }, conv(3),
      ],
    };
    // Row 0 of the last conv reads padded rows 0–6, image rows −2…4: clipped to 0–4, size 7.
    expect(receptiveField(s, 7, 0, 0)).toEqual({ box: { top: 0, left: 0, bottom: 4, right: 4 }, size: 7 });
    expect(receptiveField(s, 7, 10, 3).box).toEqual({ top: 8, left: 1, bottom: 14, right: 7 });
  });

  it('clips a same-padded corner to the image but keeps the full size', () => {
    const s = spec(conv(3, 'same'), conv(3, 'same'));
    expect(receptiveField(s, 1, 0, 0)).toEqual({ box: { top: 0, left: 0, bottom: 2, right: 2 }, size: 5 });
    expect(receptiveField(s, 1, 27, 27).box).toEqual({ top: 25, left: 25, bottom: 27, right: 27 });
  });

  it('multiplies by strides', () => {
    const s = spec(conv(3, 'valid', 2), conv(3, 'valid', 2));
    // 3 rows of the first output, taken 2 apart: (3 − 1)·2 + 3 = 7 image rows.
    expect(receptiveField(s, 1, 0, 0).size).toBe(7);
    expect(receptiveField(s, 1, 1, 0).box.top).toBe(4);
  });

  it('is the whole image behind a Reshape that lays the image out anew', () => {
    const s: ModelSpec = { inputShape: [28, 28, 1], layers: [{ type: 'reshape', targetShape: [14, 56, 1] }, conv(3), { type: 'flatten' }, { type: 'dense', units: 10, activation: 'softmax' }] };
    expect(receptiveField(s, 1, 5, 5)).toEqual({ box: { top: 0, left: 0, bottom: 27, right: 27 }, size: 28 });
  });

  it('refuses to walk back through flatten or dense', () => {
    const s = spec({ type: 'flatten' }, { type: 'dense', units: 3, activation: 'softmax' });
    expect(() => receptiveField(s, 1, 0, 0)).toThrow(/dense/);
  });
});
