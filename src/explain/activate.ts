import type { Activation } from '../model/types';

/**
 * One unit's activation, as tfjs applies it element-wise. Softmax is not
 * element-wise (it needs the whole vector of a layer), so it throws here:
 * callers must gather the vector and use `softmax`.
 */
export function activate(z: number, activation: Activation): number {
  switch (activation) {
    case 'relu':
      return z > 0 ? z : 0;
    case 'sigmoid':
      return 1 / (1 + Math.exp(-z));
    case 'tanh':
      return Math.tanh(z);
    case 'linear':
      return z;
    case 'softmax':
      throw new Error('softmax needs the whole vector of pre-activations: use softmax()');
  }
}

/**
 * Softmax in float64. Subtracting the maximum first keeps exp() from
 * overflowing for large logits and does not change the result.
 */
export function softmax(z: ArrayLike<number>): Float64Array {
  const out = new Float64Array(z.length);
  if (z.length === 0) return out;
  let max = -Infinity;
  for (let i = 0; i < z.length; i++) max = Math.max(max, z[i]);
  let total = 0;
  for (let i = 0; i < z.length; i++) {
    out[i] = Math.exp(z[i] - max);
    total += out[i];
  }
  for (let i = 0; i < z.length; i++) out[i] /= total;
  return out;
}
