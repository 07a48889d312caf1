import type { LayerSpec, LayerType, ModelSpec } from './types';

/** A new layer of each type, with the values a Keras tutorial would start from. */
export function defaultLayer(type: LayerType): LayerSpec {
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
    case 'batchNorm':
      return { type };
  }
}

/**
 * Where a new layer goes: image layers before the first Flatten (or before
 * the output if there is none), others just before the output layer, so the
 * Dense softmax stays last and the network stays trainable whenever it can.
 */
export function insertionIndex(spec: ModelSpec, type: LayerType): number {
  const n = spec.layers.length;
  const last = spec.layers[n - 1];
  const beforeOutput = last?.type === 'dense' && last.activation === 'softmax' ? n - 1 : n;
  if (type === 'conv2d' || type === 'maxPool2d' || type === 'avgPool2d') {
    const flatten = spec.layers.findIndex((l) => l.type === 'flatten');
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
