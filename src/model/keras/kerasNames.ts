import type { LayerSpec, LayerType } from '../types';

const CLASS: Record<LayerType, string> = {
  conv2d: 'Conv2D',
  maxPool2d: 'MaxPooling2D',
  avgPool2d: 'AveragePooling2D',
  flatten: 'Flatten',
  dense: 'Dense',
  dropout: 'Dropout',
  batchNorm: 'BatchNormalization',
};

const BASE: Record<LayerType, string> = {
  conv2d: 'conv2d',
  maxPool2d: 'max_pooling2d',
  avgPool2d: 'average_pooling2d',
  flatten: 'flatten',
  dense: 'dense',
  dropout: 'dropout',
  batchNorm: 'batch_normalization',
};

/** The Keras class of a layer, e.g. "MaxPooling2D". */
export function kerasClass(layer: LayerSpec): string {
  return CLASS[layer.type];
}

/**
 * The names model.summary() prints in a fresh session: the snake-case class
 * name, then _1, _2, … for later layers of the same class ("conv2d",
 * "conv2d_1", "max_pooling2d").
 */
export function kerasLayerNames(layers: readonly LayerSpec[]): string[] {
  const seen = new Map<LayerType, number>();
  return layers.map((l) => {
    const n = seen.get(l.type) ?? 0;
    seen.set(l.type, n + 1);
    return n === 0 ? BASE[l.type] : `${BASE[l.type]}_${n}`;
  });
}

/** Keras's shape notation with the batch axis, e.g. "(None, 26, 26, 64)". */
export function kerasShape(shape: readonly number[]): string {
  return `(None, ${shape.join(', ')})`;
}

/** Keras 3's size in parentheses after a parameter count: 4 bytes each, in KB/MB/GB of 1,024. */
export function kerasBytes(params: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = params * 4;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(2)} ${units[i]}`;
}
