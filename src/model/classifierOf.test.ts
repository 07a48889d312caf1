import { describe, expect, it } from 'vitest';
import { classifierOf } from './classifierOf';
import type { LayerSpec } from './types';

const flatten: LayerSpec = { type: 'flatten' };

describe('classifierOf', () => {
  it('finds a Dense with softmax at the end', () => {
    expect(classifierOf({ layers: [flatten, { type: 'dense', units: 10, activation: 'softmax' }] })).toEqual({ dense: 1, probabilities: 1, units: 10 });
  });

  it('finds a linear Dense followed by Activation("softmax")', () => {
    const layers: LayerSpec[] = [flatten, { type: 'dense', units: 7, activation: 'linear' }, { type: 'activation', activation: 'softmax' }];
    expect(classifierOf({ layers })).toEqual({ dense: 1, probabilities: 2, units: 7 });
  });

  it('refuses other endings: a softmax after a Dense that already has an activation, a relu output, nothing', () => {
    expect(classifierOf({ layers: [{ type: 'dense', units: 10, activation: 'relu' }, { type: 'activation', activation: 'softmax' }] })).toBeUndefined();
    expect(classifierOf({ layers: [flatten, { type: 'dense', units: 10, activation: 'relu' }] })).toBeUndefined();
    expect(classifierOf({ layers: [flatten, { type: 'activation', activation: 'softmax' }] })).toBeUndefined();
    expect(classifierOf({ layers: [] })).toBeUndefined();
  });
});
