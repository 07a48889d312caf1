import { classifierOf } from './classifierOf';
import { formatShape } from './formatShape';
import { layerTitle } from './layerTitle';
import { message, type Message } from './message';
import type { LayerSpec, ModelSpec, Shape } from './types';

/** What shape inference knows about one layer. */
export interface LayerInfo {
  index: number;
  layer: LayerSpec;
  inputShape: Shape;
  /** Undefined when the layer cannot be applied to its input. */
  outputShape?: Shape;
  trainableParams: number;
  nonTrainableParams: number;
  /** Why this layer is impossible, in words a Keras user recognises. */
  error?: Message;
}

export interface ModelInfo {
  layers: LayerInfo[];
  outputShape?: Shape;
  trainableParams: number;
  nonTrainableParams: number;
  totalParams: number;
  /** First problem found, prefixed with the layer it concerns (editor:check.atLayer, editor:check.atInput); undefined when trainable. */
  error?: Message;
}


/**
 * Largest values the editor accepts: beyond these a browser tab runs out of
 * memory long before anything is learned (VGG-16 needs 512 filters and 4,096 units).
 */
export const LIMITS = { filters: 4096, window: 64, stride: 64, units: 65_536, side: 1024, channels: 64 } as const;

/** A number in a message: an empty field reads as "empty", never NaN. */
const shownNumber = (n: number): string | Message => (Number.isNaN(n) ? message('editor:check.empty') : String(n));

/** The fields wholeInRange names (editor:check.field.*). */
type Field = 'filters' | 'kernelSize' | 'strides' | 'poolSize' | 'units' | 'height' | 'width' | 'channels';

/** Why `n` is not a whole number in [1, max], or undefined when it is. */
function wholeInRange(field: Field, n: number, max: number): Message | undefined {
  const what = message(`editor:check.field.${field}`);
  if (!Number.isFinite(n)) return message('editor:check.notNumber', { what });
  if (!Number.isInteger(n)) return message('editor:check.notWhole', { what, n: String(n) });
  if (n < 1) return message('editor:check.tooSmall', { what, n: String(n) });
  if (n > max) return message('editor:check.tooLarge', { what, max, n });
  return undefined;
}

/** Keras's output length of a windowed op along one axis. */
export function windowOutputSize(size: number, kernel: number, stride: number, padding: 'valid' | 'same'): number {
  return padding === 'same' ? Math.ceil(size / stride) : Math.floor((size - kernel) / stride) + 1;
}

/**
 * What is wrong with each numeric argument of a layer on its own (ranges, whole
 * numbers), by field name, in Keras's argument order; empty when all are fine.
 * The editor marks those inputs; inferShapes reports the first.
 */
export function layerFieldErrors(layer: LayerSpec): Record<string, Message> {
  const checks: [string, Message | undefined][] = [];
  switch (layer.type) {
    case 'conv2d':
      checks.push(
        ['filters', wholeInRange('filters', layer.filters, LIMITS.filters)],
        ['kernelSize', wholeInRange('kernelSize', layer.kernelSize, LIMITS.window)],
        ['strides', wholeInRange('strides', layer.strides, LIMITS.stride)],
      );
      break;
    case 'maxPool2d':
    case 'avgPool2d':
      checks.push(['poolSize', wholeInRange('poolSize', layer.poolSize, LIMITS.window)], ['strides', wholeInRange('strides', layer.strides, LIMITS.stride)]);
      break;
    case 'dense':
      checks.push(['units', wholeInRange('units', layer.units, LIMITS.units)]);
      break;
    case 'dropout':
    case 'spatialDropout2d':
    case 'gaussianDropout':
      checks.push(['rate', layer.rate >= 0 && layer.rate < 1 ? undefined : message('editor:check.rate', { value: shownNumber(layer.rate) })]);
      break;
    case 'gaussianNoise':
      checks.push(['stddev', layer.stddev >= 0 && Number.isFinite(layer.stddev) ? undefined : message('editor:check.stddev', { value: shownNumber(layer.stddev) })]);
      break;
    case 'rescaling':
      checks.push(
        ['scale', Number.isFinite(layer.scale) ? undefined : message('editor:check.scale')],
        ['offset', Number.isFinite(layer.offset) ? undefined : message('editor:check.offset')],
      );
      break;
    case 'zeroPadding2d':
      layer.padding.forEach((p, i) => {
        const fine = Number.isInteger(p) && p >= 0 && p <= LIMITS.window;
        checks.push([`padding${i}`, fine ? undefined : message('editor:check.padding', { max: LIMITS.window, value: shownNumber(p) })]);
      });
      break;
  }
  return Object.fromEntries(checks.filter((c): c is [string, Message] => c[1] !== undefined));
}

