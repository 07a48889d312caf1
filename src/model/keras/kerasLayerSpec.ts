import { layerLabel, type KerasLayerEntry } from './kerasLayerChain';
import { ACTIVATIONS } from '../parseSpec';
import { message } from '../message';
import { fail, shown } from './topologyError';
import { RANDOM_LAYER_CLASSES, type Activation, type JsonValue, type LayerSpec, type Padding, type RandomLayerClass } from '../types';

/** What one Keras layer contributes to a spec. */
export type KerasLayerReading =
  /** An InputLayer: only the shape it declares, `[null, h, w, c]` as written, and its dtype. */
  | { kind: 'input'; batchShape: unknown; dtype: unknown }
  /** A spec layer; `batchShape`: the batch_input_shape it carries (Keras puts one on a Sequential's first layer). */
  | { kind: 'layer'; layer: LayerSpec; batchShape: unknown };

/** Classes Convscope reads, named in the message about any other (errors:keras.readableClasses). */
export const READABLE_CLASSES = message('errors:keras.readableClasses');

/**
 * Keras arguments that only name or type a layer, or that Convscope checks
 * (channels_last): not kept with a random layer's config, and written back
 * as each Keras version writes them.
 */
const OWN_KEYS = new Set(['name', 'trainable', 'dtype', 'batch_input_shape', 'batch_shape', 'data_format']);

/** Older names Keras and TensorFlow have written for the same layers. */
const ALIASES: Record<string, string> = {
  BatchNormalizationV1: 'BatchNormalization',
  BatchNormalizationV2: 'BatchNormalization',
  MaxPool2D: 'MaxPooling2D',
  AvgPool2D: 'AveragePooling2D',
};

/** Common layers Convscope cannot run, each said in a few words in errors:keras.unsupported (why it differs from the layers it has). */
const UNSUPPORTED = new Set(['Lambda', 'LSTM', 'GRU', 'SimpleRNN', 'Embedding', 'Concatenate', 'Add']);

/** Keras's default, which tfjs also uses: another epsilon would change predictions. */
const BN_EPSILON = 1e-3;

/**
 * Reads one Keras layer config into a spec layer, an input shape or an
 * activation to fold, or throws a TopologyError naming the layer and the
 * option Convscope cannot represent. `rank`: rank of the layer's input with
 * the batch axis (4 for images, 2 after Flatten), for the axis options.
 */
