import * as tf from '@tensorflow/tfjs';
import { makeBatch } from '../data/makeBatch';
import type { BuiltModel } from './buildModel';
import type { ImageSet } from './imageSet';
import { lossAndCorrect } from './lossAndAccuracy';
import { yieldToEventLoop } from './yieldToEventLoop';

export interface Evaluation {
  loss: number;
  accuracy: number;
  count: number;
  /** Row = true class, column = predicted class, `classes × classes` counts. */
  confusion: Int32Array;
}

export interface EvaluateOptions {
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  /** Checked between batches; returning true abandons the evaluation (result null). */
  shouldAbort?: () => boolean;
}

/**
 * Loss, accuracy and confusion matrix over `indices`, a batch at a time so that
 * 10,000 test images never sit on the GPU at once (seed 004's reader ran out of
 * memory doing exactly that).
 */
export async function evaluateModel(
  built: BuiltModel,
  data: ImageSet,
  indices: ArrayLike<number>,
  { batchSize = 500, onProgress, shouldAbort }: EvaluateOptions = {},
): Promise<Evaluation | null> {
  const size = data.rows * data.cols;
  const k = data.numClasses;
  const confusion = new Int32Array(k * k);
  let lossSum = 0;
  let correct = 0;
  for (let start = 0; start < indices.length; start += batchSize) {
    if (shouldAbort?.()) return null;
    const b = makeBatch(data.pixels, data.labels, size, indices, start, start + batchSize);
    const [stats, preds] = tf.tidy(() => {
      const x = tf.tensor4d(b.x, [b.n, data.rows, data.cols, 1]);
      const y = tf.tensor1d(b.y, 'int32');
      // One forward pass per batch: predict() would otherwise slice it into 32s.
      const logits = built.logits.predict(x, { batchSize: b.n }) as tf.Tensor;
      const r = lossAndCorrect(logits, y);
      return [tf.stack([tf.mul(r.loss, b.n), r.correct]), tf.argMax(logits, -1)];
    });
    const [s, p] = await Promise.all([stats.data(), preds.data()]);
    stats.dispose();
    preds.dispose();
    lossSum += s[0];
    correct += s[1];
    for (let i = 0; i < b.n; i++) confusion[b.y[i] * k + p[i]]++;
    onProgress?.(start + b.n, indices.length);
    await yieldToEventLoop();
  }
  const n = indices.length;
  return { loss: n ? lossSum / n : NaN, accuracy: n ? correct / n : NaN, count: n, confusion };
}
