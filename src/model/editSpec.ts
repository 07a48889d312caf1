import { classifierOf } from './classifierOf';
import type { AddableLayerType, LayerSpec, LayerType, ModelSpec } from './types';

/** A new layer of each type, with the values a Keras tutorial would start from. */
export function defaultLayer(type: AddableLayerType): LayerSpec {
  switch (type) {
    case 'conv2d':
      return { type, filters: 32, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' };
    case 'maxPool2d':
    case 'avgPool2d':
      return { type, poolSize: 2, strides: 2, padding: 'valid' };
    case 'flatten':
      return { type };
    case 'dense':
      return { type, units: 128, activation: 'relu' };
    case 'dropout':
      return { type, rate: 0.25 };
    case 'spatialDropout2d':
    case 'gaussianDropout':
      return { type, rate: 0.1 };
    case 'gaussianNoise':
      return { type, stddev: 0.1 };
    case 'batchNorm':
    case 'relu':
    case 'globalAvgPool2d':
    case 'globalMaxPool2d':
      return { type };
    case 'reshape':
      return { type, targetShape: [28, 28, 1] };
    case 'zeroPadding2d':
      return { type, padding: [2, 2, 2, 2] };
    case 'activation':
      return { type, activation: 'relu' };
    case 'rescaling':
      return { type, scale: 1 / 255, offset: 0 };
  }
}

/** Layers that read and make H×W×C maps, so they go before the first Flatten. */
const IMAGE_LAYERS: readonly LayerType[] = ['conv2d', 'maxPool2d', 'avgPool2d', 'zeroPadding2d', 'spatialDropout2d', 'globalAvgPool2d', 'globalMaxPool2d'];

/**
 * Where a new layer goes: image layers before the first Flatten (or before
 * the output if there is none), others just before the output layer, so the
 * Dense softmax stays last and the network stays trainable whenever it can.
 */
export function insertionIndex(spec: ModelSpec, type: LayerType): number {
  const beforeOutput = classifierOf(spec)?.dense ?? spec.layers.length;
  if (type === 'rescaling' || type === 'reshape') return 0;
  if (IMAGE_LAYERS.includes(type)) {
    const flatten = spec.layers.findIndex((l) => l.type === 'flatten' || l.type === 'globalAvgPool2d' || l.type === 'globalMaxPool2d');
    return flatten >= 0 ? flatten : beforeOutput;
  }
  return beforeOutput;
}

export function insertLayer(spec: ModelSpec, index: number, layer: LayerSpec): ModelSpec {
  const layers = spec.layers.slice();
  layers.splice(index, 0, layer);
  return { ...spec, layers };
}

export function replaceLayer(spec: ModelSpec, index: number, layer: LayerSpec): ModelSpec {
  return { ...spec, layers: spec.layers.map((l, i) => (i === index ? layer : l)) };
}

export function removeLayer(spec: ModelSpec, index: number): ModelSpec {
  return { ...spec, layers: spec.layers.filter((_, i) => i !== index) };
}

/** Moves layer `from` to position `to` (both clamped to the list). */
export function moveLayer(spec: ModelSpec, from: number, to: number): ModelSpec {
  const layers = spec.layers.slice();
  const t = Math.max(0, Math.min(layers.length - 1, to));
  const [layer] = layers.splice(from, 1);
  if (!layer) return spec;
  layers.splice(t, 0, layer);
  return { ...spec, layers };
}

/** Structural equality of two specs (they are plain data). */
export function sameSpec(a: ModelSpec, b: ModelSpec): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
