import type { Dataset, Group } from 'h5wasm';
import type { H5Attribute, H5Dataset, H5Group, H5NumberType } from './hdf5Tree';
import { loadHdf5 } from './loadHdf5';
import { withScratchFile } from './withScratchFile';

/** h5wasm's dtype strings (struct-module letters): little-endian, as h5py writes them on every machine we run on. */
const DTYPES: Record<H5NumberType, string> = {
  float32: '<f', float64: '<d', int8: '<b', int16: '<h', int32: '<i', int64: '<q', uint8: '<B', uint16: '<H', uint32: '<I', uint64: '<Q',
};

const ARRAYS: Record<H5NumberType, abstract new (...args: never[]) => ArrayBufferView> = {
  float32: Float32Array, float64: Float64Array, int8: Int8Array, int16: Int16Array, int32: Int32Array, int64: BigInt64Array,
  uint8: Uint8Array, uint16: Uint16Array, uint32: Uint32Array, uint64: BigUint64Array,
};

/** The integers each integer type holds; 64-bit ones as far as a number is exact. */
const RANGES: Partial<Record<H5NumberType, [number, number]>> = {
  int8: [-(2 ** 7), 2 ** 7 - 1], int16: [-(2 ** 15), 2 ** 15 - 1], int32: [-(2 ** 31), 2 ** 31 - 1], int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  uint8: [0, 2 ** 8 - 1], uint16: [0, 2 ** 16 - 1], uint32: [0, 2 ** 32 - 1], uint64: [0, Number.MAX_SAFE_INTEGER],
};

const isNumberType = (type: string): type is H5NumberType => type in DTYPES;
const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);
const childPath = (parent: string, name: string) => `${parent === '/' ? '' : parent}/${name}`;
const utf8Length = (s: string) => new TextEncoder().encode(s).length;

/** The attribute's values as a list, and the shape it is written with. */
function layout(attribute: H5Attribute): { values: (string | number)[]; shape: number[] } {
  const values: (string | number)[] = Array.isArray(attribute.value) ? attribute.value : [attribute.value];
  return { values, shape: attribute.shape ?? (Array.isArray(attribute.value) ? [values.length] : []) };
}

/** Throws, naming `where`, for what h5wasm would reject or write other than asked; before any file exists. */
function checkAttribute(attribute: H5Attribute, where: string): void {
  const { values, shape } = layout(attribute);
  if (size(shape) !== values.length) throw new Error(`writeHdf5: ${where} has ${values.length} values for shape [${shape}]`);
  if (attribute.type === 'fixed-string' || attribute.type === 'string') {
    if (!values.every((v) => typeof v === 'string')) throw new Error(`writeHdf5: ${where} is a string attribute that holds something else`);
    // h5wasm hands HDF5 no buffer for none (and h5py cannot store an empty list of str either).
    if (attribute.type === 'string' && values.length === 0) throw new Error(`writeHdf5: ${where} is an empty list of variable-length strings, which h5wasm cannot write`);
    return;
  }
  if (!isNumberType(attribute.type)) throw new Error(`writeHdf5: ${where} has the unknown type ${String(attribute.type)}`);
  const range = RANGES[attribute.type];
  const fits = (v: unknown) => typeof v === 'number' && (range ? Number.isInteger(v) && v >= range[0] && v <= range[1] : true);
  if (!values.every(fits)) throw new Error(`writeHdf5: ${where} holds values that are not ${attribute.type}`);
}

function checkDataset(dataset: H5Dataset, where: string): void {
  if (dataset.dtype === 'float16') throw new Error(`writeHdf5: ${where} is float16, which h5wasm cannot write: convert it to float32`);
  if (!isNumberType(dataset.dtype) || !(dataset.value instanceof ARRAYS[dataset.dtype])) throw new Error(`writeHdf5: ${where} is ${String(dataset.dtype)}, but its values are not in the matching typed array`);
  if (!dataset.shape.every((d) => Number.isInteger(d) && d >= 0) || size(dataset.shape) !== dataset.value.length) {
    throw new Error(`writeHdf5: ${where} has ${dataset.value.length} values for shape [${dataset.shape}]`);
  }
}

