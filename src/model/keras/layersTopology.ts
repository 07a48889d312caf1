import { firstLayerInput, inferShapes } from '../inferShapes';
import { classifierOf } from '../classifierOf';
import { message, MessageError, type Message } from '../message';
import { kerasLayerChain, layerLabel, type KerasLayerEntry } from './kerasLayerChain';
import { kerasLayerSpec } from './kerasLayerSpec';
import { kerasClass, kerasLayerNames, withFileNames } from './kerasNames';
import { ARCHITECTURE_FORMAT, parseSpec } from '../parseSpec';
import { fail, isRecord, shown, TopologyError } from './topologyError';
import { RANDOM_LAYER_CLASSES, type LayerSpec, type ModelSpec } from '../types';

/** The last part of a weight's Keras name, e.g. `kernel` in `conv2d/kernel`. */
export type WeightLeaf = 'kernel' | 'bias' | 'gamma' | 'beta' | 'moving_mean' | 'moving_variance';

/** One weight as Keras and tfjs name it: `${layer}/${leaf}` (Keras 3 also `${layer}/${index}`). */
export interface WeightName {
  /** The Keras layer name, e.g. "conv2d_1". */
  layer: string;
  leaf: WeightLeaf;
  /** Its place among the layer's own weights: kernel 0, bias 1; gamma 0, beta 1, moving_mean 2, moving_variance 3. */
  index: number;
  /** Conv2D kernel [k, k, in, filters]; Dense kernel [in, units]; biases and BatchNormalization [channels]. */
  shape: number[];
}

/** A weights-manifest entry of a float32 weight. */
export interface WeightSpec {
  name: string;
  shape: number[];
  dtype: 'float32';
}

/** A layer as Keras serialises it. */
export interface KerasLayerJson {
  class_name: string;
  config: Record<string, unknown>;
}

/** A Keras 2 model config, as `model.to_json()` writes it and tfjs's loadLayersModel reads it. */
export interface LayersTopology {
  class_name: 'Sequential';
  config: { name: string; layers: KerasLayerJson[] };
  keras_version: string;
  backend: 'tensorflow';
}

/**
 * The Keras release whose config format the export follows: tf.keras 2.x,
 * which tensorflowjs_converter uses to turn a Layers model back into an h5
 * file, and which tfjs-layers reads as it is (Keras 3's format it does not).
 */
const KERAS_VERSION = '2.15.0';

const initializer = (className: string, config: Record<string, unknown> = {}) => ({ class_name: className, config });
const NO_EXTRAS = { kernel_regularizer: null, bias_regularizer: null, activity_regularizer: null, kernel_constraint: null, bias_constraint: null };

/** The InputLayer tf.keras 2 lists first in a Sequential built from keras.Input (the kerasCode script builds it so). */
function inputJson(shape: readonly number[]): KerasLayerJson {
  return { class_name: 'InputLayer', config: { batch_input_shape: [null, ...shape], dtype: 'float32', sparse: false, ragged: false, name: 'input_1' } };
}