const elements = (shape: Shape) => shape.reduce((a, b) => a * b, 1);

/** The Reshape's target with its -1 resolved, or why it cannot be. */
function reshapeTarget(target: readonly number[], input: Shape): { shape: Shape } | { error: Message } {
  const free = target.filter((d) => d === -1).length;
  if (target.length < 1 || target.length > 3) return { error: message('editor:check.reshapeSizes', { shape: formatShape(target) }) };
  if (free > 1 || target.some((d) => d !== -1 && !(Number.isInteger(d) && d >= 1))) {
    return { error: message('editor:check.reshapeWhole', { sizes: target.join(', ') }) };
  }
  const known = elements(target.filter((d) => d !== -1));
  const total = elements(input);
  const shape = target.map((d) => (d === -1 ? total / known : d));
  if (shape.some((d) => !Number.isInteger(d)) || elements(shape) !== total) {
    return { error: message('editor:check.reshapeCannot', { from: formatShape(input), total, sizes: target.join(', ') }) };
  }
  return { shape };
}

function applyLayer(layer: LayerSpec, input: Shape): Omit<LayerInfo, 'index' | 'layer' | 'inputShape'> {
  const none = { trainableParams: 0, nonTrainableParams: 0 };
  const bias = (n: number) => (layer.type === 'conv2d' || layer.type === 'dense') && layer.useBias === false ? 0 : n;
  const needsImage = () => (input.length === 3 ? undefined : message('editor:check.needsImage', { shape: formatShape(input) }));
  const firstFieldError = () => Object.values(layerFieldErrors(layer))[0];
  switch (layer.type) {
    case 'conv2d':
    case 'maxPool2d':
    case 'avgPool2d': {
      if (input.length !== 3) return { ...none, error: needsImage() };
      const [h, w, c] = input;
      const k = layer.type === 'conv2d' ? layer.kernelSize : layer.poolSize;
      const s = layer.strides;
      const bad = Object.values(layerFieldErrors(layer))[0];
      if (bad) return { ...none, error: bad };
      if (layer.padding === 'valid' && (k > h || k > w)) {
        const key = layer.type === 'conv2d' ? 'editor:check.kernelTooLarge' : 'editor:check.poolTooLarge';
        return { ...none, error: message(key, { k, h, w, min: Math.min(h, w), s }) };
      }
      const oh = windowOutputSize(h, k, s, layer.padding);
      const ow = windowOutputSize(w, k, s, layer.padding);
      if (layer.type !== 'conv2d') return { ...none, outputShape: [oh, ow, c] };
      return { trainableParams: k * k * c * layer.filters + bias(layer.filters), nonTrainableParams: 0, outputShape: [oh, ow, layer.filters] };
    }
    case 'flatten':
      // Keras passes a flat input through; tfjs refuses it (min_ndim 3): say so here rather than fail at build.
      if (input.length === 1) return { ...none, error: message('editor:check.alreadyFlat', { shape: formatShape(input) }) };
      return { ...none, outputShape: [input.reduce((a, b) => a * b, 1)] };
    case 'dense': {
      if (input.length !== 1) return { ...none, error: message('editor:check.denseNeedsFlat', { shape: formatShape(input) }) };
      const bad = layerFieldErrors(layer).units;
      if (bad) return { ...none, error: bad };
      return { trainableParams: input[0] * layer.units + bias(layer.units), nonTrainableParams: 0, outputShape: [layer.units] };
    }
    case 'dropout':
    case 'gaussianNoise':
    case 'gaussianDropout':
    case 'rescaling':
    case 'activation':
    case 'relu': {
      const bad = firstFieldError();
      return bad ? { ...none, error: bad } : { ...none, outputShape: input };
    }
    case 'spatialDropout2d':
    case 'random': {
      const bad = needsImage() ?? firstFieldError();
      return bad ? { ...none, error: bad } : { ...none, outputShape: input };
    }
    case 'globalAvgPool2d':
    case 'globalMaxPool2d': {
      const bad = needsImage();
      return bad ? { ...none, error: bad } : { ...none, outputShape: [input[2]] };
    }
    case 'zeroPadding2d': {
      const bad = needsImage() ?? firstFieldError();
      if (bad) return { ...none, error: bad };
      const [top, bottom, left, right] = layer.padding;
      return { ...none, outputShape: [input[0] + top + bottom, input[1] + left + right, input[2]] };
    }
    case 'reshape': {
      const target = reshapeTarget(layer.targetShape, input);
      return 'error' in target ? { ...none, error: target.error } : { ...none, outputShape: target.shape };
    }
    case 'batchNorm': {
      // gamma and beta train; moving mean and variance do not (as in Keras's summary).
      const c = input[input.length - 1];
      return { trainableParams: 2 * c, nonTrainableParams: 2 * c, outputShape: input };
    }
  }
}

