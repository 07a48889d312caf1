import type { LayerSpec, LayerType } from '../types';

const CLASS: Record<Exclude<LayerType, 'random'>, string> = {
  conv2d: 'Conv2D',
  maxPool2d: 'MaxPooling2D',
  avgPool2d: 'AveragePooling2D',
  flatten: 'Flatten',
  dense: 'Dense',
  dropout: 'Dropout',
  batchNorm: 'BatchNormalization',
  reshape: 'Reshape',
  zeroPadding2d: 'ZeroPadding2D',
  activation: 'Activation',
  relu: 'ReLU',
  globalAvgPool2d: 'GlobalAveragePooling2D',
  globalMaxPool2d: 'GlobalMaxPooling2D',
  rescaling: 'Rescaling',
  spatialDropout2d: 'SpatialDropout2D',
  gaussianNoise: 'GaussianNoise',
  gaussianDropout: 'GaussianDropout',
};

/** The Keras class of a layer, e.g. "MaxPooling2D". */
export function kerasClass(layer: LayerSpec): string {
  return layer.type === 'random' ? layer.className : CLASS[layer.type];
}

/** Keras's default name of a class, by Keras's own to_snake_case ("MaxPooling2D" → "max_pooling2d", "ReLU" → "re_lu"). */
export function snakeCase(className: string): string {
  return className
    .replace(/\W+/g, '')
    .replace(/(.)([A-Z][a-z]+)/g, '$1_$2')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/**
 * The names model.summary() prints in a fresh session: the snake-case class
 * name, then _1, _2, … for later layers of the same class ("conv2d",
 * "conv2d_1", "max_pooling2d").
 */
export function kerasLayerNames(layers: readonly LayerSpec[]): string[] {
  const seen = new Map<string, number>();
  return layers.map((l) => {
    const base = snakeCase(kerasClass(l));
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n === 0 ? base : `${base}_${n}`;
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
