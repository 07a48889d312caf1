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
  /** With `keepPredictions`: per image (in `indices` order), the predicted class and its probability. */
  predictions?: Predictions;
}

/** What the model said about each image of an evaluation. */
export interface Predictions {
  predicted: Uint8Array;
  /** Probability of the predicted class, in [0, 1]. */
  confidence: Float32Array;
}

export interface EvaluateOptions {
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  /** Checked between batches; returning true abandons the evaluation (result null). */
  shouldAbort?: () => boolean;
  /** Keep every image's predicted class and confidence (for galleries of right and wrong images). */
  keepPredictions?: boolean;
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
  { batchSize = 500, onProgress, shouldAbort, keepPredictions = false }: EvaluateOptions = {},
): Promise<Evaluation | null> {
  const size = data.rows * data.cols;
  const k = data.numClasses;
  const confusion = new Int32Array(k * k);
  let lossSum = 0;
  let correct = 0;
  const predictions = keepPredictions ? { predicted: new Uint8Array(indices.length), confidence: new Float32Array(indices.length) } : undefined;
  for (let start = 0; start < indices.length; start += batchSize) {
    if (shouldAbort?.()) return null;
    const b = makeBatch(data.pixels, data.labels, size, indices, start, start + batchSize);
    const [stats, preds, confidence] = tf.tidy(() => {
      const x = tf.tensor4d(b.x, [b.n, data.rows, data.cols, 1]);
      const y = tf.tensor1d(b.y, 'int32');
      // One forward pass per batch: predict() would otherwise slice it into 32s.
      const logits = built.logits.predict(x, { batchSize: b.n }) as tf.Tensor;
      const r = lossAndCorrect(logits, y);
      // The top probability is exp(max logit - logsumexp): no full softmax needed.
      const top = predictions ? tf.exp(tf.sub(tf.max(logits, -1), tf.logSumExp(logits, -1))) : null;
      return [tf.stack([tf.mul(r.loss, b.n), r.correct]), tf.argMax(logits, -1), top];
    });
    const [s, p, c] = await Promise.all([stats.data(), preds.data(), confidence?.data()]);
    tf.dispose([stats, preds, ...(confidence ? [confidence] : [])]);
    lossSum += s[0];
    correct += s[1];
    for (let i = 0; i < b.n; i++) confusion[b.y[i] * k + p[i]]++;
    if (predictions && c) {
      predictions.predicted.set(p, start);
      predictions.confidence.set(c, start);
    }
    onProgress?.(start + b.n, indices.length);
    await yieldToEventLoop();
  }
  const n = indices.length;
  return { loss: n ? lossSum / n : NaN, accuracy: n ? correct / n : NaN, count: n, confusion, ...(predictions ? { predictions } : {}) };
}
