import * as tf from '@tensorflow/tfjs';

/** An optimizer's slot variables (moments, accumulators) and step count, copied off the backend. */
export interface OptimizerState {
  /** tfjs class name, e.g. 'Adam': state only goes back into the same kind of optimizer. */
  name: string;
  values: { name: string; shape: number[]; data: Float32Array }[];
}

/**
 * Copies `optimizer`'s state: its iteration count first, then its slots in
 * the order of the variables it updates. Null for an optimizer without state.
 */
export async function readOptimizerState(optimizer: tf.Optimizer): Promise<OptimizerState | null> {
  const named = await optimizer.getWeights();
  try {
    return named.length ? { name: optimizer.getClassName(), values: await Promise.all(named.map(copy)) } : null;
  } finally {
    // The first is a scalar made for this call (the iteration count); the rest are the optimizer's own variables.
    named[0]?.tensor.dispose();
  }
}

async function copy(w: { name: string; tensor: tf.Tensor }): Promise<OptimizerState['values'][number]> {
  // Float32 throughout: the iteration count comes as int32.
  return { name: w.name, shape: w.tensor.shape.slice(), data: Float32Array.from(await w.tensor.data()) };
}

/**
 * Puts state read by readOptimizerState into a fresh optimizer of the same
 * kind for a model of the same network. tfjs matches slots to variables by
 * position, not name (a rebuilt model's variables have new names), so the
 * model must be the same network. False (optimizer untouched) when the kind
 * or the slot shapes do not fit `shapes` (those of the model's trainable weights, in order).
 */
export async function writeOptimizerState(optimizer: tf.Optimizer, state: OptimizerState, shapes: readonly (readonly (number | null)[])[]): Promise<boolean> {
  if (state.name !== optimizer.getClassName()) return false;
  const slots = state.values.slice(1);
  if (shapes.length === 0 || slots.length % shapes.length !== 0) return false;
  if (slots.some((slot, i) => slot.shape.join() !== shapes[i % shapes.length].join())) return false;
  const tensors = state.values.map((v) => ({ name: v.name, tensor: tf.tensor(v.data, v.shape, 'float32') }));
  try {
    await optimizer.setWeights(tensors);
  } finally {
    // setWeights makes variables that share the tensors' data: ours can go.
    tf.dispose(tensors.map((t) => t.tensor));
  }
  return true;
}