function checkAttributes(attrs: Record<string, H5Attribute>, path: string): void {
  for (const [name, attribute] of Object.entries(attrs)) checkAttribute(attribute, `the attribute "${name}" of ${path}`);
}

/** The whole tree, checked before anything is written, so that what fails later is HDF5's own doing. */
function checkGroup(group: H5Group, path: string): void {
  checkAttributes(group.attrs, path);
  for (const [name, child] of group.children) {
    // '/' would make a path of the name, and HDF5 keeps '.' for the group itself.
    if (name === '' || name === '.' || name.includes('/')) throw new Error(`writeHdf5: "${name}" in ${path} cannot name an HDF5 object`);
    const where = childPath(path, name);
    if (child.kind === 'group') checkGroup(child, where);
    else {
      checkDataset(child, `the dataset ${where}`);
      checkAttributes(child.attrs, where);
    }
  }
}

/** What writing is at, for the error that says what HDF5 refused. */
interface Writer {
  where: string;
}

function writeAttributes(writer: Writer, target: Group | Dataset, attrs: Record<string, H5Attribute>): void {
  for (const [name, attribute] of Object.entries(attrs)) {
    writer.where = `the attribute "${name}" of ${target.path}`;
    const { values, shape } = layout(attribute);
    if (attribute.type === 'fixed-string') {
      // h5wasm's 'A<n>' is HDF5's C string of n bytes in the ASCII set, which
      // h5py reads as numpy S<n>, as it does Keras's bytes arrays. (Its 'S<n>'
      // would be a space-padded Fortran string in UTF-8.) Numpy pads with
      // nulls and h5wasm cannot choose the padding: HDF5 marks these
      // null-terminated, and both HDF5 and h5py read a string that fills all n
      // bytes whole. UTF-8 bytes of other characters go in unchanged.
      const longest = (values as string[]).reduce((n, s) => Math.max(n, utf8Length(s)), 1);
      target.create_attribute(name, values as string[], shape, `A${longest}`);
    } else if (attribute.type === 'string') {
      // 'S' (no length) is h5wasm's variable-length UTF-8 string, h5py's str;
      // 'A' the variable-length ASCII one that h5py 3 makes of Python bytes.
      target.create_attribute(name, values as string[], shape, attribute.charset === 'ascii' ? 'A' : 'S');
    } else {
      target.create_attribute(name, values as number[], shape, DTYPES[attribute.type]);
    }
  }
}

function writeGroup(writer: Writer, target: Group, group: H5Group): void {
  writeAttributes(writer, target, group.attrs);
  for (const [name, child] of group.children) {
    writer.where = childPath(target.path, name);
    if (child.kind === 'group') {
      writeGroup(writer, target.create_group(name), child);
    } else {
      // Contiguous, uncompressed, as h5py and Keras store weights.
      const dataset = target.create_dataset({ name, data: child.value, shape: child.shape, dtype: DTYPES[child.dtype as H5NumberType] });
      writeAttributes(writer, dataset, child.attrs);
    }
  }
}

/**
 * An HDF5 file holding `tree`: the same groups, datasets (little-endian, in
 * their shapes) and attributes of exactly the types asked for (see
 * H5Attribute). Groups do not track creation order, as h5py's and Keras's do
 * not; the format is HDF5 1.8's, which every h5py reads, and which (unlike
 * h5py's default, the oldest format) stores attributes over 64 KB. Loads
 * h5wasm on first use. Throws an Error naming the part of the tree that
 * cannot be written, or what HDF5 refused; never h5wasm's own errors.
 */
export async function writeHdf5(tree: H5Group): Promise<Uint8Array> {
  checkGroup(tree, '/');
  const h5 = await loadHdf5();
  const writer: Writer = { where: 'the file' };
  try {
    return withScratchFile(h5, undefined, (path) => {
      const file = new h5.File(path, 'w', { libver: 'v108' });
      try {
        writeGroup(writer, file, tree);
      } finally {
        file.close();
      }
      return h5.module.FS.readFile(path);
    });
  } catch (error) {
    throw new Error(`HDF5 could not write ${writer.where}`, { cause: error });
  }
}
