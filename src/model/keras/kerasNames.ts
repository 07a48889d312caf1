import type { LayerSpec, LayerType } from '../types';

/** The Keras class of each layer type Convscope names itself (a random layer carries its own). */
export const KERAS_CLASS: Record<Exclude<LayerType, 'random'>, string> = {
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
  return layer.type === 'random' ? layer.className : KERAS_CLASS[layer.type];
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
 * The names model.summary() prints: a layer's own name when it came from a
 * file with one, else the name Keras gives it in a fresh session, the
 * snake-case class name then _1, _2, … for later layers of the same class
 * ("conv2d", "conv2d_1", "max_pooling2d"), skipping names already taken.
 */
export function kerasLayerNames(layers: readonly LayerSpec[]): string[] {
  const taken = new Set(layers.flatMap((l) => (l.name ? [l.name] : [])));
  const seen = new Map<string, number>();
  return layers.map((l) => {
    if (l.name) return l.name;
    const base = snakeCase(kerasClass(l));
    let name: string;
    do {
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      name = n === 0 ? base : `${base}_${n}`;
    } while (taken.has(name));
    taken.add(name);
    return name;
  });
}

/**
 * Where Keras 3 files each layer's weights in a `.keras` archive: not under
 * its name but under its class in snake case, numbered per class in order
 * (`layers/dense_1`: keras/src/saving/saving_lib.py), whatever it is named.
 */
export function kerasArchiveFolders(layers: readonly LayerSpec[]): string[] {
  return kerasLayerNames(layers.map(({ name: _, ...l }) => l as LayerSpec));
}

/**
 * `layers` with the names a file gave them, kept only where they differ from
 * what kerasLayerNames would give (so a model named as Keras names layers
 * reads back without names, and one with its own names keeps them all).
 */
export function withFileNames(layers: readonly LayerSpec[], names: readonly string[]): LayerSpec[] {
  const plain = layers.map(({ name: _, ...l }) => l as LayerSpec);
  const fresh = kerasLayerNames(plain);
  const named = plain.map((l, i) => (names[i] === fresh[i] ? l : { ...l, name: names[i] }));
  const back = kerasLayerNames(named);
  // Taken names can shift the defaults after them; then every name is kept as written.
  return back.every((n, i) => n === names[i]) ? named : plain.map((l, i) => ({ ...l, name: names[i] }));
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