/** Why an input shape is impossible, or undefined. */
export function inputShapeError(shape: ModelSpec['inputShape']): Message | undefined {
  const [h, w, c] = shape;
  return wholeInRange('height', h, LIMITS.side) ?? wholeInRange('width', w, LIMITS.side) ?? wholeInRange('channels', c, LIMITS.channels);
}

/** Why a Keras-declared input cannot carry `image`'s values, or undefined. */
function kerasInputError(kerasInput: readonly number[], image: ModelSpec['inputShape']): Message | undefined {
  if (kerasInput.length < 1 || kerasInput.length > 3 || elements(kerasInput) !== elements(image) || kerasInput.some((d) => !Number.isInteger(d) || d < 1)) {
    return message('editor:check.kerasInput', { sizes: kerasInput.join(', '), shape: formatShape(image) });
  }
  return undefined;
}

/** The shape the first layer reads: the Keras-declared input when the model has one, else the image. */
export function firstLayerInput(spec: Pick<ModelSpec, 'inputShape' | 'kerasInput'>): Shape {
  return spec.kerasInput ?? spec.inputShape;
}

/**
 * Infers every layer's output shape and parameter count (as Keras's
 * model.summary() counts them) and finds the first reason the network is
 * impossible: a layer that cannot apply to its input, or an output that is not
 * Dense + softmax with `numClasses` units (any number of units when omitted,
 * for classic nets studied at their own size). The error is set both on the
 * offending LayerInfo and, prefixed with the layer, on the model.
 */
/** A layer's problem, prefixed with the layer: "Layer 3 (Dense 128): …". */
const atLayer = (index: number, layer: LayerSpec, problem: Message): Message => message('editor:check.atLayer', { n: index + 1, title: layerTitle(layer), problem });

export function inferShapes(spec: ModelSpec, numClasses?: number): ModelInfo {
  const layers: LayerInfo[] = [];
  let shape: Shape | undefined = firstLayerInput(spec);
  let error: Message | undefined;
  const badInput = inputShapeError(spec.inputShape) ?? (spec.kerasInput && kerasInputError(spec.kerasInput, spec.inputShape));
  if (badInput) {
    error = message('editor:check.atInput', { problem: badInput });
    shape = undefined;
  }
  spec.layers.forEach((layer, index) => {
    if (!shape) {
      layers.push({ index, layer, inputShape: [], trainableParams: 0, nonTrainableParams: 0 });
      return;
    }
    const result = applyLayer(layer, shape);
    if (result.outputShape?.some((d) => d < 1)) result.error = message('editor:check.noElements', { shape: formatShape(result.outputShape) });
    layers.push({ index, layer, inputShape: shape, ...result });
    if (result.error) {
      error ??= atLayer(index, layer, result.error);
      shape = undefined;
    } else {
      shape = result.outputShape;
    }
  });
  const last = spec.layers[spec.layers.length - 1];
  if (!error) {
    const classifier = classifierOf(spec);
    if (!last) error = message('editor:check.noLayers');
    else if (!classifier || (numClasses !== undefined && classifier.units !== numClasses)) {
      // The Activation ending is named only to those who build with Activation layers.
      const orActivation = spec.layers.some((l) => l.type === 'activation') ? 'OrActivation' : '';
      const problem = numClasses === undefined ? message(`editor:check.outputLayer${orActivation}`) : message(`editor:check.outputLayerUnits${orActivation}`, { units: numClasses });
      const at = classifier ? classifier.dense : layers.length - 1;
      layers[at].error = problem;
      error = atLayer(at, spec.layers[at], problem);
    }
  }
  const trainableParams = layers.reduce((a, l) => a + l.trainableParams, 0);
  const nonTrainableParams = layers.reduce((a, l) => a + l.nonTrainableParams, 0);
  return {
    layers,
    outputShape: error ? undefined : shape,
    trainableParams,
    nonTrainableParams,
    totalParams: trainableParams + nonTrainableParams,
    error,
  };
}
