import { optimizerConfig } from './optimizerDefaults';
import { AUGMENT_DEFAULT, type AugmentConfig } from './augmentConfig';
import { message, type Message } from './message';
import type { EarlyStoppingConfig, LayerSpec, ModelSpec, OptimizerConfig, TrainConfig } from './types';

/** A network with the settings it was trained with. */
export interface Preset {
  id: string;
  /** Its name in the presets menu (editor:presets.<key>.label). */
  label: Message;
  /**
   * 'tutorial': from the seed tutorials (or a classic scaled to 28×28), trainable;
   * 'recipe': made for this page, trainable; 'classic': a published network at its
   * own input size, opened for study (shapes, summary, Keras code), not for training.
   */
  kind: 'tutorial' | 'recipe' | 'classic';
  /** The dataset it trained on (ids of src/data/datasets.ts); classic nets leave the choice alone. */
  dataset?: 'mnist' | 'fashion-mnist';
  spec: ModelSpec;
  train: {
    epochs: number;
    batchSize: number;
    optimizer: OptimizerConfig;
    earlyStopping: EarlyStoppingConfig | null;
    /** Training-set size and validation fraction, when the preset sets them (else the setup keeps its own). */
    trainSize?: number | 'all';
    validationSplit?: number;
    /** Augmentation of the training images; absent: none. */
    augment?: AugmentConfig;
  };
  /** Where it comes from and what was adapted, shown under the chooser (editor:presets.<key>.note). */
  note: Message;
}

const conv = (filters: number, kernelSize: number, padding: 'valid' | 'same', activation: 'relu' | 'tanh' = 'relu', strides = 1): LayerSpec =>
  ({ type: 'conv2d', filters, kernelSize, strides, padding, activation });
const maxPool = (padding: 'valid' | 'same' = 'valid', poolSize = 2, strides = poolSize): LayerSpec => ({ type: 'maxPool2d', poolSize, strides, padding });
const avgPool = (): LayerSpec => ({ type: 'avgPool2d', poolSize: 2, strides: 2, padding: 'valid' });
const flatten: LayerSpec = { type: 'flatten' };
const batchNorm: LayerSpec = { type: 'batchNorm' };
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
  layers: [conv(64, 3, 'valid'), maxPool(), conv(64, 3, 'valid'), maxPool(), flatten, dense(128), dense(10, 'softmax')],
};

/** Keras defaults as used by seed 002: Adam(lr=0.001), batch 32, 5 epochs. */
export const DEFAULT_TRAIN_CONFIG: TrainConfig = {
  epochs: 5,
  batchSize: 32,
  optimizer: optimizerConfig('adam'),
  validationSplit: 0.2,
  seed: 42,
  earlyStopping: null,
};

/** LeNet-5's layers after its first convolution (LeCun et al. 1998, C5 as a 5×5 convolution). */
const LENET_TAIL: LayerSpec[] = [
  avgPool(), conv(16, 5, 'valid', 'tanh'), avgPool(), conv(120, 5, 'valid', 'tanh'), flatten, dense(84, 'tanh'), dense(10, 'softmax'),
];

/** VGG-16 (Simonyan & Zisserman 2014, configuration D): 13 convolutions 3×3 "same" in five blocks. */
const VGG16_LAYERS: LayerSpec[] = [64, 128, 256, 512, 512].flatMap((filters, block) => [
  ...Array.from({ length: block < 2 ? 2 : 3 }, () => conv(filters, 3, 'same')),
  maxPool(),
]);

/**
 * "Net S" with dropout: the network of the bench (Conv2D 32 3×3 same → MaxPool →
 * Conv2D 64 3×3 same → MaxPool → Dense 128), small enough to train fast on a CPU,
 * and dropout after each block, which took it past 99% (without: 98.9% after 4 epochs).
 */
export const FAST_99_SPEC: ModelSpec = {
  inputShape: INPUT,
  layers: [conv(32, 3, 'same'), maxPool(), dropout(0.25), conv(64, 3, 'same'), maxPool(), dropout(0.25), flatten, dense(128), dropout(0.5), dense(10, 'softmax')],
};

/** A preset's name and note, by its key in the editor catalogue. */
const words = (key: string): Pick<Preset, 'label' | 'note'> => ({ label: message(`editor:presets.${key}.label`), note: message(`editor:presets.${key}.note`) });

