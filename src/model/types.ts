import type { AugmentConfig } from './augmentConfig';

/**
 * Network specs: plain, serializable data. The engine turns a spec into a tfjs
 * model; everything else (editor, summary, URL, export) reads the spec only.
 */

export type Activation = 'relu' | 'sigmoid' | 'tanh' | 'softmax' | 'linear';
export type Padding = 'valid' | 'same';

export interface Conv2DLayer {
  type: 'conv2d';
  filters: number;
  kernelSize: number;
  strides: number;
  padding: Padding;
  activation: Activation;
}

export interface Pool2DLayer {
  type: 'maxPool2d' | 'avgPool2d';
  poolSize: number;
  /** Keras defaults strides to poolSize. */
  strides: number;
  padding: Padding;
}

export interface FlattenLayer {
  type: 'flatten';
}

export interface DenseLayer {
  type: 'dense';
  units: number;
  activation: Activation;
}

export interface DropoutLayer {
  type: 'dropout';
  rate: number;
}

export interface BatchNormLayer {
  type: 'batchNorm';
}

export type LayerSpec =
  | Conv2DLayer
  | Pool2DLayer
  | FlattenLayer
  | DenseLayer
  | DropoutLayer
  | BatchNormLayer;

export type LayerType = LayerSpec['type'];

/** [height, width, channels] for images, [units] after Flatten/Dense. */
export type Shape = readonly number[];

export interface ModelSpec {
  /** Input shape without the batch dimension, e.g. [28, 28, 1]. */
  inputShape: readonly [number, number, number];
  layers: readonly LayerSpec[];
}

export type OptimizerName = 'sgd' | 'adam' | 'rmsprop' | 'adadelta';

/**
 * An optimizer and its hyperparameters, named as in Keras (defaults there:
 * SGD lr 0.01 momentum 0; Adam lr 0.001 β1 0.9 β2 0.999 ε 1e-7; RMSProp lr
 * 0.001 ρ 0.9 momentum 0 ε 1e-7; Adadelta lr 0.001 ρ 0.95 ε 1e-7).
 */
export type OptimizerConfig =
  | { name: 'sgd'; learningRate: number; momentum: number; nesterov: boolean }
  | { name: 'adam'; learningRate: number; beta1: number; beta2: number; epsilon: number }
  | { name: 'rmsprop'; learningRate: number; rho: number; momentum: number; epsilon: number }
  | { name: 'adadelta'; learningRate: number; rho: number; epsilon: number };

export type Monitor = 'val_loss' | 'val_accuracy';

/** Keras's EarlyStopping(monitor, min_delta, patience, restore_best_weights). */
export interface EarlyStoppingConfig {
  monitor: Monitor;
  /** An epoch improves only when it beats the best by more than this. */
  minDelta: number;
  /** Epochs without improvement before stopping. */
  patience: number;
  /** At the end, put back the weights of the best epoch. */
  restoreBestWeights: boolean;
}

/** Hyperparameters of one run. */
export interface TrainConfig {
  epochs: number;
  batchSize: number;
  optimizer: OptimizerConfig;
  /** Fraction of the chosen images held out for validation, in [0, 0.5]. */
  validationSplit: number;
  /** Seeds weight initialisation, dropout, the subset, the split and the shuffling. */
  seed: number;
  /** Null: train every epoch. */
  earlyStopping: EarlyStoppingConfig | null;
  /** Random transforms of every training image, drawn anew each epoch; absent or null: none (runs saved before it existed). */
  augment?: AugmentConfig | null;
}
