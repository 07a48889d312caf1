import { ModelFileError } from '../ModelFileError';
import type { H5Dataset, H5Group } from './hdf5Tree';
import { message } from '../../model/message';

/** A weight's values as float32, whatever float type the file stores them in. */
export function float32Values(dataset: H5Dataset, fileName: string): Float32Array {
  switch (dataset.dtype) {
    case 'float32':
      return dataset.value;
    case 'float16':
    case 'float64':
      return Float32Array.from(dataset.value);
    default:
      throw new ModelFileError(message('errors:modelFile.h5WeightType', { file: fileName, dtype: String(dataset.dtype) }));
  }
}

/** A string attribute's text: Keras writes its JSON and versions as fixed- or variable-length strings. */
export function attrText(group: H5Group, name: string): string | undefined {
  const a = group.attrs[name];
  if (!a || (a.type !== 'fixed-string' && a.type !== 'string') || Array.isArray(a.value)) return undefined;
  return a.value;
}

/**
 * A list of names (`layer_names`, `weight_names`): strings of either kind,
 * the empty float64 array Keras writes for none, or, when longer than an
 * HDF5 header holds, the chunks `name0`, `name1`, … Keras splits it into.
 */
export function attrTexts(group: H5Group, name: string): string[] | undefined {
  const read = (a: H5Group['attrs'][string] | undefined): string[] | undefined => {
    if (!a) return undefined;
    if (a.type === 'fixed-string' || a.type === 'string') return Array.isArray(a.value) ? a.value : [a.value];
    return Array.isArray(a.value) && a.value.length === 0 ? [] : undefined;
  };
  const whole = read(group.attrs[name]);
  if (whole) return whole;
  const chunks: string[] = [];
  for (let i = 0; group.attrs[`${name}${i}`]; i++) chunks.push(...(read(group.attrs[`${name}${i}`]) ?? []));
  return chunks.length ? chunks : undefined;
}

/** A weight found in a `.keras` weights file: its path there, and its dataset. */
export interface H5Weight {
  name: string;
  shape: number[];
  dataset: H5Dataset;
}

/** Every dataset below `group`, named by its path from there, leaving out the groups named in `skip` (an optimizer's state). */
export function h5Weights(group: H5Group, skip: readonly string[] = [], prefix = ''): H5Weight[] {
  const out: H5Weight[] = [];
  for (const [name, node] of group.children) {
    const path = prefix ? `${prefix}/${name}` : name;
    if (node.kind === 'group') {
      if (!skip.includes(path)) out.push(...h5Weights(node, skip, path));
    } else {
      out.push({ name: path, shape: node.shape, dataset: node });
    }
  }
  return out;
}
