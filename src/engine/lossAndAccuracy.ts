import * as tf from '@tensorflow/tfjs';

/**
 * Sparse categorical cross-entropy from logits (what Keras computes for a
 * softmax output) and the number of correct predictions.
 * @param logits [n, classes] pre-softmax outputs
 * @param labels [n] int32 class indices
 * @returns loss: scalar mean over the batch; correct: scalar float count
 */
export function lossAndCorrect(logits: tf.Tensor, labels: tf.Tensor1D): { loss: tf.Scalar; correct: tf.Scalar } {
  return tf.tidy(() => {
    const classes = logits.shape[logits.shape.length - 1] as number;
    const oneHot = tf.oneHot(labels, classes);
    const loss = tf.losses.softmaxCrossEntropy(oneHot, logits) as tf.Scalar;
    const correct = tf.sum(tf.cast(tf.equal(tf.argMax(logits, -1), labels), 'float32')) as tf.Scalar;
    return { loss, correct };
  });
}
