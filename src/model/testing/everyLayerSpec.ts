import type { ModelSpec } from '../types';

/**
 * A network with every layer type Convscope has, in an order real Keras MNIST
 * models use them: a 28×28 input reshaped, rescaled from 0–255, padded as
 * LeNet pads, convolutions without a bias and with separate activations, a
 * global pool, noise, and a linear Dense then Activation("softmax").
 */
export const EVERY_LAYER_SPEC: ModelSpec = {
  inputShape: [28, 28, 1],
  kerasInput: [28, 28],
  layers: [
    { type: 'reshape', targetShape: [28, 28, 1] },
    { type: 'rescaling', scale: 1 / 255, offset: 0 },
    { type: 'random', className: 'RandomRotation', config: { factor: 0.05, fill_mode: 'constant' } },
    { type: 'zeroPadding2d', padding: [2, 2, 2, 2] },
    { type: 'conv2d', filters: 4, kernelSize: 5, strides: 1, padding: 'valid', activation: 'linear', useBias: false },
    { type: 'batchNorm' },
    { type: 'activation', activation: 'relu' },
    { type: 'maxPool2d', poolSize: 2, strides: 2, padding: 'valid' },
    { type: 'spatialDropout2d', rate: 0.1 },
    { type: 'conv2d', filters: 6, kernelSize: 3, strides: 1, padding: 'same', activation: 'linear' },
    { type: 'relu' },
    { type: 'avgPool2d', poolSize: 2, strides: 2, padding: 'valid' },
    { type: 'globalMaxPool2d' },
    { type: 'gaussianNoise', stddev: 0.1 },
    { type: 'dense', units: 12, activation: 'tanh', useBias: false },
    { type: 'gaussianDropout', rate: 0.1 },
    { type: 'dropout', rate: 0.2 },
    { type: 'dense', units: 10, activation: 'linear' },
    { type: 'activation', activation: 'softmax' },
  ],
};

/** The same kinds of layer with Flatten and a global average pool in place of the global max pool. */
export const FLATTEN_VARIANT: ModelSpec = {
  inputShape: [28, 28, 1],
  layers: [
    { type: 'conv2d', filters: 3, kernelSize: 3, strides: 1, padding: 'valid', activation: 'relu' },
    { type: 'globalAvgPool2d' },
    { type: 'dense', units: 10, activation: 'softmax' },
  ],
};
