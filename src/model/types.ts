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

export type OptimizerName = 'adam' | 'sgd' | 'rmsprop';

/** Hyperparameters of one run. */
export interface TrainConfig {
  epochs: number;
  batchSize: number;
  learningRate: number;
  optimizer: OptimizerName;
  /** Fraction of the chosen images held out for validation, in [0, 0.5]. */
  validationSplit: number;
  /** Seeds the subset, the split and the shuffling. */
  seed: number;
}