/** A layer as tf.keras 2.15 serialises it: the arguments its get_config() returns, in its order. */
export function layerJson(layer: LayerSpec, name: string): KerasLayerJson {
  const base = { name, trainable: true, dtype: 'float32' };
  switch (layer.type) {
    case 'conv2d':
      return {
        class_name: 'Conv2D',
        config: {
          ...base, filters: layer.filters, kernel_size: [layer.kernelSize, layer.kernelSize], strides: [layer.strides, layer.strides],
          padding: layer.padding, data_format: 'channels_last', dilation_rate: [1, 1], groups: 1, activation: layer.activation, use_bias: layer.useBias !== false,
          kernel_initializer: initializer('GlorotUniform', { seed: null }), bias_initializer: initializer('Zeros'), ...NO_EXTRAS,
        },
      };
    case 'maxPool2d':
    case 'avgPool2d':
      return {
        class_name: layer.type === 'maxPool2d' ? 'MaxPooling2D' : 'AveragePooling2D',
        config: { ...base, pool_size: [layer.poolSize, layer.poolSize], padding: layer.padding, strides: [layer.strides, layer.strides], data_format: 'channels_last' },
      };
    case 'flatten':
      return { class_name: 'Flatten', config: { ...base, data_format: 'channels_last' } };
    case 'dense':
      return {
        class_name: 'Dense',
        config: {
          ...base, units: layer.units, activation: layer.activation, use_bias: layer.useBias !== false,
          kernel_initializer: initializer('GlorotUniform', { seed: null }), bias_initializer: initializer('Zeros'), ...NO_EXTRAS,
        },
      };
    case 'dropout':
      return { class_name: 'Dropout', config: { ...base, rate: layer.rate, noise_shape: null, seed: null } };
    case 'batchNorm':
      return {
        class_name: 'BatchNormalization',
        config: {
          ...base, axis: -1, momentum: 0.99, epsilon: 0.001, center: true, scale: true,
          beta_initializer: initializer('Zeros'), gamma_initializer: initializer('Ones'),
          moving_mean_initializer: initializer('Zeros'), moving_variance_initializer: initializer('Ones'),
          beta_regularizer: null, gamma_regularizer: null, beta_constraint: null, gamma_constraint: null,
        },
      };
    case 'reshape':
      return { class_name: 'Reshape', config: { ...base, target_shape: [...layer.targetShape] } };
    case 'zeroPadding2d': {
      const [top, bottom, left, right] = layer.padding;
      return { class_name: 'ZeroPadding2D', config: { ...base, padding: [[top, bottom], [left, right]], data_format: 'channels_last' } };
    }
    case 'activation':
      return { class_name: 'Activation', config: { ...base, activation: layer.activation } };
    case 'relu':
      return { class_name: 'ReLU', config: { ...base, max_value: null, negative_slope: 0.0, threshold: 0.0 } };
    case 'globalAvgPool2d':
    case 'globalMaxPool2d':
      return { class_name: kerasClass(layer), config: { ...base, data_format: 'channels_last', keepdims: false } };
    case 'rescaling':
      return { class_name: 'Rescaling', config: { ...base, scale: layer.scale, offset: layer.offset } };
    case 'spatialDropout2d':
      // Not tf.keras 2.15's form (Dropout's config, with trainable and noise_shape): Keras 3's SpatialDropout2D
      // refuses both, so a .h5 with them does not load there. tf.keras 2 takes these five arguments as well.
      return { class_name: 'SpatialDropout2D', config: { name, dtype: 'float32', rate: layer.rate, seed: null, data_format: 'channels_last' } };
    case 'gaussianNoise':
      return { class_name: 'GaussianNoise', config: { ...base, stddev: layer.stddev, seed: null } };
    case 'gaussianDropout':
      return { class_name: 'GaussianDropout', config: { ...base, rate: layer.rate, seed: null } };
    case 'random': {
      // Without Keras 3's value_range (data_format is never kept): tf.keras 2 refuses an argument it does not know.
      const { value_range: _, ...config } = layer.config;
      return { class_name: layer.className, config: { ...base, ...config } };
    }
  }
}

/**
 * Every weight of the network in buildModel(spec).model.getWeights() order:
 * tfjs lists the trainable weights of all layers first (kernel and bias,
 * gamma and beta), then the non-trainable ones (moving mean and variance).
 */
export function weightNamesOf(spec: ModelSpec, names: readonly string[]): WeightName[] {
  const info = inferShapes(spec);
  const trainable: WeightName[] = [];
  const moving: WeightName[] = [];
  spec.layers.forEach((layer, i) => {
    const input = info.layers[i].inputShape;
    const weight = (leaf: WeightLeaf, index: number, shape: number[]): WeightName => ({ layer: names[i], leaf, index, shape });
    if (layer.type === 'conv2d') {
      trainable.push(weight('kernel', 0, [layer.kernelSize, layer.kernelSize, input[2], layer.filters]));
      if (layer.useBias !== false) trainable.push(weight('bias', 1, [layer.filters]));
    } else if (layer.type === 'dense') {
      trainable.push(weight('kernel', 0, [input[0], layer.units]));
      if (layer.useBias !== false) trainable.push(weight('bias', 1, [layer.units]));
    } else if (layer.type === 'batchNorm') {
      const channels = input[input.length - 1];
      trainable.push(weight('gamma', 0, [channels]), weight('beta', 1, [channels]));
      moving.push(weight('moving_mean', 2, [channels]), weight('moving_variance', 3, [channels]));
    }
  });
  return [...trainable, ...moving];
}

/**
 * The network as a Keras-style Sequential topology, as a Keras user writes it
 * (the output is one Dense with softmax, not Dense then Softmax as buildModel
 * runs it), with layer names as Keras gives them (conv2d, conv2d_1, …), and
 * the weights manifest entries (`conv2d/kernel`, …) in getWeights() order.
 * Throws when the spec cannot be built (inferShapes finds an error).
 */
