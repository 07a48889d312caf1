import { mulberry32 } from '../data/random';

/**
 * Makes tfjs's unseeded randomness reproducible. Dropout draws its masks with
 * tf.randomUniform without a seed, which seeds its generator from Math.random;
 * giving Dropout layers a fixed seed instead would draw the same mask at every
 * step. So each run replaces Math.random in this realm (the worker, or a test's
 * process) with a generator seeded from the run's seed. Glorot initialisation
 * is seeded separately, per layer, in buildModel.
 */
export function seedGlobalRandom(seed: number): void {
  Math.random = mulberry32(seed ^ 0x6d0d_0a75);
}