export function kerasLayerSpec(entry: KerasLayerEntry, rank: number): KerasLayerReading {
  const { config } = entry;
  const where = layerLabel(entry);
  const className = ALIASES[entry.className] ?? entry.className;
  const has = (key: string) => config[key] !== undefined && config[key] !== null;

  const num = (key: string, fallback?: number): number => {
    if (!has(key)) return fallback ?? fail(message('errors:keras.missing', { where, key }));
    const v = config[key];
    if (typeof v !== 'number' || !Number.isFinite(v)) fail(message('errors:keras.notANumber', { where, key, got: shown(v) }));
    return v;
  };
  /** Keras writes windows as [height, width]; a spec has one size for both. */
  const square = (key: string, fallback?: number): number => {
    if (!has(key)) return fallback ?? fail(message('errors:keras.missing', { where, key }));
    const v = config[key];
    const pair = Array.isArray(v) ? v : [v, v];
    if (pair.length !== 2 || pair.some((n) => typeof n !== 'number' || !Number.isFinite(n))) fail(message('errors:keras.notTwoNumbers', { where, key, got: shown(v) }));
    if (pair[0] !== pair[1]) fail(message('errors:keras.notSquare', { where, key, got: shown(v) }));
    return pair[0] as number;
  };
  const padding = (): Padding => {
    const v = has('padding') ? config.padding : 'valid';
    if (v !== 'valid' && v !== 'same') fail(message('errors:keras.padding', { where, got: shown(v) }));
    return v;
  };
  const channelsLast = () => {
    if (has('data_format') && config.data_format !== 'channels_last') {
      fail(message('errors:keras.dataFormat', { where, got: shown(config.data_format) }));
    }
  };
  const activation = (): Activation => {
    if (!has('activation')) return 'linear';
    const v = config.activation;
    if (!ACTIVATIONS.includes(v as Activation)) fail(message('errors:keras.activation', { where, got: shown(v), activations: ACTIVATIONS.join(', ') }));
    return v as Activation;
  };
  const bias = (): { useBias?: false } => (config.use_bias === false ? { useBias: false } : {});
  const rate = () => {
    const r = num('rate');
    if (!(r >= 0 && r < 1)) fail(message('errors:keras.rate', { where, rate: r }));
    return r;
  };
  /** The last axis, written -1 or as its index, alone or in a list (tf.keras wrote [3]). */
  const lastAxis = (key: string) => {
    const v = config[key];
    const axis = Array.isArray(v) && v.length === 1 ? v[0] : (v ?? -1);
    if (axis !== -1 && axis !== rank - 1) fail(message('errors:keras.axis', { where, key, got: shown(v) }));
  };
  const batchShape = config.batch_input_shape ?? config.batch_shape;

  switch (className) {
    case 'InputLayer':
      if (config.sparse === true || config.ragged === true) fail(message('errors:keras.sparse', { where }));
      return { kind: 'input', batchShape, dtype: config.dtype };
    case 'Conv2D': {
      channelsLast();
      const dilation = square('dilation_rate', 1);
      if (dilation !== 1) fail(message('errors:keras.dilation', { where, got: shown(config.dilation_rate) }));
      const groups = num('groups', 1);
      if (groups !== 1) fail(message('errors:keras.groups', { where, groups }));
      const layer: LayerSpec = {
        type: 'conv2d', filters: num('filters'), kernelSize: square('kernel_size'), strides: square('strides', 1), padding: padding(), activation: activation(), ...bias(),
      };
      return { kind: 'layer', layer, batchShape };
    }
    case 'MaxPooling2D':
    case 'AveragePooling2D': {
      channelsLast();
      const poolSize = square('pool_size', 2);
      const type = className === 'MaxPooling2D' ? 'maxPool2d' : 'avgPool2d';
      return { kind: 'layer', layer: { type, poolSize, strides: square('strides', poolSize), padding: padding() }, batchShape };
    }
    case 'Flatten':
      // channels_first would flatten in another order, and the Dense weights after it with it.
      channelsLast();
      return { kind: 'layer', layer: { type: 'flatten' }, batchShape };
    case 'Dense':
      return { kind: 'layer', layer: { type: 'dense', units: num('units'), activation: activation(), ...bias() }, batchShape };
    case 'Dropout':
      if (has('noise_shape')) fail(message('errors:keras.noiseShape', { where, got: shown(config.noise_shape) }));
      return { kind: 'layer', layer: { type: 'dropout', rate: rate() }, batchShape };
    case 'SpatialDropout2D':
      channelsLast();
      return { kind: 'layer', layer: { type: 'spatialDropout2d', rate: rate() }, batchShape };
    case 'GaussianDropout':
      return { kind: 'layer', layer: { type: 'gaussianDropout', rate: rate() }, batchShape };
    case 'GaussianNoise':
      return { kind: 'layer', layer: { type: 'gaussianNoise', stddev: num('stddev') }, batchShape };
    case 'Reshape': {
      const target = config.target_shape;
      if (!Array.isArray(target) || !target.every((d) => typeof d === 'number')) fail(message('errors:keras.targetShape', { where, got: shown(target) }));
      return { kind: 'layer', layer: { type: 'reshape', targetShape: target as number[] }, batchShape };
    }
    case 'ZeroPadding2D': {
      channelsLast();
      const p = config.padding ?? 1;
      // Keras takes 2, (1, 2) (rows, columns, both sides) or ((top, bottom), (left, right)).
      const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
      let sides: number[] | undefined;
      if (isNum(p)) sides = [p, p, p, p];
      else if (Array.isArray(p) && p.length === 2 && p.every(isNum)) sides = [p[0], p[0], p[1], p[1]];
      else if (Array.isArray(p) && p.length === 2 && p.every((q) => Array.isArray(q) && q.length === 2 && q.every(isNum))) sides = [...(p[0] as number[]), ...(p[1] as number[])];
      if (!sides) fail(message('errors:keras.zeroPadding', { where, got: shown(p) }));
      return { kind: 'layer', layer: { type: 'zeroPadding2d', padding: [sides[0], sides[1], sides[2], sides[3]] }, batchShape };
    }
    case 'GlobalAveragePooling2D':
    case 'GlobalMaxPooling2D':
      channelsLast();
      if (config.keepdims === true) fail(message('errors:keras.keepdims', { where, className }));
      return { kind: 'layer', layer: { type: className === 'GlobalAveragePooling2D' ? 'globalAvgPool2d' : 'globalMaxPool2d' }, batchShape };
    case 'Rescaling': {
      const scale = num('scale');
      const offset = num('offset', 0);
      return { kind: 'layer', layer: { type: 'rescaling', scale, offset }, batchShape };
    }
    case 'BatchNormalization': {
      lastAxis('axis');
      if (config.center === false || config.scale === false) {
        fail(message('errors:keras.centerScale', { where }));
      }
      const epsilon = num('epsilon', BN_EPSILON);
      if (Math.abs(epsilon - BN_EPSILON) > 1e-9) fail(message('errors:keras.epsilon', { where, epsilon, standard: BN_EPSILON }));
      return { kind: 'layer', layer: { type: 'batchNorm' }, batchShape };
    }
    case 'Activation':
      return { kind: 'layer', layer: { type: 'activation', activation: activation() }, batchShape };
    case 'ReLU': {
      const plain = !has('max_value') && num('negative_slope', 0) === 0 && num('threshold', 0) === 0;
      if (!plain) fail(message('errors:keras.relu', { where, got: shown({ max_value: config.max_value, negative_slope: config.negative_slope, threshold: config.threshold }) }));
      return { kind: 'layer', layer: { type: 'relu' }, batchShape };
    }
    case 'Softmax':
      // Written back as Activation("softmax"): the same function, and Convscope's classifier ending.
      lastAxis('axis');
      return { kind: 'layer', layer: { type: 'activation', activation: 'softmax' }, batchShape };
    default: {
      if (RANDOM_LAYER_CLASSES.includes(className as RandomLayerClass)) {
        channelsLast();
        const kept = Object.fromEntries(Object.entries(config).filter(([k]) => !OWN_KEYS.has(k))) as { [key: string]: JsonValue };
        return { kind: 'layer', layer: { type: 'random', className: className as RandomLayerClass, config: kept }, batchShape };
      }
      const what = message(UNSUPPORTED.has(className) ? `errors:keras.unsupported.${className}` : 'errors:keras.unsupported.other');
      return fail(message('errors:keras.unsupportedLayer', { where, what, readable: READABLE_CLASSES }));
    }
  }
}

