import { formatShape } from '../formatShape';
import { message, type Message } from '../message';
import type { WeightName } from './layersTopology';

/** A weight as a weights manifest lists it. */
export interface ListedWeight {
  name: string;
  shape: readonly number[];
}

/**
 * The parts of a weight name that say which layer and which weight, without
 * what savers add: the output slot (`:0`), Keras 3's path steps (`vars`,
 * `_layer_checkpoint_dependencies`, leading underscores). What remains may
 * still start with model or scope names (`sequential/conv2d/kernel`).
 */
function nameParts(name: string): string[] {
  return name
    .replace(/:\d+$/, '')
    .split('/')
    .map((part) => part.replace(/^_+/, ''))
    .filter((part) => part !== '' && part !== 'vars' && part !== 'layer_checkpoint_dependencies');
}

const endsWith = (parts: readonly string[], tail: readonly string[]) =>
  parts.length >= tail.length && tail.every((t, i) => parts[parts.length - tail.length + i] === t);

/**
 * Finds each expected weight among the listed ones by name, whatever order
 * the file lists them in (tensorflowjs_converter lists layers alphabetically):
 * `conv2d/kernel`, also with a prefix or `:0` suffix, or Keras 3's `conv2d/0`.
 * A name that is exactly `layer/leaf` wins over longer ones. Returns, per
 * expected weight, the index of its listed weight, or why one is missing,
 * ambiguous or of the wrong shape; `where` names the file in messages.
 */
export function matchWeightNames(expected: readonly WeightName[], listed: readonly ListedWeight[], where = 'model.json'): { indices: number[] } | { error: Message } {
  const parts = listed.map((w) => nameParts(w.name));
  const indices: number[] = [];
  for (const expectedWeight of expected) {
    // Named as nameParts names the file's parts (a layer "_head" is "head" there too); messages keep the real name.
    const want = { ...expectedWeight, layer: expectedWeight.layer.replace(/^_+/, '') };
    const exact = parts.findIndex((p) => p.length === 2 && p[0] === want.layer && p[1] === want.leaf);
    const candidates = exact >= 0
      ? [exact]
      : parts.flatMap((p, i) => (endsWith(p, [want.layer, want.leaf]) || endsWith(p, [want.layer, String(want.index)]) ? [i] : []));
    const what = message('errors:keras.weightOf', { layer: expectedWeight.layer, leaf: want.leaf, shape: formatShape(want.shape) });
    if (candidates.length === 0) return { error: message('errors:keras.noWeightFor', { where, what }) };
    if (candidates.length > 1) return { error: message('errors:keras.severalWeights', { where, what, names: candidates.map((i) => `"${listed[i].name}"`).join(', ') }) };
    const found = listed[candidates[0]];
    const sameShape = found.shape.length === want.shape.length && found.shape.every((d, i) => d === want.shape[i]);
    if (!sameShape) {
      const has = formatShape(found.shape);
      const values = { name: found.name, shape: has, layer: expectedWeight.layer, leaf: want.leaf, needs: formatShape(want.shape) };
      return { error: message(has ? 'errors:keras.weightShape' : 'errors:keras.weightScalar', values) };
    }
    indices.push(candidates[0]);
  }
  return { indices };
}