/** The tutorials' networks (shared/seeds/) and 28×28 versions of classic nets, trainable; then classic nets at full size, for study. */
export const PRESETS: readonly Preset[] = [
  {
    id: 'fast-99',
    ...words('fast99'),
    kind: 'recipe',
    dataset: 'mnist',
    spec: FAST_99_SPEC,
    train: { epochs: 5, batchSize: 64, optimizer: optimizerConfig('adam'), earlyStopping: null, trainSize: 'all', validationSplit: 0.1 },
  },
  {
    id: 'mnist-augmented',
    ...words('mnistAugmented'),
    kind: 'recipe',
    dataset: 'mnist',
    spec: SEED_002_SPEC,
    train: { epochs: 3, batchSize: 64, optimizer: optimizerConfig('adam'), earlyStopping: null, trainSize: 'all', validationSplit: 0.1, augment: AUGMENT_DEFAULT },
  },
  {
    id: 'seed-002',
    ...words('seed002'),
    kind: 'tutorial',
    dataset: 'fashion-mnist',
    spec: SEED_002_SPEC,
    train: { epochs: 5, batchSize: 32, optimizer: optimizerConfig('adam'), earlyStopping: null },
  },
  {
    id: 'seed-000',
    ...words('seed000'),
    kind: 'tutorial',
    dataset: 'fashion-mnist',
    spec: { inputShape: INPUT, layers: [conv(10, 3, 'same'), maxPool(), flatten, dense(100), dense(10, 'softmax')] },
    train: { epochs: 20, batchSize: 128, optimizer: optimizerConfig('sgd', { learningRate: 0.01 }), earlyStopping: null },
  },
  {
    id: 'seed-001',
    ...words('seed001'),
    kind: 'tutorial',
    dataset: 'fashion-mnist',
    spec: {
      inputShape: INPUT,
      layers: [conv(32, 3, 'same'), batchNorm, maxPool(), dropout(0.25), flatten, dense(512), batchNorm, dense(10, 'softmax')],
    },
    train: {
      epochs: 100,
      batchSize: 32,
      optimizer: optimizerConfig('adam'),
      earlyStopping: { monitor: 'val_loss', minDelta: 0, patience: 3, restoreBestWeights: true },
    },
  },
  {
    id: 'seed-004',
    ...words('seed004'),
    kind: 'tutorial',
    dataset: 'mnist',
    spec: {
      inputShape: INPUT,
      layers: [
        conv(32, 3, 'same'), maxPool('same'), dropout(0.2),
        conv(64, 3, 'same'), maxPool('same'), dropout(0.2),
        conv(128, 3, 'same'), maxPool('same'), flatten, dropout(0.2),
        dense(625), dropout(0.5), dense(10, 'softmax'),
      ],
    },
    train: { epochs: 12, batchSize: 128, optimizer: optimizerConfig('rmsprop', { rho: 0.9 }), earlyStopping: null },
  },
  {
    id: 'lenet-5',
    ...words('lenet5'),
    kind: 'tutorial',
    dataset: 'mnist',
    spec: {
      inputShape: INPUT,
      layers: [conv(6, 5, 'same', 'tanh'), ...LENET_TAIL],
    },
    train: { epochs: 10, batchSize: 32, optimizer: optimizerConfig('adam'), earlyStopping: null },
  },
  {
    id: 'alexnet-28',
    ...words('alexnet28'),
    kind: 'tutorial',
    dataset: 'fashion-mnist',
    spec: {
      inputShape: INPUT,
      layers: [
        conv(48, 5, 'same'), maxPool('valid', 3, 2),
        conv(128, 3, 'same'), maxPool('valid', 3, 2),
        conv(192, 3, 'same'), conv(192, 3, 'same'), conv(128, 3, 'same'), maxPool('valid', 3, 2),
        flatten, dense(512), dropout(0.5), dense(512), dropout(0.5), dense(10, 'softmax'),
      ],
    },
    train: { epochs: 10, batchSize: 128, optimizer: optimizerConfig('sgd', { learningRate: 0.01, momentum: 0.9 }), earlyStopping: null },
  },
  {
    id: 'vgg-28',
    ...words('vgg28'),
    kind: 'tutorial',
    dataset: 'fashion-mnist',
    spec: {
      inputShape: INPUT,
      layers: [
        conv(32, 3, 'same'), conv(32, 3, 'same'), maxPool(),
        conv(64, 3, 'same'), conv(64, 3, 'same'), maxPool(),
        conv(128, 3, 'same'), conv(128, 3, 'same'), maxPool(),
        flatten, dense(256), dropout(0.5), dense(10, 'softmax'),
      ],
    },
    train: { epochs: 10, batchSize: 64, optimizer: optimizerConfig('sgd', { learningRate: 0.01, momentum: 0.9 }), earlyStopping: null },
  },
  {
    id: 'lenet-5-32',
    ...words('lenet5at32'),
    kind: 'classic',
    spec: { inputShape: [32, 32, 1], layers: [conv(6, 5, 'valid', 'tanh'), ...LENET_TAIL] },
    train: { epochs: 10, batchSize: 32, optimizer: optimizerConfig('sgd', { learningRate: 0.01 }), earlyStopping: null },
  },
  {
    id: 'alexnet',
    ...words('alexnet'),
    kind: 'classic',
    spec: {
      inputShape: [227, 227, 3],
      layers: [
        conv(96, 11, 'valid', 'relu', 4), maxPool('valid', 3, 2),
        conv(256, 5, 'same'), maxPool('valid', 3, 2),
        conv(384, 3, 'same'), conv(384, 3, 'same'), conv(256, 3, 'same'), maxPool('valid', 3, 2),
        flatten, dense(4096), dropout(0.5), dense(4096), dropout(0.5), dense(1000, 'softmax'),
      ],
    },
    train: { epochs: 90, batchSize: 128, optimizer: optimizerConfig('sgd', { learningRate: 0.01, momentum: 0.9 }), earlyStopping: null },
  },
  {
    id: 'vgg-16',
    ...words('vgg16'),
    kind: 'classic',
    spec: {
      inputShape: [224, 224, 3],
      layers: [...VGG16_LAYERS, flatten, dense(4096), dropout(0.5), dense(4096), dropout(0.5), dense(1000, 'softmax')],
    },
    train: { epochs: 74, batchSize: 256, optimizer: optimizerConfig('sgd', { learningRate: 0.01, momentum: 0.9 }), earlyStopping: null },
  },
];

export const DEFAULT_PRESET_ID = 'seed-002';
