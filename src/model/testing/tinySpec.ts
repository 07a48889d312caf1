import type { ModelSpec } from '../types';

/** Conv2D 2 3×3 → Flatten → Dense 10: the smallest real convnet, for tests that build or train one in Node. */
export const TINY_SPEC: ModelSpec = {
  inputShape: [28, 28, 1],
  layers: [
    { type: 'conv2d', filters: 2, kernelSize: 3, strides: 1, padding: 'valid', activation: 'relu' },
    { type: 'flatten' },
    { type: 'dense', units: 10, activation: 'softmax' },
  ],
};
