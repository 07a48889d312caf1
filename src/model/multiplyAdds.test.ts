import { describe, expect, it } from 'vitest';
import { multiplyAdds } from './multiplyAdds';
import type { ModelSpec } from './types';

describe('multiplyAdds', () => {
  it('counts a convolution and a dense layer as Keras tutorials do', () => {
    const spec: ModelSpec = {
      inputShape: [28, 28, 1],
      layers: [
        { type: 'conv2d', filters: 8, kernelSize: 3, strides: 1, padding: 'valid', activation: 'relu' },
        { type: 'flatten' },
        { type: 'dense', units: 10, activation: 'softmax' },
      ],
    };
    // 26×26×8 outputs × 3×3×1 products; Flatten touches 5,408 values; Dense 5,408 × 10.
    expect(multiplyAdds(spec)).toBe(26 * 26 * 8 * 9 + 5408 + 5408 * 10);
  });

  it('is 0 for a network that cannot be built', () => {
    expect(multiplyAdds({ inputShape: [28, 28, 1], layers: [{ type: 'conv2d', filters: 8, kernelSize: 40, strides: 1, padding: 'valid', activation: 'relu' }] })).toBe(0);
  });
});
