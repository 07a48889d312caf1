import * as tf from '@tensorflow/tfjs';
import type { Activation, LayerSpec, ModelSpec } from '../model/types';

const TF_ACTIVATION: Record<Activation, 'relu' | 'sigmoid' | 'tanh' | 'softmax' | 'linear'> = {
  relu: 'relu', sigmoid: 'sigmoid', tanh: 'tanh', softmax: 'softmax', linear: 'linear',
};

/** A built network: one set of weights, two views of it. */
export interface BuiltModel {
  /** Input [n, h, w, c] -> class probabilities [n, classes]. */
  model: tf.LayersModel;
  /**
   * Same layers and weights, stopping before the final softmax: the loss is
   * computed from logits (log-sum-exp), which stays finite and honest where
   * clipped probabilities would hide an exploding network. Never dispose it:
   * it shares the model's variables.
   */
  logits: tf.LayersModel;
}

/**
 * Builds a tfjs model from a spec whose last layer is Dense with softmax (as
 * inferShapes requires). Kernels use Glorot-uniform like Keras; `seed` makes
 * initialisation reproducible (each layer gets seed + index).
 */
export function buildModel(spec: ModelSpec, seed?: number): BuiltModel {
  const last = spec.layers[spec.layers.length - 1];
  if (!last || last.type !== 'dense' || last.activation !== 'softmax') {
    throw new Error('The last layer must be Dense with softmax');
  }
  const model = tf.sequential();
  spec.layers.forEach((layer, i) => {
    const first = i === 0 ? { inputShape: [...spec.inputShape] } : {};
    const init = () => tf.initializers.glorotUniform({ seed: seed === undefined ? undefined : seed + i });
    const asLogits = i === spec.layers.length - 1 ? { ...last, activation: 'linear' as const } : layer;
    model.add(makeLayer(asLogits, first, init));
  });
  const logitsLayer = model.layers[model.layers.length - 1];
  model.add(tf.layers.softmax());
  const logits = tf.model({ inputs: model.inputs, outputs: logitsLayer.output as tf.SymbolicTensor });
  return { model, logits };
}

function makeLayer(
  layer: LayerSpec,
  first: { inputShape?: number[] },
  init: () => ReturnType<typeof tf.initializers.glorotUniform>,
): tf.layers.Layer {
  switch (layer.type) {
    case 'conv2d':
      return tf.layers.conv2d({
        ...first,
        filters: layer.filters,
        kernelSize: layer.kernelSize,
        strides: layer.strides,
        padding: layer.padding,
        activation: TF_ACTIVATION[layer.activation],
        kernelInitializer: init(),
      });
    case 'maxPool2d':
      return tf.layers.maxPooling2d({ ...first, poolSize: layer.poolSize, strides: layer.strides, padding: layer.padding });
    case 'avgPool2d':
      return tf.layers.averagePooling2d({ ...first, poolSize: layer.poolSize, strides: layer.strides, padding: layer.padding });
    case 'flatten':
      return tf.layers.flatten(first);
    case 'dense':
      return tf.layers.dense({ ...first, units: layer.units, activation: TF_ACTIVATION[layer.activation], kernelInitializer: init() });
    case 'dropout':
      return tf.layers.dropout({ ...first, rate: layer.rate });
    case 'batchNorm':
      return tf.layers.batchNormalization(first);
  }
}