export function specToTopology(spec: ModelSpec, name = 'convscope'): { topology: LayersTopology; weightSpecs: WeightSpec[] } {
  const error = inferShapes(spec).error;
  if (error) throw new MessageError(message('errors:keras.cannotExport', { error }));
  const names = kerasLayerNames(spec.layers);
  const topology: LayersTopology = {
    class_name: 'Sequential',
    config: { name, layers: [inputJson(firstLayerInput(spec)), ...spec.layers.map((layer, i) => layerJson(layer, names[i]))] },
    keras_version: KERAS_VERSION,
    backend: 'tensorflow',
  };
  const weightSpecs = weightNamesOf(spec, names).map((w) => ({ name: `${w.layer}/${w.leaf}`, shape: w.shape, dtype: 'float32' as const }));
  return { topology, weightSpecs };
}

/**
 * The topology as TensorFlow.js Layers 4.22 can load it: it has no
 * SpatialDropout2D and none of Keras's random image layers, so those are
 * written as what they are at inference, a Dropout and a linear Activation
 * (the .keras and .h5 files keep them as they are).
 */
export function forTfjsLayers(topology: LayersTopology): LayersTopology {
  const layers = topology.config.layers.map((l): KerasLayerJson => {
    const { name, trainable, dtype } = l.config;
    if (l.class_name === 'SpatialDropout2D') return { class_name: 'Dropout', config: { name, trainable: true, dtype, rate: l.config.rate, noise_shape: null, seed: null } };
    if ((RANDOM_LAYER_CLASSES as readonly string[]).includes(l.class_name)) return { class_name: 'Activation', config: { name, trainable, dtype, activation: 'linear' } };
    return l;
  });
  return { ...topology, config: { ...topology.config, layers } };
}

/** Finds the Keras model config in a model.json, a bare topology, or an h5-style {model_config, training_config}. */
function modelConfigOf(json: unknown): Record<string, unknown> {
  if (Array.isArray(json)) fail(message('errors:keras.jsonList'));
  if (!isRecord(json)) fail(message('errors:keras.jsonNotObject', { got: shown(json) }));
  if (json.format === ARCHITECTURE_FORMAT) fail(message('errors:keras.architectureFile'));
  const topology = 'modelTopology' in json ? json.modelTopology : json;
  const graph = json.format === 'graph-model' || (isRecord(topology) && Array.isArray(topology.node));
  if (graph) fail(message('errors:keras.graphModel'));
  if (json.format !== undefined && json.format !== 'layers-model') fail(message('errors:keras.format', { got: shown(json.format) }));
  if (!('modelTopology' in json) && !('class_name' in json) && !('model_config' in json)) fail(message('errors:keras.noTopology'));
  if (topology === null) fail(message('errors:keras.nullTopology'));
  if (!isRecord(topology)) fail(message('errors:keras.topologyNotObject', { got: shown(topology) }));
  const model = isRecord(topology.model_config) ? topology.model_config : topology;
  if (typeof model.class_name !== 'string') fail(message('errors:keras.noClassName'));
  return model;
}

/** A Keras dtype as written: "float32", or Keras 3's DTypePolicy object. */
function dtypeName(dtype: unknown): string | undefined {
  if (typeof dtype === 'string') return dtype;
  if (isRecord(dtype) && isRecord(dtype.config) && typeof dtype.config.name === 'string') return dtype.config.name;
  return undefined;
}

/**
 * The images a model reads, from its declared batch shape: `[null, h, w, c]`
 * as it is; `[null, h, w]` (a Reshape or Flatten adds the channel) and a
 * square `[null, h·w]` as one-channel images, keeping the declared shape.
 */
/** Refuses an input that is no image: integers other than uint8 pixels (word or token numbers), text, booleans. */
function checkInputType(dtype: unknown): void {
  const type = dtypeName(dtype);
  // keras.Input(..., dtype="uint8") then Rescaling(1/255) is an image model of 0–255 pixels.
  if (type !== undefined && !type.startsWith('float') && type !== 'uint8') {
    fail(message('errors:keras.inputType', { type }));
  }
}

