import { describe, expect, it } from 'vitest';
import type { ModelSpec } from './types';
import { withOutputUnits } from './withOutputUnits';

const spec: ModelSpec = {
  inputShape: [28, 28, 1],
  layers: [{ type: 'flatten' }, { type: 'dense', units: 64, activation: 'relu' }, { type: 'dense', units: 10, activation: 'softmax' }],
};

describe('withOutputUnits', () => {
  it('sizes the last Dense layer for the classes and leaves the rest', () => {
    const three = withOutputUnits(spec, 3);
    expect(three.layers[2]).toEqual({ type: 'dense', units: 3, activation: 'softmax' });
    expect(three.layers.slice(0, 2)).toEqual(spec.layers.slice(0, 2));
    expect(spec.layers[2]).toMatchObject({ units: 10 });
  });

  it('gives back the same spec when nothing changes or the last layer is not Dense', () => {
    expect(withOutputUnits(spec, 10)).toBe(spec);
    const noDense: ModelSpec = { inputShape: [28, 28, 1], layers: [{ type: 'flatten' }] };
    expect(withOutputUnits(noDense, 3)).toBe(noDense);
  });
});
