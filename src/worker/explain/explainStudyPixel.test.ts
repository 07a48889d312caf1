import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../model/presets';
import { explainStudyPixel } from './explainStudyPixel';

const alexnet = PRESETS.find((p) => p.id === 'alexnet')!.spec;

describe('explainStudyPixel', () => {
  it('works out a classic net\'s layer alone at its real size, with random weights, on the drawing', () => {
    const image = Float32Array.from({ length: 784 }, (_, i) => (i % 28 > 10 && i % 28 < 16 ? 1 : 0)); // a vertical bar
    const e = explainStudyPixel(alexnet, image, { layer: 0, channel: 7, y: 27, x: 30 });
    expect(e.study).toBe(true);
    expect(e.map.shape).toEqual([55, 55]);
    expect(e.source.shape).toEqual([227, 227, 3]);
    expect(e.image.shape).toEqual([227, 227]);
    expect(e.arithmetic.op).toBe('conv');
    // The map (a direct convolution) and the hand-worked pixel agree.
    expect(Math.abs(e.arithmetic.value - e.modelValue)).toBeLessThanOrEqual(1e-5);
    expect(e.receptiveField.size).toBe(11);
    // The same pick gives the same numbers: the weights are seeded by layer and filter.
    expect(explainStudyPixel(alexnet, image, { layer: 0, channel: 7, y: 27, x: 30 }).modelValue).toBe(e.modelValue);
  });

  it('works out a pooling pixel of a deeper layer on random input', () => {
    const pool = alexnet.layers.findIndex((l) => l.type === 'maxPool2d');
    const e = explainStudyPixel(alexnet, null, { layer: pool, channel: 3, y: 5, x: 9 });
    expect(e.arithmetic.op).toBe('max');
    expect(e.arithmetic.value).toBe(e.modelValue);
  });
});
