import type { ModelSpec, TrainConfig } from './types';

/**
 * Seed 002's network (Coursera "TensorFlow in Practice", week 3): two 64-filter
 * 3×3 convolutions with 2×2 max pooling, Dense 128, softmax output. Keras reports
 * 243,786 parameters for it.
 */
export const SEED_002_SPEC: ModelSpec = {
  inputShape: [28, 28, 1],
  layers: [
    { type: 'conv2d', filters: 64, kernelSize: 3, strides: 1, padding: 'valid', activation: 'relu' },
    { type: 'maxPool2d', poolSize: 2, strides: 2, padding: 'valid' },
    { type: 'conv2d', filters: 64, kernelSize: 3, strides: 1, padding: 'valid', activation: 'relu' },
    { type: 'maxPool2d', poolSize: 2, strides: 2, padding: 'valid' },
    { type: 'flatten' },
    { type: 'dense', units: 128, activation: 'relu' },
    { type: 'dense', units: 10, activation: 'softmax' },
  ],
};

/** Keras defaults as used by seed 002: Adam(lr=0.001), batch 32, 5 epochs. */
export const DEFAULT_TRAIN_CONFIG: TrainConfig = {
  epochs: 5,
  batchSize: 32,
  learningRate: 0.001,
  optimizer: 'adam',
  validationSplit: 0.2,
  seed: 42,
};
