import { layerLabel, type KerasLayerEntry } from './kerasLayerChain';
import { ACTIVATIONS } from '../parseSpec';
import { fail, shown } from './topologyError';
import type { Activation, LayerSpec, Padding } from '../types';

/** What one Keras layer contributes to a spec. */
export type KerasLayerReading =
  /** An InputLayer: only the shape it declares, `[null, h, w, c]` as written. */
  | { kind: 'input'; batchShape: unknown }
  /** A spec layer; `batchShape`: the batch_input_shape it carries (Keras puts one on a Sequential's first layer). */
  | { kind: 'layer'; layer: LayerSpec; batchShape: unknown }
  /** Activation, ReLU or Softmax: to fold into the Conv2D or Dense before it. */
  | { kind: 'activation'; activation: Activation };

/** Classes Convscope reads, named in the message about any other. */
const READABLE_CLASSES =
  'Conv2D, MaxPooling2D, AveragePooling2D, Flatten, Dense, Dropout and BatchNormalization (with InputLayer, and Activation, ReLU or Softmax right after a linear Conv2D or Dense)';

/** Older names Keras and TensorFlow have written for the same layers. */
const ALIASES: Record<string, string> = {
  BatchNormalizationV1: 'BatchNormalization',
  BatchNormalizationV2: 'BatchNormalization',
  MaxPool2D: 'MaxPooling2D',
  AvgPool2D: 'AveragePooling2D',
};

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
    if (!has(key)) return fallback ?? fail(`${where}: missing "${key}"`);
    const v = config[key];
    if (typeof v !== 'number' || !Number.isFinite(v)) fail(`${where}: "${key}" must be a number, got ${shown(v)}`);
    return v;
  };
  /** Keras writes windows as [height, width]; a spec has one size for both. */
  const square = (key: string, fallback?: number): number => {
    if (!has(key)) return fallback ?? fail(`${where}: missing "${key}"`);
    const v = config[key];
    const pair = Array.isArray(v) ? v : [v, v];
    if (pair.length !== 2 || pair.some((n) => typeof n !== 'number' || !Number.isFinite(n))) fail(`${where}: "${key}" must be two numbers, got ${shown(v)}`);
    if (pair[0] !== pair[1]) fail(`${where}: ${key} ${shown(v)} is not square; Convscope needs the same size along height and width`);
    return pair[0] as number;
  };
  const padding = (): Padding => {
    const v = has('padding') ? config.padding : 'valid';
    if (v !== 'valid' && v !== 'same') fail(`${where}: padding ${shown(v)} is not supported; Convscope has "valid" and "same"`);
    return v;
  };
  const channelsLast = () => {
    if (has('data_format') && config.data_format !== 'channels_last') {
      fail(`${where}: data_format ${shown(config.data_format)} is not supported; Convscope reads channels_last models (height, width, channels)`);
    }
  };
  const activation = (): Activation => {
    if (!has('activation')) return 'linear';
    const v = config.activation;
    if (!ACTIVATIONS.includes(v as Activation)) fail(`${where}: activation ${shown(v)} is not supported; Convscope has ${ACTIVATIONS.join(', ')}`);
    return v as Activation;
  };
  const withBias = () => {
    if (config.use_bias === false) fail(`${where}: use_bias false is not supported; Convscope's ${className} layers always have a bias`);
  };
  /** The last axis, written -1 or as its index, alone or in a list (tf.keras wrote [3]). */
  const lastAxis = (key: string) => {
    const v = config[key];
    const axis = Array.isArray(v) && v.length === 1 ? v[0] : (v ?? -1);
    if (axis !== -1 && axis !== rank - 1) fail(`${where}: ${key} ${shown(v)} is not supported; Convscope works along the last axis (-1)`);
  };
  const batchShape = config.batch_input_shape ?? config.batch_shape;

  switch (className) {
    case 'InputLayer':
      return { kind: 'input', batchShape };
    case 'Conv2D': {
      channelsLast();
      withBias();
      const dilation = square('dilation_rate', 1);
      if (dilation !== 1) fail(`${where}: dilation_rate ${shown(config.dilation_rate)} is not supported; Convscope's Conv2D has dilation 1`);
      const groups = num('groups', 1);
      if (groups !== 1) fail(`${where}: groups ${groups} is not supported; Convscope's Conv2D has groups 1`);
      const layer: LayerSpec = {
        type: 'conv2d', filters: num('filters'), kernelSize: square('kernel_size'), strides: square('strides', 1), padding: padding(), activation: activation(),
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
      withBias();
      return { kind: 'layer', layer: { type: 'dense', units: num('units'), activation: activation() }, batchShape };
    case 'Dropout':
      return { kind: 'layer', layer: { type: 'dropout', rate: num('rate') }, batchShape };
    case 'BatchNormalization': {
      lastAxis('axis');
      if (config.center === false || config.scale === false) {
        fail(`${where}: center and scale must both be true; Convscope's BatchNormalization learns both beta and gamma`);
      }
      const epsilon = num('epsilon', BN_EPSILON);
      if (Math.abs(epsilon - BN_EPSILON) > 1e-9) fail(`${where}: epsilon ${epsilon} is not supported; Convscope's BatchNormalization uses ${BN_EPSILON}, and another would change its predictions`);
      return { kind: 'layer', layer: { type: 'batchNorm' }, batchShape };
    }
    case 'Activation':
      return { kind: 'activation', activation: activation() };
    case 'ReLU': {
      const plain = !has('max_value') && num('negative_slope', 0) === 0 && num('threshold', 0) === 0;
      if (!plain) fail(`${where}: only a plain ReLU is supported (no max_value, negative_slope 0, threshold 0); got ${shown({ max_value: config.max_value, negative_slope: config.negative_slope, threshold: config.threshold })}`);
      return { kind: 'activation', activation: 'relu' };
    }
    case 'Softmax':
      lastAxis('axis');
      return { kind: 'activation', activation: 'softmax' };
    default:
      return fail(`${where}: this kind of layer is not supported; Convscope reads ${READABLE_CLASSES}`);
  }
}

