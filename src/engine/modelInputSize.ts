import type * as tf from '@tensorflow/tfjs';

/** [height, width] of a model's single-channel image input. */
export function modelInputSize(model: tf.LayersModel): [number, number] {
  const shape = model.inputs[0].shape;
  return [shape[1] as number, shape[2] as number];
}
