import * as tf from '@tensorflow/tfjs';
import type { BuiltModel } from './buildModel';

/** Copies of every weight of the model, in getWeights() order, off the backend: they outlive a lost GPU. */
export async function readWeights(built: BuiltModel): Promise<Float32Array[]> {
  return Promise.all(built.model.getWeights().map(async (w) => ((await w.data()) as Float32Array).slice()));
}

/** Puts weights read by readWeights into a model of the same network (on whatever backend is in use). */
export function writeWeights(built: BuiltModel, weights: readonly Float32Array[]): void {
  const current = built.model.getWeights();
  if (current.length !== weights.length) throw new Error(`Expected ${current.length} weight arrays, got ${weights.length}`);
  const tensors = current.map((w, i) => tf.tensor(weights[i], w.shape, 'float32'));
  built.model.setWeights(tensors);
  tf.dispose(tensors);
}