function inputOf(batchShape: unknown, dtype: unknown): Pick<ModelSpec, 'inputShape' | 'kerasInput'> {
  if (batchShape === undefined || batchShape === null) fail(message('errors:keras.noInput'));
  checkInputType(dtype);
  if (!Array.isArray(batchShape) || batchShape.length < 2 || batchShape.length > 4) {
    fail(message('errors:keras.inputShape', { got: shown(batchShape) }));
  }
  const dims = (batchShape as unknown[]).slice(1);
  if (!dims.every((d) => typeof d === 'number' && Number.isInteger(d) && d >= 1)) {
    fail(message('errors:keras.inputOpen', { got: shown(batchShape) }));
  }
  const [a, b, c] = dims as number[];
  if (dims.length === 3) return { inputShape: [a, b, c] };
  if (dims.length === 2) return { inputShape: [a, b, 1], kerasInput: [a, b] };
  const side = Math.round(Math.sqrt(a));
  if (side * side !== a) {
    fail(message('errors:keras.notSquareImage', { numbers: a }));
  }
  return { inputShape: [side, side, 1], kerasInput: [a] };
}

/** The rank, with the batch axis, of what comes out of a layer that gets `rank`. */
function rankAfter(layer: LayerSpec, rank: number): number {
  switch (layer.type) {
    case 'flatten':
    case 'dense':
    case 'globalAvgPool2d':
    case 'globalMaxPool2d':
      return 2;
    case 'reshape':
      return layer.targetShape.length + 1;
    default:
      return rank;
  }
}

function read(modelJson: unknown): { spec: ModelSpec; weightNames: WeightName[]; notes: Message[] } {
  const { layers: entries, buildShape, notes } = kerasLayerChain(modelConfigOf(modelJson));
  const layers: LayerSpec[] = [];
  const sources: KerasLayerEntry[] = [];
  let batchShape: unknown;
  let dtype: unknown;
  let rank: number | undefined;
  for (const entry of entries) {
    const reading = kerasLayerSpec(entry, rank ?? 4);
    if (reading.kind === 'input') {
      if (layers.length > 0) fail(message('errors:keras.inputNotFirst', { layer: layerLabel(entry) }));
      batchShape = reading.batchShape;
      dtype = reading.dtype;
      // Said before any layer after it is: an Embedding is refused for what it reads.
      checkInputType(dtype);
    } else {
      if (layers.length === 0 && batchShape === undefined) {
        batchShape = reading.batchShape;
        dtype = entry.config.dtype;
      }
      layers.push(reading.layer);
      sources.push(entry);
    }
    const declared = batchShape ?? buildShape;
    rank ??= Array.isArray(declared) ? declared.length : 4;
    if (reading.kind === 'layer') rank = rankAfter(reading.layer, rank);
  }
  const input = inputOf(batchShape ?? buildShape, dtype);
  if (layers.length === 0) fail(message('errors:keras.noLayers'));
  if (!classifierOf({ layers })) {
    const last = layers[layers.length - 1];
    const source = sources[sources.length - 1];
    const what = last.type === 'dense'
      ? message('errors:keras.lastDense', { name: source.name, activation: last.activation })
      : message('errors:keras.lastOther', { name: source.name, className: source.className });
    const logits = last.type === 'dense' && last.activation === 'linear';
    fail(message(logits ? 'errors:keras.noClassifierLogits' : 'errors:keras.noClassifier', { what }));
  }

  const parsed = parseSpec({ ...input, layers: withFileNames(layers, sources.map((s) => s.name)) });
  if ('error' in parsed) fail(parsed.error);
  const info = inferShapes(parsed.spec);
  if (info.error) {
    const bad = info.layers.find((l) => l.error);
    fail(bad?.error ? message('errors:keras.layerError', { layer: layerLabel(sources[bad.index]), error: bad.error }) : info.error);
  }
  const names = sources.map((s) => s.name);
  return { spec: parsed.spec, weightNames: weightNamesOf(parsed.spec, names), notes };
}

/**
 * Reads a TensorFlow.js Layers model.json (or its bare Keras topology) into a
 * spec, and lists its weights in buildModel(spec).model.getWeights() order so
 * that they can be found in the file by name. Reads what tensorflowjs_converter
 * writes from a Keras 2 or 3 h5 file and what tfjs's model.save writes:
 * Sequential models, and functional ones whose layers form one chain (from
 * a model with several outputs, the chain to its classifier). `notes`: what
 * was read differently from the file, in sentences for the user; `error`:
 * why the model cannot be read, naming the layer and option.
 */
export function topologyToSpec(modelJson: unknown): { spec: ModelSpec; weightNames: WeightName[]; notes: Message[] } | { error: Message } {
  try {
    return read(modelJson);
  } catch (e) {
    if (e instanceof TopologyError) return { error: e.detail };
    throw e;
  }
}
