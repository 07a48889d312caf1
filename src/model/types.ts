import type { AugmentConfig } from './augmentConfig';

/**
 * Network specs: plain, serializable data. The engine turns a spec into a tfjs
 * model; everything else (editor, summary, URL, export) reads the spec only.
 */

/** What every layer may carry besides its arguments. */
export interface NamedLayer {
  /**
   * Its name in the Keras file it came from, when that is not the name Keras
   * gives such a layer in a fresh session (kerasLayerNames): "classifier",
   * "conv2d_7". Absent for layers made here, which take Keras's default.
   */
  name?: string;
}

export type Activation = 'relu' | 'sigmoid' | 'tanh' | 'softmax' | 'linear';
export type Padding = 'valid' | 'same';

export interface Conv2DLayer extends NamedLayer {
  type: 'conv2d';
  filters: number;
  kernelSize: number;
  strides: number;
  padding: Padding;
  activation: Activation;
  /** Absent: true, Keras's default (files from before it existed have a bias everywhere). */
  useBias?: boolean;
}

export interface Pool2DLayer extends NamedLayer {
  type: 'maxPool2d' | 'avgPool2d';
  poolSize: number;
  /** Keras defaults strides to poolSize. */
  strides: number;
  padding: Padding;
}

export interface FlattenLayer extends NamedLayer {
  type: 'flatten';
}

export interface DenseLayer extends NamedLayer {
  type: 'dense';
  units: number;
  activation: Activation;
  /** Absent: true, Keras's default. */
  useBias?: boolean;
}

export interface DropoutLayer extends NamedLayer {
  type: 'dropout';
  rate: number;
}

export interface BatchNormLayer extends NamedLayer {
  type: 'batchNorm';
}

/** Keras's Reshape: the same values in another shape; one size may be -1 (whatever is left). */
export interface ReshapeLayer extends NamedLayer {
  type: 'reshape';
  targetShape: readonly number[];
}

/** Keras's ZeroPadding2D: rows of zeros above and below, columns left and right (LeNet pads 28×28 to 32×32). */
export interface ZeroPadding2DLayer extends NamedLayer {
  type: 'zeroPadding2d';
  padding: readonly [top: number, bottom: number, left: number, right: number];
}

/** Keras's Activation layer, applied on its own after a linear Conv2D or Dense. */
export interface ActivationLayer extends NamedLayer {
  type: 'activation';
  activation: Activation;
}

/** Keras's ReLU layer (plain: no max value, slope or threshold). */
export interface ReLULayer extends NamedLayer {
  type: 'relu';
}

/** GlobalAveragePooling2D / GlobalMaxPooling2D: one number per channel. */
export interface GlobalPoolLayer extends NamedLayer {
  type: 'globalAvgPool2d' | 'globalMaxPool2d';
}

/** Keras's Rescaling: x·scale + offset; at the input it means the model reads 0–255 pixels. */
export interface RescalingLayer extends NamedLayer {
  type: 'rescaling';
  scale: number;
  offset: number;
}

/** Drops whole channels in training (Keras's SpatialDropout2D); nothing at inference. */
export interface SpatialDropoutLayer extends NamedLayer {
  type: 'spatialDropout2d';
  rate: number;
}

/** Adds N(0, stddev²) noise in training; nothing at inference. */
export interface GaussianNoiseLayer extends NamedLayer {
  type: 'gaussianNoise';
  stddev: number;
}

/** Multiplies by N(1, rate/(1−rate)) noise in training; nothing at inference. */
export interface GaussianDropoutLayer extends NamedLayer {
  type: 'gaussianDropout';
  rate: number;
}

/** Keras's random image layers: they act in training only, and Convscope's own augmentation replaces them. */
export const RANDOM_LAYER_CLASSES = ['RandomTranslation', 'RandomRotation', 'RandomZoom', 'RandomFlip', 'RandomContrast'] as const;
export type RandomLayerClass = (typeof RANDOM_LAYER_CLASSES)[number];

/** A JSON value, as a Keras config holds. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/**
 * One of Keras's random augmentation layers, read from a file. Convscope
 * passes images through it unchanged (at inference Keras does too) and keeps
 * its Keras arguments to write the layer back as it was.
 */
export interface RandomLayer extends NamedLayer {
  type: 'random';
  className: RandomLayerClass;
  config: { readonly [key: string]: JsonValue };
}

export type LayerSpec =
  | Conv2DLayer
  | Pool2DLayer
  | FlattenLayer
  | DenseLayer
  | DropoutLayer
  | BatchNormLayer
  | ReshapeLayer
  | ZeroPadding2DLayer
  | ActivationLayer
  | ReLULayer
  | GlobalPoolLayer
  | RescalingLayer
  | SpatialDropoutLayer
  | GaussianNoiseLayer
  | GaussianDropoutLayer
  | RandomLayer;

export type LayerType = LayerSpec['type'];

/** Types the editor can add: every one but Keras's random layers, which only come from files. */
export type AddableLayerType = Exclude<LayerType, 'random'>;

/** [height, width, channels] for images, [units] after Flatten/Dense. */
export type Shape = readonly number[];

export interface ModelSpec {
  /** The images the network reads, without the batch dimension, e.g. [28, 28, 1]. */
  inputShape: readonly [number, number, number];
  /**
   * The input as a Keras model from a file declares it, when that is not
   * [h, w, c]: [28, 28] (a Reshape or Flatten adds the channel) or [784].
   * The engine reshapes its images to it; the same values in the same order.
   */
  kerasInput?: readonly number[];
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
