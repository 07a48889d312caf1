import type { ModelSpec } from '../../model/types';
import type { Batch } from '../trainStep';

/** One share of a step for another worker: the weights to compute it with, and its images. */
export interface ShareRequest {
  /** Every weight of the model (trainable and not), in getWeights() order. */
  weights: Float32Array[];
  batch: Batch;
  imageShape: readonly [number, number, number];
}

/** The gradient of one share's mean loss, and what the share's forward pass saw. */
export interface ShareResult {
  /** d(mean loss of the share)/d(weight), one per trainable weight, in trainableWeights order. */
  grads: Float32Array[];
  /** The share's mean loss and its correct predictions. */
  loss: number;
  correct: number;
  /**
   * The non-trainable weights after the share's forward pass in training mode
   * (BatchNormalization's moving statistics), in nonTrainableWeights order.
   */
  state: Float32Array[];
  /** The peer's time for it, weights in to gradients out, in ms: how the next batch is shared. */
  ms: number;
}

/**
 * Another worker that computes shares of a step: the training loop's helper on
 * another core. Rejects when it can no longer answer (crashed, terminated,
 * timed out); the step then computes that share itself.
 */
export interface GradientPeer {
  /** Builds the network `spec` there (no weights yet: every share brings them). */
  prepare(spec: ModelSpec): Promise<void>;
  compute(request: ShareRequest): Promise<ShareResult>;
}
