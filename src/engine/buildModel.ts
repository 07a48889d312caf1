import * as tf from '@tensorflow/tfjs';
import { classifierOf } from '../model/classifierOf';
import { inferShapes } from '../model/inferShapes';
import { pixelScale } from '../model/pixelScale';
import type { LayerSpec, ModelSpec } from '../model/types';

/** A built network: one set of weights, two views of it, and where each spec layer is in it. */
export interface BuiltModel {
  /** Input [n, h, w, c] of Convscope's 0–1 pixels -> class probabilities [n, classes]. */
  model: tf.LayersModel;
  /**
   * Same layers and weights, stopping before the final softmax: the loss is
   * computed from logits (log-sum-exp), which stays finite and honest where
   * clipped probabilities would hide an exploding network. Never dispose it:
   * it shares the model's variables.
   */
  logits: tf.LayersModel;
  /**
   * The tfjs layer of each spec layer, by spec index: the one holding its
   * weights (for the classifier, the Dense, not the softmax split from it).
   * `model.layers` may hold more: the input adapters in front.
   */
  layers: tf.layers.Layer[];
  /** Each spec layer's output as the page shows it: the classifier's is the class probabilities. */
  outputs: tf.SymbolicTensor[];
}

type Initializer = ReturnType<typeof tf.initializers.glorotUniform>;

/**
 * Builds a tfjs model from a spec that ends in a classifier (as inferShapes
 * requires). Kernels use Glorot-uniform like Keras; `seed` makes
 * initialisation reproducible (each layer gets seed + its index).
 *
 * The model always takes Convscope's images, [n, h, w, c] in 0–1. A model
 * read from a Keras file may declare another input: hidden adapters in front
 * reshape the images to it (`kerasInput`) and scale them to the 0–255 pixels
 * it was trained on (pixelScale). They hold no weights.
 */
export function buildModel(spec: ModelSpec, seed?: number): BuiltModel {
  const classifier = classifierOf(spec);
  if (!classifier) throw new Error('The network must end in Dense with softmax, or a linear Dense then Activation softmax');
  const info = inferShapes(spec);
  const model = tf.sequential();
  let first: { inputShape?: number[] } = { inputShape: [...spec.inputShape] };
  const add = (make: (first: { inputShape?: number[] }) => tf.layers.Layer): tf.layers.Layer => {
    const layer = make(first);
    first = {};
    model.add(layer);
    return layer;
  };
  if (spec.kerasInput) add((f) => tf.layers.reshape({ ...f, targetShape: [...spec.kerasInput!] }));
  const scale = pixelScale(spec);
  if (scale !== 1) add((f) => tf.layers.rescaling({ ...f, scale }));

  const layers: tf.layers.Layer[] = [];
  const outputs: tf.SymbolicTensor[] = [];
  let logitsOutput: tf.SymbolicTensor | undefined;
  spec.layers.forEach((layer, i) => {
    const init = () => tf.initializers.glorotUniform({ seed: seed === undefined ? undefined : seed + i });
    const splitSoftmax = i === classifier.dense && classifier.probabilities === i;
    const built = add((f) => makeLayer(splitSoftmax ? { ...layer, activation: 'linear' } as LayerSpec : layer, f, init, info.layers[i]?.inputShape ?? []));
    layers.push(built);
    let output = built.output as tf.SymbolicTensor;
    if (i === classifier.dense) logitsOutput = output;
    if (splitSoftmax) output = add(() => tf.layers.softmax()).output as tf.SymbolicTensor;
    outputs.push(output);
  });
  const logits = tf.model({ inputs: model.inputs, outputs: logitsOutput! });
  return { model, logits, layers, outputs };
}

function makeLayer(layer: LayerSpec, first: { inputShape?: number[] }, init: () => Initializer, input: readonly number[]): tf.layers.Layer {
  switch (layer.type) {
    case 'conv2d':
      return tf.layers.conv2d({
        ...first,
        filters: layer.filters,
        kernelSize: layer.kernelSize,
        strides: layer.strides,
        padding: layer.padding,
        activation: layer.activation,
        useBias: layer.useBias !== false,
        kernelInitializer: init(),
      });
    case 'maxPool2d':
      return tf.layers.maxPooling2d({ ...first, poolSize: layer.poolSize, strides: layer.strides, padding: layer.padding });
    case 'avgPool2d':
      return tf.layers.averagePooling2d({ ...first, poolSize: layer.poolSize, strides: layer.strides, padding: layer.padding });
    case 'flatten':
      return tf.layers.flatten(first);
    case 'dense':
      return tf.layers.dense({ ...first, units: layer.units, activation: layer.activation, useBias: layer.useBias !== false, kernelInitializer: init() });
    case 'dropout':
      return tf.layers.dropout({ ...first, rate: layer.rate });
    case 'spatialDropout2d':
      // Whole channels: one draw per image and channel, shared by every pixel (null takes the input's size).
      return tf.layers.dropout({ ...first, rate: layer.rate, noiseShape: [null, 1, 1, input[2]] as unknown as number[] });
    case 'gaussianNoise':
      return tf.layers.gaussianNoise({ ...first, stddev: layer.stddev });
    case 'gaussianDropout':
      return tf.layers.gaussianDropout({ ...first, rate: layer.rate });
    case 'batchNorm':
      return tf.layers.batchNormalization(first);
    case 'reshape':
      return tf.layers.reshape({ ...first, targetShape: [...layer.targetShape] });
    case 'zeroPadding2d': {
      const [top, bottom, left, right] = layer.padding;
      return tf.layers.zeroPadding2d({ ...first, padding: [[top, bottom], [left, right]] });
    }
    case 'activation':
      return tf.layers.activation({ ...first, activation: layer.activation });
    case 'relu':
      return tf.layers.reLU(first);
    case 'globalAvgPool2d':
      return tf.layers.globalAveragePooling2d(first);
    case 'globalMaxPool2d':
      return tf.layers.globalMaxPooling2d(first);
    case 'rescaling':
      return tf.layers.rescaling({ ...first, scale: layer.scale, offset: layer.offset });
    case 'random':
      // Keras's random layers change nothing at inference; Convscope's own augmentation does their work in training.
      return tf.layers.activation({ ...first, activation: 'linear' });
  }
}
