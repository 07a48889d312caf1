import { mulberry32 } from '../data/random';

/**
 * `n` values from N(0, sigma²), reproducible from `seed` (Box–Muller over
 * mulberry32). Drawn on the CPU rather than with tf.randomNormal so the same
 * seed gives the same noise on every backend.
 */
export function gaussianNoise(n: number, sigma: number, seed: number): Float32Array {
  const out = new Float32Array(n);
  if (sigma === 0) return out;
  const rand = mulberry32(seed);
  for (let i = 0; i < n; i += 2) {
    // 1 - u lies in (0, 1], so the log is finite.
    const r = Math.sqrt(-2 * Math.log(1 - rand())) * sigma;
    const theta = 2 * Math.PI * rand();
    out[i] = r * Math.cos(theta);
    if (i + 1 < n) out[i + 1] = r * Math.sin(theta);
  }
  return out;
}
