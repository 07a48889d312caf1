import { describe, expect, it } from 'vitest';
import { wordMessage } from '../i18n/i18n';
import type { Message } from './message';
import { inferShapes, layerFieldErrors, windowOutputSize } from './inferShapes';
import { SEED_002_SPEC } from './presets';
import type { ModelSpec } from './types';

/** A message in English, as the page words it; undefined stays undefined. */
const worded = (m: Message | undefined) => m && wordMessage(m);
/** Each field's problem in English. */
const fieldErrors = (...args: Parameters<typeof layerFieldErrors>) => Object.fromEntries(Object.entries(layerFieldErrors(...args)).map(([k, m]) => [k, wordMessage(m)]));

describe('inferShapes', () => {
  it('matches the Keras summary of seed 002 (243,786 parameters)', () => {
    const info = inferShapes(SEED_002_SPEC, 10);
    expect(info.error).toBeUndefined();
    expect(info.layers.map((l) => l.outputShape)).toEqual([
      [26, 26, 64], [13, 13, 64], [11, 11, 64], [5, 5, 64], [1600], [128], [10],
    ]);
    expect(info.layers.map((l) => l.trainableParams)).toEqual([640, 0, 36928, 0, 0, 204928, 1290]);
    expect(info.totalParams).toBe(243786);
  });

  it('counts BatchNormalization moving statistics as non-trainable', () => {
    const spec: ModelSpec = {
      inputShape: [28, 28, 1],
      layers: [
        { type: 'conv2d', filters: 32, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' },
        { type: 'batchNorm' },
        { type: 'flatten' },
        { type: 'dense', units: 10, activation: 'softmax' },
      ],
    };
    const info = inferShapes(spec, 10);
    expect(info.layers[1].trainableParams).toBe(64);
    expect(info.nonTrainableParams).toBe(64);
  });

  it('flags a window larger than its input at that layer', () => {
    const spec: ModelSpec = {
      inputShape: [28, 28, 1],
      layers: [
        { type: 'conv2d', filters: 8, kernelSize: 30, strides: 1, padding: 'valid', activation: 'relu' },
        { type: 'flatten' },
        { type: 'dense', units: 10, activation: 'softmax' },
      ],
    };
    const info = inferShapes(spec, 10);
    expect(worded(info.layers[0].error)).toMatch(/30×30 is larger than its 28×28 input/);
    expect(worded(info.error)).toMatch(/^Layer 1 \(Conv2D 8 30×30\)/);
  });

  it('flags Dense before Flatten and a wrong output layer', () => {
    const dense3d: ModelSpec = { inputShape: [28, 28, 1], layers: [{ type: 'dense', units: 10, activation: 'softmax' }] };
    expect(worded(inferShapes(dense3d, 10).error)).toMatch(/add Flatten before Dense/);
    const wrongOut: ModelSpec = { inputShape: [28, 28, 1], layers: [{ type: 'flatten' }, { type: 'dense', units: 5, activation: 'softmax' }] };
    expect(worded(inferShapes(wrongOut, 10).error)).toMatch(/Dense 10 with softmax/);
  });

  it('applies Keras output-size rules', () => {
    expect(windowOutputSize(28, 3, 1, 'valid')).toBe(26);
    expect(windowOutputSize(13, 2, 2, 'valid')).toBe(6);
    expect(windowOutputSize(7, 2, 2, 'same')).toBe(4);
  });

  it('checks every numeric argument: whole numbers, ranges', () => {
    const conv = { type: 'conv2d', filters: 2.5, kernelSize: 0, strides: 65, padding: 'same', activation: 'relu' } as const;
    expect(fieldErrors(conv)).toEqual({
      filters: 'Filters must be a whole number, not 2.5',
      kernelSize: 'Kernel size must be at least 1, not 0',
      strides: 'Stride must be at most 64, not 65',
    });
    expect(fieldErrors({ type: 'dense', units: NaN, activation: 'relu' })).toEqual({ units: 'Units must be a number' });
    expect(fieldErrors({ type: 'dropout', rate: 1 })).toEqual({ rate: 'Rate must be at least 0 and below 1, not 1' });
    expect(fieldErrors({ type: 'maxPool2d', poolSize: 2, strides: 2, padding: 'valid' })).toEqual({});
    const spec: ModelSpec = { inputShape: [28, 28, 1], layers: [conv, { type: 'flatten' }, { type: 'dense', units: 10, activation: 'softmax' }] };
    expect(worded(inferShapes(spec, 10).error)).toBe('Layer 1 (Conv2D 2.5 0×0): Filters must be a whole number, not 2.5');
  });

  it('gives a stride larger than its input one pixel, and flags a second Flatten and an empty input', () => {
    const tiny: ModelSpec = {
      inputShape: [4, 4, 1],
      layers: [{ type: 'conv2d', filters: 1, kernelSize: 1, strides: 8, padding: 'valid', activation: 'relu' }, { type: 'flatten' }, { type: 'flatten' }],
    };
    const info = inferShapes(tiny, 10);
    expect(info.layers[0].outputShape).toEqual([1, 1, 1]);
    expect(worded(info.layers[2].error)).toMatch(/already flat; remove this Flatten/);
    const input: ModelSpec = { inputShape: [0, 28, 1], layers: [] };
    expect(worded(inferShapes(input, 10).error)).toBe('Input: Height must be at least 1, not 0');
  });
});
