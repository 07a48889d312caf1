import { classifierOf } from './classifierOf';
import { formatShape } from './formatShape';
import { layerTitle } from './layerTitle';
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
  error?: string;
}

export interface ModelInfo {
  layers: LayerInfo[];
  outputShape?: Shape;
  trainableParams: number;
  nonTrainableParams: number;
  totalParams: number;
  /** First problem found, prefixed with the layer it concerns; undefined when trainable. */
  error?: string;
}


/**
 * Largest values the editor accepts: beyond these a browser tab runs out of
 * memory long before anything is learned (VGG-16 needs 512 filters and 4,096 units).
 */
export const LIMITS = { filters: 4096, window: 64, stride: 64, units: 65_536, side: 1024, channels: 64 } as const;

/** A number in a message: an empty field reads as "empty", never NaN. */
const shownNumber = (n: number) => (Number.isNaN(n) ? 'empty' : String(n));

/** Why `n` is not a whole number in [1, max], or undefined when it is. */
function wholeInRange(what: string, n: number, max: number): string | undefined {
  if (!Number.isFinite(n)) return `${what} must be a number`;
  if (!Number.isInteger(n)) return `${what} must be a whole number, not ${n}`;
  if (n < 1) return `${what} must be at least 1, not ${n}`;
  if (n > max) return `${what} must be at most ${max.toLocaleString('en-US')}, not ${n.toLocaleString('en-US')}`;
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
export function layerFieldErrors(layer: LayerSpec): Record<string, string> {
  const checks: [string, string | undefined][] = [];
  switch (layer.type) {
    case 'conv2d':
      checks.push(
        ['filters', wholeInRange('Filters', layer.filters, LIMITS.filters)],
        ['kernelSize', wholeInRange('Kernel size', layer.kernelSize, LIMITS.window)],
        ['strides', wholeInRange('Stride', layer.strides, LIMITS.stride)],
      );
      break;
    case 'maxPool2d':
    case 'avgPool2d':
      checks.push(['poolSize', wholeInRange('Pool size', layer.poolSize, LIMITS.window)], ['strides', wholeInRange('Stride', layer.strides, LIMITS.stride)]);
      break;
    case 'dense':
      checks.push(['units', wholeInRange('Units', layer.units, LIMITS.units)]);
      break;
    case 'dropout':
    case 'spatialDropout2d':
    case 'gaussianDropout':
      checks.push(['rate', layer.rate >= 0 && layer.rate < 1 ? undefined : `Rate must be at least 0 and below 1, not ${shownNumber(layer.rate)}`]);
      break;
    case 'gaussianNoise':
      checks.push(['stddev', layer.stddev >= 0 && Number.isFinite(layer.stddev) ? undefined : `Standard deviation must be 0 or more, not ${shownNumber(layer.stddev)}`]);
      break;
    case 'rescaling':
      checks.push(
        ['scale', Number.isFinite(layer.scale) ? undefined : 'Scale must be a number'],
        ['offset', Number.isFinite(layer.offset) ? undefined : 'Offset must be a number'],
      );
      break;
    case 'zeroPadding2d':
      layer.padding.forEach((p, i) => {
        const fine = Number.isInteger(p) && p >= 0 && p <= LIMITS.window;
        checks.push([`padding${i}`, fine ? undefined : `Padding must be a whole number from 0 to ${LIMITS.window}, not ${shownNumber(p)}`]);
      });
      break;
  }
  return Object.fromEntries(checks.filter((c): c is [string, string] => c[1] !== undefined));
}

const elements = (shape: Shape) => shape.reduce((a, b) => a * b, 1);

/** The Reshape's target with its -1 resolved, or why it cannot be. */
function reshapeTarget(target: readonly number[], input: Shape): { shape: Shape } | { error: string } {
  const free = target.filter((d) => d === -1).length;
  if (target.length < 1 || target.length > 3) return { error: `target shape ${formatShape(target)} must have 1 to 3 sizes (height×width×channels, or one flat size)` };
  if (free > 1 || target.some((d) => d !== -1 && !(Number.isInteger(d) && d >= 1))) {
    return { error: `target shape (${target.join(', ')}) must be whole sizes of at least 1, with at most one -1` };
  }
  const known = elements(target.filter((d) => d !== -1));
  const total = elements(input);
  const shape = target.map((d) => (d === -1 ? total / known : d));
  if (shape.some((d) => !Number.isInteger(d)) || elements(shape) !== total) {
    return { error: `cannot reshape ${formatShape(input)} (${total.toLocaleString('en-US')} values) to (${target.join(', ')})` };
  }
  return { shape };
}

function applyLayer(layer: LayerSpec, input: Shape): Omit<LayerInfo, 'index' | 'layer' | 'inputShape'> {
  const none = { trainableParams: 0, nonTrainableParams: 0 };
  const bias = (n: number) => (layer.type === 'conv2d' || layer.type === 'dense') && layer.useBias === false ? 0 : n;
  const needsImage = () => (input.length === 3 ? undefined : `needs an H×W×C input but gets ${formatShape(input)}; put it before Flatten`);
  const firstFieldError = () => Object.values(layerFieldErrors(layer))[0];
  switch (layer.type) {
    case 'conv2d':
    case 'maxPool2d':
    case 'avgPool2d': {
      if (input.length !== 3) return { ...none, error: `needs an H×W×C input but gets ${formatShape(input)}; put it before Flatten` };
      const [h, w, c] = input;
      const k = layer.type === 'conv2d' ? layer.kernelSize : layer.poolSize;
      const s = layer.strides;
      const bad = Object.values(layerFieldErrors(layer))[0];
      if (bad) return { ...none, error: bad };
      if (layer.padding === 'valid' && (k > h || k > w)) {
        const what = layer.type === 'conv2d' ? 'kernel' : 'pool window';
        return { ...none, error: `${what} ${k}×${k} is larger than its ${h}×${w} input: ⌊(${Math.min(h, w)} + 2·0 − ${k})/${s}⌋ + 1 < 1 (use padding "same" or a smaller window)` };
      }
      const oh = windowOutputSize(h, k, s, layer.padding);
      const ow = windowOutputSize(w, k, s, layer.padding);
      if (layer.type !== 'conv2d') return { ...none, outputShape: [oh, ow, c] };
      return { trainableParams: k * k * c * layer.filters + bias(layer.filters), nonTrainableParams: 0, outputShape: [oh, ow, layer.filters] };
    }
    case 'flatten':
      // Keras passes a flat input through; tfjs refuses it (min_ndim 3): say so here rather than fail at build.
      if (input.length === 1) return { ...none, error: `its input ${formatShape(input)} is already flat; remove this Flatten` };
      return { ...none, outputShape: [input.reduce((a, b) => a * b, 1)] };
    case 'dense': {
      if (input.length !== 1) return { ...none, error: `gets a ${formatShape(input)} tensor; add Flatten before Dense` };
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
export function inputShapeError(shape: ModelSpec['inputShape']): string | undefined {
  const [h, w, c] = shape;
  return wholeInRange('Height', h, LIMITS.side) ?? wholeInRange('Width', w, LIMITS.side) ?? wholeInRange('Channels', c, LIMITS.channels);
}

/** Why a Keras-declared input cannot carry `image`'s values, or undefined. */
function kerasInputError(kerasInput: readonly number[], image: ModelSpec['inputShape']): string | undefined {
  if (kerasInput.length < 1 || kerasInput.length > 3 || elements(kerasInput) !== elements(image) || kerasInput.some((d) => !Number.isInteger(d) || d < 1)) {
    return `the model declares its input as (${kerasInput.join(', ')}), which cannot hold ${formatShape(image)} images`;
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
export function inferShapes(spec: ModelSpec, numClasses?: number): ModelInfo {
  const layers: LayerInfo[] = [];
  let shape: Shape | undefined = firstLayerInput(spec);
  let error: string | undefined;
  const badInput = inputShapeError(spec.inputShape) ?? (spec.kerasInput && kerasInputError(spec.kerasInput, spec.inputShape));
  if (badInput) {
    error = `Input: ${badInput}`;
    shape = undefined;
  }
  spec.layers.forEach((layer, index) => {
    if (!shape) {
      layers.push({ index, layer, inputShape: [], trainableParams: 0, nonTrainableParams: 0 });
      return;
    }
    const result = applyLayer(layer, shape);
    if (result.outputShape?.some((d) => d < 1)) result.error = `output ${formatShape(result.outputShape)} has no elements`;
    layers.push({ index, layer, inputShape: shape, ...result });
    if (result.error) {
      error ??= `Layer ${index + 1} (${layerTitle(layer)}): ${result.error}`;
      shape = undefined;
    } else {
      shape = result.outputShape;
    }
  });
  const last = spec.layers[spec.layers.length - 1];
  if (!error) {
    const classifier = classifierOf(spec);
    if (!last) error = 'The network has no layers: add an output layer, Dense with softmax';
    else if (!classifier || (numClasses !== undefined && classifier.units !== numClasses)) {
      const units = numClasses === undefined ? '' : ` ${numClasses}`;
      // The Activation ending is named only to those who build with Activation layers.
      const orActivation = spec.layers.some((l) => l.type === 'activation') ? `, or a linear Dense${units} then Activation softmax` : '';
      const problem = `the output layer must be Dense${units} with softmax (one unit per class)${orActivation}`;
      const at = classifier ? classifier.dense : layers.length - 1;
      layers[at].error = problem;
      error = `Layer ${at + 1} (${layerTitle(spec.layers[at])}): ${problem}`;
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
