import * as tf from '@tensorflow/tfjs';
import { unlessLost } from './backendHealth';
import type { BuiltModel } from './buildModel';
import { lossAndCorrect } from './lossAndAccuracy';

/** What a training step hands back to the training loop. */
export interface StepStats {
  loss: number;
  correct: number;
}

/** One batch of images, channels last, with their labels. */
export interface Batch {
  n: number;
  /** n × rows × cols × channels pixels. */
  x: Float32Array;
  /** n class indices. */
  y: Int32Array;
}

/**
 * One optimizer step on `batch`: the training loop's step, and the one that
 * backend measurement times. Returns [loss, correct] as one tensor, so the
 * caller reads both with a single download; the caller disposes it.
 */
export function trainStep(built: BuiltModel, optimizer: tf.Optimizer, batch: Batch, imageShape: readonly [number, number, number]): tf.Tensor1D {
  return tf.tidy(() => {
    const x = tf.tensor4d(batch.x, [batch.n, ...imageShape]);
    const y = tf.tensor1d(batch.y, 'int32');
    // minimize() runs its function in a scope of its own: keep the count
    // out of it, then let this tidy's disposal of `kept` clean it up.
    const kept: tf.Scalar[] = [];
    const loss = optimizer.minimize(() => {
      const r = lossAndCorrect(built.logits.apply(x, { training: true }) as tf.Tensor, y);
      kept.push(tf.keep(r.correct));
      return r.loss;
    }, true) as tf.Scalar;
    const out = tf.stack([loss, kept[0]]) as tf.Tensor1D;
    tf.dispose(kept);
    return out;
  });
}

/** trainStep, its loss and correct count read back (failing, not hanging, when the WebGL context is lost meanwhile). */
export async function trainStepStats(built: BuiltModel, optimizer: tf.Optimizer, batch: Batch, imageShape: readonly [number, number, number]): Promise<StepStats> {
  const stats = trainStep(built, optimizer, batch, imageShape);
  try {
    const [loss, correct] = await unlessLost(stats.data());
    return { loss, correct };
  } finally {
    stats.dispose();
  }
}
