import { mulberry32 } from '../../data/random';

/** `n` values uniform in [-1, 1), reproducible from `seed`. */
export function randomValues(n: number, seed: number): Float32Array {
  const r = mulberry32(seed);
  return Float32Array.from({ length: n }, () => r() * 2 - 1);
}
