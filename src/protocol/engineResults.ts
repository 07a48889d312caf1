/**
 * What the engine computes and hands up unchanged: an epoch's numbers, a test
 * result, a layer's activations and kernels. They cross to the page in events
 * and are kept in saved runs, so they are part of the contract; the engine
 * may import this file (types only) and nothing else of protocol/.
 */

/** A run's test-set result: loss, accuracy and the confusion matrix (row = true class). */
export interface TestResult {
  loss: number;
  accuracy: number;
  count: number;
  confusion: Int32Array;
}

/** One epoch's numbers: reported by the engine, sent to the page, kept in the run history. */
export interface EpochRow {
  /** 1-based number of the epoch just finished. */
  epoch: number;
  trainLoss: number;
  trainAccuracy: number;
  /** NaN when there is no validation set. */
  valLoss: number;
  valAccuracy: number;
  /** `tf.memory().numTensors` after the epoch: must stay flat from epoch 1 on. */
  numTensors: number;
  /** With early stopping: the best epoch so far by its monitor (0 while none is finite). */
  bestEpoch?: number;
  /** The validation set's confusion matrix (row = true class, classes × classes), when there is a validation set. */
  valConfusion?: Int32Array;
}

/** One spec layer's output for one input image. */
export interface LayerActivation {
  /** Index into the spec's layers. */
  layer: number;
  /** Output shape without the batch dimension: [h, w, c] or [units]. */
  shape: number[];
  /** Row-major values (channels last), a copy safe to transfer. */
  values: Float32Array;
}

/** A conv layer's kernels. */
export interface ConvKernels {
  layer: number;
  /** [kernelH, kernelW, inChannels, filters], as tfjs stores them. */
  shape: [number, number, number, number];
  values: Float32Array;
  bias: Float32Array;
}
