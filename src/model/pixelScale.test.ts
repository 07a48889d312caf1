import { describe, expect, it } from 'vitest';
import { pixelScale } from './pixelScale';
import type { LayerSpec } from './types';

const dense: LayerSpec = { type: 'dense', units: 10, activation: 'softmax' };

describe('pixelScale', () => {
  it('is 255 for a model that rescales by 1/255 or 1/127.5 at its input, also after a Reshape or a random layer', () => {
    expect(pixelScale({ layers: [{ type: 'rescaling', scale: 1 / 255, offset: 0 }, dense] })).toBe(255);
    expect(pixelScale({ layers: [{ type: 'reshape', targetShape: [28, 28, 1] }, { type: 'rescaling', scale: 1 / 127.5, offset: -1 }, dense] })).toBe(255);
    expect(pixelScale({ layers: [{ type: 'random', className: 'RandomFlip', config: {} }, { type: 'rescaling', scale: 1 / 255, offset: 0 }, dense] })).toBe(255);
  });

  it('is 1 for every other network: no Rescaling, one meant for 0–1 inputs, or one further in', () => {
    expect(pixelScale({ layers: [{ type: 'flatten' }, dense] })).toBe(1);
    expect(pixelScale({ layers: [{ type: 'rescaling', scale: 2, offset: -1 }, dense] })).toBe(1);
    expect(pixelScale({ layers: [{ type: 'conv2d', filters: 1, kernelSize: 1, strides: 1, padding: 'valid', activation: 'relu' }, { type: 'rescaling', scale: 1 / 255, offset: 0 }, dense] })).toBe(1);
  });
});
