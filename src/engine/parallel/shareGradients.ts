import * as tf from '@tensorflow/tfjs';
import type { BuiltModel } from '../buildModel';
import { lossAndCorrect } from '../lossAndAccuracy';
import type { Batch } from '../trainStep';
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

/** shareGradients, read off the backend: what a helper worker sends back. */
export async function shareResult(built: BuiltModel, batch: Batch, imageShape: readonly [number, number, number]): Promise<Omit<ShareResult, 'ms'>> {
  const t = shareGradients(built, batch, imageShape);
  try {
    const [grads, [loss], [correct], state] = await Promise.all([
      Promise.all(t.grads.map(async (g) => ((await g.data()) as Float32Array).slice())),
      t.loss.data(),
      t.correct.data(),
      Promise.all(built.model.nonTrainableWeights.map(async (w) => ((await w.read().data()) as Float32Array).slice())),
    ]);
    return { grads, loss, correct, state };
  } finally {
    tf.dispose([...t.grads, t.loss, t.correct]);
  }
}
