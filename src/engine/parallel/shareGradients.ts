import * as tf from '@tensorflow/tfjs';
import type { BuiltModel } from '../buildModel';
import { lossAndCorrect } from '../lossAndAccuracy';
import type { Batch } from '../trainStep';
import { copyValues } from './copyValues';
import type { ShareResult } from './gradientPeer';

/** One share's gradients as tensors, kept (the caller disposes them). */
export interface ShareTensors {
  grads: tf.Tensor[];
  loss: tf.Scalar;
  correct: tf.Scalar;
}

/**
 * The gradient of `batch`'s mean loss with respect to every trainable weight
 * of `built`, from one forward and backward pass in training mode (dropout
 * on, BatchNormalization on the share's own statistics, its moving
 * statistics updated), without changing any trainable weight.
 */
export function shareGradients(built: BuiltModel, batch: Batch, imageShape: readonly [number, number, number]): ShareTensors {
  const vars = built.model.trainableWeights.map((w) => w.read() as tf.Variable);
  return tf.tidy(() => {
    const x = tf.tensor4d(batch.x, [batch.n, ...imageShape]);
    const y = tf.tensor1d(batch.y, 'int32');
    const kept: tf.Scalar[] = [];
    const { value, grads } = tf.variableGrads(() => {
      const r = lossAndCorrect(built.logits.apply(x, { training: true }) as tf.Tensor, y);
      kept.push(tf.keep(r.correct));
      return r.loss;
    }, vars);
    const out = { grads: vars.map((v) => grads[v.name]), loss: value, correct: kept[0] };
    tf.keep(out.loss);
    out.grads.forEach((g) => tf.keep(g));
    return out;
  });
}

/** A share's gradients and the model's state after it, read off the backend (the tensors stay the caller's). */
export function readShare(t: ShareTensors, built: BuiltModel): Omit<ShareResult, 'ms'> {
  const [loss, correct] = copyValues([t.loss, t.correct]).map((v) => v[0]);
  return { grads: copyValues(t.grads), loss, correct, state: copyValues(built.model.nonTrainableWeights.map((w) => w.read())) };
}

/** shareGradients, read off the backend and freed: what a helper worker sends back. */
export function shareResult(built: BuiltModel, batch: Batch, imageShape: readonly [number, number, number]): Omit<ShareResult, 'ms'> {
  const t = shareGradients(built, batch, imageShape);
  try {
    return readShare(t, built);
  } finally {
    tf.dispose([...t.grads, t.loss, t.correct]);
  }
}
