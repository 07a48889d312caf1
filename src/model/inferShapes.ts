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

const isPositiveInt = (n: number) => Number.isInteger(n) && n >= 1;

/** Keras's output length of a windowed op along one axis. */
export function windowOutputSize(size: number, kernel: number, stride: number, padding: 'valid' | 'same'): number {
  return padding === 'same' ? Math.ceil(size / stride) : Math.floor((size - kernel) / stride) + 1;
}

function applyLayer(layer: LayerSpec, input: Shape): Omit<LayerInfo, 'index' | 'layer' | 'inputShape'> {
  const none = { trainableParams: 0, nonTrainableParams: 0 };
  switch (layer.type) {
    case 'conv2d':
    case 'maxPool2d':
    case 'avgPool2d': {
      if (input.length !== 3) return { ...none, error: `needs an H×W×C input but gets ${fmt(input)}; put it before Flatten` };
      const [h, w, c] = input;
      const k = layer.type === 'conv2d' ? layer.kernelSize : layer.poolSize;
      const s = layer.strides;
      if (!isPositiveInt(k)) return { ...none, error: `${layer.type === 'conv2d' ? 'kernel' : 'pool'} size must be a whole number ≥ 1` };
      if (!isPositiveInt(s)) return { ...none, error: 'stride must be a whole number ≥ 1' };
      if (layer.type === 'conv2d' && !isPositiveInt(layer.filters)) return { ...none, error: 'filters must be a whole number ≥ 1' };
      if (layer.padding === 'valid' && (k > h || k > w)) {
        return { ...none, error: `window ${k}×${k} is larger than its ${h}×${w} input (use padding "same" or a smaller window)` };
      }
      const oh = windowOutputSize(h, k, s, layer.padding);
      const ow = windowOutputSize(w, k, s, layer.padding);
      if (layer.type !== 'conv2d') return { ...none, outputShape: [oh, ow, c] };
      return { trainableParams: k * k * c * layer.filters + layer.filters, nonTrainableParams: 0, outputShape: [oh, ow, layer.filters] };
    }
    case 'flatten':
      return { ...none, outputShape: [input.reduce((a, b) => a * b, 1)] };
    case 'dense': {
      if (input.length !== 1) return { ...none, error: `gets a ${fmt(input)} tensor; add Flatten before Dense` };
      if (!isPositiveInt(layer.units)) return { ...none, error: 'units must be a whole number ≥ 1' };
      return { trainableParams: input[0] * layer.units + layer.units, nonTrainableParams: 0, outputShape: [layer.units] };
    }
    case 'dropout':
      if (!(layer.rate >= 0 && layer.rate < 1)) return { ...none, error: 'rate must be in [0, 1)' };
      return { ...none, outputShape: input };
    case 'batchNorm': {
      // gamma and beta train; moving mean and variance do not (as in Keras's summary).
      const c = input[input.length - 1];
      return { trainableParams: 2 * c, nonTrainableParams: 2 * c, outputShape: input };
    }
  }
}

/** Human-readable shape, e.g. "26×26×64". */
export function fmt(shape: Shape): string {
  return shape.join('×');
}

/** Human-readable layer name, as Keras would print it. */
export function layerTitle(layer: LayerSpec): string {
  switch (layer.type) {
    case 'conv2d': return `Conv2D ${layer.filters} ${layer.kernelSize}×${layer.kernelSize}`;
    case 'maxPool2d': return `MaxPooling2D ${layer.poolSize}×${layer.poolSize}`;
    case 'avgPool2d': return `AveragePooling2D ${layer.poolSize}×${layer.poolSize}`;
    case 'flatten': return 'Flatten';
    case 'dense': return `Dense ${layer.units}`;
    case 'dropout': return `Dropout ${layer.rate}`;
    case 'batchNorm': return 'BatchNormalization';
  }
}

/**
 * Infers every layer's output shape and parameter count, and finds the first
 * reason the network cannot be trained on `numClasses` classes.
 */
export function inferShapes(spec: ModelSpec, numClasses: number): ModelInfo {
  const layers: LayerInfo[] = [];
  let shape: Shape | undefined = spec.inputShape;
  let error: string | undefined;
  if (!spec.inputShape.every(isPositiveInt)) error = `Input: shape ${fmt(spec.inputShape)} must be positive whole numbers`;
  spec.layers.forEach((layer, index) => {
    if (!shape) {
      layers.push({ index, layer, inputShape: [], trainableParams: 0, nonTrainableParams: 0 });
      return;
    }
    const result = applyLayer(layer, shape);
    if (result.outputShape?.some((d) => d < 1)) result.error = `output ${fmt(result.outputShape)} has no elements`;
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
    if (!last) error = 'The network has no layers';
    else if (last.type !== 'dense' || last.activation !== 'softmax' || last.units !== numClasses) {
      error = `The last layer must be Dense ${numClasses} with softmax (one unit per class)`;
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
