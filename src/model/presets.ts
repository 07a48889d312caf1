import type { LayerSpec, ModelSpec, OptimizerName, TrainConfig } from './types';

/** A network from one of the tutorials, with the settings it was trained with. */
export interface Preset {
  id: string;
  label: string;
  /** The dataset the tutorial trained on (ids of src/data/datasets.ts). */
  dataset: 'mnist' | 'fashion-mnist';
  spec: ModelSpec;
  train: { epochs: number; batchSize: number; learningRate: number; optimizer: OptimizerName };
  /** Where it comes from and what was adapted, shown under the chooser. */
  note: string;
}

const conv = (filters: number, kernelSize: number, padding: 'valid' | 'same', activation: 'relu' | 'tanh' = 'relu'): LayerSpec =>
  ({ type: 'conv2d', filters, kernelSize, strides: 1, padding, activation });
const maxPool = (padding: 'valid' | 'same' = 'valid'): LayerSpec => ({ type: 'maxPool2d', poolSize: 2, strides: 2, padding });
const dense = (units: number, activation: 'relu' | 'tanh' | 'softmax' = 'relu'): LayerSpec => ({ type: 'dense', units, activation });
const dropout = (rate: number): LayerSpec => ({ type: 'dropout', rate });
const INPUT: ModelSpec['inputShape'] = [28, 28, 1];

/**
 * Seed 002's network (Coursera "TensorFlow in Practice", week 3): two 64-filter
 * 3×3 convolutions with 2×2 max pooling, Dense 128, softmax output. Keras reports
 * 243,786 parameters for it.
 */
export const SEED_002_SPEC: ModelSpec = {
  inputShape: INPUT,
  layers: [conv(64, 3, 'valid'), maxPool(), conv(64, 3, 'valid'), maxPool(), { type: 'flatten' }, dense(128), dense(10, 'softmax')],
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

/** The tutorials' networks (shared/seeds/), all trainable at 28×28×1. */
export const PRESETS: readonly Preset[] = [
  {
    id: 'seed-002',
    label: 'Seed 002 · Coursera: 2 × Conv2D 64',
    dataset: 'fashion-mnist',
    spec: SEED_002_SPEC,
    train: { epochs: 5, batchSize: 32, learningRate: 0.001, optimizer: 'adam' },
    note: 'Adam, 5 epochs, batch 32. The tutorial reports 90.45% test accuracy on Fashion-MNIST.',
  },
  {
    id: 'seed-000',
    label: 'Seed 000 · Do it: Conv2D 10 + Dense 100',
    dataset: 'fashion-mnist',
    spec: { inputShape: INPUT, layers: [conv(10, 3, 'same'), maxPool(), { type: 'flatten' }, dense(100), dense(10, 'softmax')] },
    train: { epochs: 20, batchSize: 128, learningRate: 0.01, optimizer: 'sgd' },
    note: 'Plain SGD at 0.01, batch 128, 20 epochs. The tutorial reports 88.08% validation and 86.52% test accuracy.',
  },
  {
    id: 'seed-001',
    label: 'Seed 001 · Conv2D 32 + BatchNorm + Dropout',
    dataset: 'fashion-mnist',
    spec: {
      inputShape: INPUT,
      layers: [conv(32, 3, 'same'), { type: 'batchNorm' }, maxPool(), dropout(0.25), { type: 'flatten' }, dense(512), { type: 'batchNorm' }, dense(10, 'softmax')],
    },
    train: { epochs: 20, batchSize: 32, learningRate: 0.001, optimizer: 'adam' },
    note: 'Adam, batch 32. The tutorial stops early on val_loss (patience 3); until early stopping lands here, it trains 20 epochs.',
  },
  {
    id: 'seed-004',
    label: 'Seed 004 · TF1: Conv2D 32-64-128 + Dense 625',
    dataset: 'mnist',
    spec: {
      inputShape: INPUT,
      layers: [
        conv(32, 3, 'same'), maxPool('same'), dropout(0.2),
        conv(64, 3, 'same'), maxPool('same'), dropout(0.2),
        conv(128, 3, 'same'), maxPool('same'), { type: 'flatten' }, dropout(0.2),
        dense(625), dropout(0.5), dense(10, 'softmax'),
      ],
    },
    train: { epochs: 12, batchSize: 128, learningRate: 0.001, optimizer: 'rmsprop' },
    note: 'RMSProp (lr 0.001, ρ 0.9), batch 128; the author stopped after 12 of 100 epochs on a slow CPU. Keras layers add biases the TF1 code did not have.',
  },
  {
    id: 'lenet-5',
    label: 'LeNet-5 (28×28, first conv padded by 2)',
    dataset: 'mnist',
    spec: {
      inputShape: INPUT,
      layers: [
        conv(6, 5, 'same', 'tanh'), { type: 'avgPool2d', poolSize: 2, strides: 2, padding: 'valid' },
        conv(16, 5, 'valid', 'tanh'), { type: 'avgPool2d', poolSize: 2, strides: 2, padding: 'valid' },
        { type: 'flatten' }, dense(120, 'tanh'), dense(84, 'tanh'), dense(10, 'softmax'),
      ],
    },
    train: { epochs: 10, batchSize: 32, learningRate: 0.001, optimizer: 'adam' },
    note: 'LeCun et al. 1998 on a 32×32 input; "same" padding on the first convolution gives the same shapes from 28×28 (61,706 parameters). Tanh and average pooling as in the paper; Adam instead of its original training.',
  },
];

export const DEFAULT_PRESET_ID = 'seed-002';
