import * as tf from '@tensorflow/tfjs';
import type { BuiltModel } from './buildModel';
import { gaussianNoise } from './gaussianNoise';
import { modelInputSize } from './modelInputSize';

export { occlusionMap } from './occlusionMap';

/**
 * d(logit of classIndex)/d(pixel) for one image (Simonyan et al. 2013): the
 * class *score* before softmax, so the map says what raises this class rather
 * than what lowers the others. Length h·w.
 */
export async function classScoreGradient(built: BuiltModel, pixels: Float32Array, classIndex: number): Promise<Float32Array> {
  const [h, w] = modelInputSize(built.model);
  return readAndDispose(tf.tidy(() => batchScoreGradient(built, tf.tensor4d(pixels, [1, h, w, 1]), classIndex)));
}

export interface SmoothGradOptions {
  /** Noisy copies averaged (default 24). */
  samples?: number;
  /** Noise standard deviation, in units of the [0, 1] pixel range (default 0.15). */
  sigma?: number;
  /** Seed of the noise, so the same call gives the same map (default 1). */
  seed?: number;
}

/**
 * SmoothGrad (Smilkov et al. 2017): the mean class-score gradient over noisy
 * copies of the image, which averages away the gradient's pixel-scale jitter.
 * One batched gradient: the summed score's gradient w.r.t. each copy is that
 * copy's own gradient, since the images of a batch do not interact at inference.
 */
export async function smoothGrad(
  built: BuiltModel,
  pixels: Float32Array,
  classIndex: number,
  opts: SmoothGradOptions = {},
): Promise<Float32Array> {
  const { samples = 24, sigma = 0.15, seed = 1 } = opts;
  if (!(samples >= 1)) throw new Error('smoothGrad needs at least one sample');
  const [h, w] = modelInputSize(built.model);
  const size = h * w;
  const noisy = gaussianNoise(samples * size, sigma, seed);
  for (let s = 0; s < samples; s++) {
    // Not clipped to [0, 1]: the paper adds plain Gaussian noise.
    for (let i = 0; i < size; i++) noisy[s * size + i] += pixels[i];
  }
  return readAndDispose(
    tf.tidy(() => batchScoreGradient(built, tf.tensor4d(noisy, [samples, h, w, 1]), classIndex).mean(0)),
  );
}

/** Gradient of sum over the batch of logits[:, classIndex] w.r.t. `x` [n, h, w, 1]. Call inside tf.tidy. */
function batchScoreGradient(built: BuiltModel, x: tf.Tensor4D, classIndex: number): tf.Tensor {
  // apply() with training false: dropout off and batch norm on its moving
  // statistics, as in predict(); predict() itself cannot be differentiated here.
  const score = (input: tf.Tensor) => {
    const logits = built.logits.apply(input, { training: false }) as tf.Tensor2D;
    return logits.slice([0, classIndex], [-1, 1]).sum();
  };
  return tf.grad(score)(x);
}

/** Reads a tensor's values as a copy (data() may hand out the tensor's own buffer), then frees it. */
async function readAndDispose(t: tf.Tensor): Promise<Float32Array> {
  try {
    return ((await t.data()) as Float32Array).slice();
  } finally {
    t.dispose();
  }
}
