import type { Attribute, Dataset, Group, Metadata } from 'h5wasm';
import { ModelFileError } from '../ModelFileError';
import { checkHdf5Bytes } from './checkHdf5Bytes';
import type { H5ArrayOf, H5Attribute, H5Dataset, H5Group } from './hdf5Tree';
import { loadHdf5, type Hdf5 } from './loadHdf5';
import { withScratchFile } from './withScratchFile';
import { halfToNumber } from '../float16';
import { message, type Message } from '../../model/message';

// HDF5's type classes (H5T_class_t), string paddings (H5T_str_t) and character sets (H5T_cset_t).
const INTEGER = 0;
const FLOAT = 1;
const STRING = 3;
const NULLTERM = 0;
const SPACEPAD = 2;
const ASCII = 0;

/** HDF5's type classes other than numbers, named in errors:modelFile.datasetHolds.types. */
const CLASS_NAMES = new Set([2, 3, 4, 5, 6, 7, 8, 9, 10]);

type ElementType = keyof H5ArrayOf;
const FLOATS: Record<number, ElementType> = { 2: 'float16', 4: 'float32', 8: 'float64' };
const INTS: Record<number, ElementType> = { 1: 'int8', 2: 'int16', 4: 'int32', 8: 'int64' };
const UINTS: Record<number, ElementType> = { 1: 'uint8', 2: 'uint16', 4: 'uint32', 8: 'uint64' };

/** Typed arrays over bytes read little-endian (h5wasm converts big-endian data as it reads); float16 comes as its bits. */
const ARRAYS: Record<ElementType, new (buffer: ArrayBuffer) => H5ArrayOf[ElementType] | Uint16Array> = {
  float16: Uint16Array, float32: Float32Array, float64: Float64Array,
  int8: Int8Array, int16: Int16Array, int32: Int32Array, int64: BigInt64Array,
  uint8: Uint8Array, uint16: Uint16Array, uint32: Uint32Array, uint64: BigUint64Array,
};

function elementType({ type, size, signed }: Metadata): ElementType | undefined {
  if (type === FLOAT) return FLOATS[size];
  if (type === INTEGER) return (signed ? INTS : UINTS)[size];
  return undefined;
}

/** What a reading is at, for the error that says where the file broke. */
interface Reader {
  h5: Hdf5;
  fileName: string;
  where: Message | string;
}

/** `byteLength` bytes that `read` fills at a pointer into the wasm heap, copied out. */
function readBytes({ module }: Hdf5, byteLength: number, read: (pointer: bigint) => number): Uint8Array {
  const pointer = module._malloc(Math.max(byteLength, 1));
  if (!pointer) throw new Error(`could not allocate ${byteLength} bytes`);
  try {
    if (read(BigInt(pointer)) < 0) throw new Error('HDF5 failed to read');
    return module.HEAPU8.slice(pointer, pointer + byteLength);
  } finally {
    module._free(pointer);
  }
}

const utf8 = new TextDecoder();

/**
 * Fixed-length strings, read as bytes and decoded as UTF-8 (Keras stores
 * `.encode('utf8')`: h5wasm would decode an ASCII-set string as Latin-1).
 * Null padding ends a string, as numpy strips it; space padding is Fortran's.
 */
function fixedStrings(reader: Reader, attribute: Attribute): string[] {
  const { size, total_size: count, strpad } = attribute.metadata;
  const bytes = readBytes(reader.h5, size * count, (p) => reader.h5.module.get_attribute_data(attribute.file_id, attribute.path, attribute.name, p));
  return Array.from({ length: count }, (_, i) => {
    const item = bytes.subarray(i * size, (i + 1) * size);
    const nul = strpad === NULLTERM ? item.indexOf(0) : -1;
    let end = nul >= 0 ? nul : item.length;
    while (end > 0 && (item[end - 1] === 0 || (strpad === SPACEPAD && item[end - 1] === 0x20))) end--;
    return utf8.decode(item.subarray(0, end));
  });
}

/** An attribute as plain data, or undefined for one that holds no value or a type Keras never writes (h5py's booleans, compounds, …). */
function readAttribute(reader: Reader, attribute: Attribute): H5Attribute | undefined {
  const { metadata: m } = attribute;
  if (!m.shape) return undefined; // h5py's Empty: a type and no dataspace
  const listed = <T>(values: T[]) => (m.shape!.length === 0 ? values[0] : values);
  const shape = m.shape.length >= 2 ? { shape: m.shape } : {};
  if (m.type === STRING && !m.vlen) return { type: 'fixed-string', value: listed(fixedStrings(reader, attribute)), ...shape };
  if (m.type === STRING) {
    const read = attribute.value as string | string[];
    // h5wasm turns ASCII-set bytes into one character each: as UTF-8 they are
    // what Python's bytes held.
    const decode = (s: string) => (m.cset === ASCII ? utf8.decode(Uint8Array.from(s, (c) => c.charCodeAt(0))) : s);
    const charset = m.cset === ASCII ? 'ascii' : 'utf-8';
    return { type: 'string', value: listed((Array.isArray(read) ? read : [read]).map(decode)), charset, ...shape };
  }
  const type = elementType(m);
  if (!type || type === 'float16') return undefined;
  const read = attribute.value as number | bigint | ArrayLike<number | bigint>;
  const values = typeof read === 'object' ? Array.from(read, Number) : [Number(read)];
  return { type, value: listed(values), ...shape };
}

function readAttributes(reader: Reader, object: Group | Dataset): Record<string, H5Attribute> {
  const entries: [string, H5Attribute][] = [];
  for (const [name, attribute] of Object.entries(object.attrs)) {
    reader.where = message('errors:modelFile.where.attribute', { name, path: object.path });
    const read = readAttribute(reader, attribute);
    if (read) entries.push([name, read]);
  }
  // fromEntries, not assignment: an attribute may be called "__proto__".
  return Object.fromEntries(entries);
}

function readDataset(reader: Reader, dataset: Dataset): H5Dataset {
  const { h5, fileName } = reader;
  reader.where = message('errors:modelFile.where.dataset', { path: dataset.path });
  const m = dataset.metadata;
  const dtype = elementType(m);
  if (!dtype || !m.shape) {
    const what = !m.shape ? message('errors:modelFile.datasetHolds.noValues') : m.type === FLOAT ? message('errors:modelFile.datasetHolds.floats', { bits: m.size * 8 }) : (CLASS_NAMES.has(m.type) ? message(`errors:modelFile.datasetHolds.types.${m.type}`) : message('errors:modelFile.datasetHolds.typeClass', { type: m.type }));
    throw new ModelFileError(message('errors:modelFile.datasetNotNumbers', { file: fileName, path: dataset.path, what }));
  }
  const bytes = readBytes(h5, m.size * m.total_size, (p) => h5.module.get_dataset_data(dataset.file_id, dataset.path, null, null, null, p));
  const stored = new ARRAYS[dtype](bytes.buffer as ArrayBuffer);
  const value = dtype === 'float16' ? Float32Array.from(stored as Uint16Array, halfToNumber) : stored;
  return { kind: 'dataset', dtype, shape: m.shape, value, attrs: readAttributes(reader, dataset) } as H5Dataset;
}

function readGroup(reader: Reader, group: Group): H5Group {
  reader.where = message('errors:modelFile.where.group', { path: group.path });
  const attrs = readAttributes(reader, group);
  const children = new Map<string, H5Group | H5Dataset>();
  for (const name of group.keys()) {
    reader.where = `${group.path === '/' ? '' : group.path}/${name}`;
    const child = group.get(name);
    // Anything else (a broken or external link, a named datatype) is no part of a Keras file.
    if (child instanceof reader.h5.Group) children.set(name, readGroup(reader, child));
    else if (child instanceof reader.h5.Dataset) children.set(name, readDataset(reader, child));
  }
  return { kind: 'group', attrs, children };
}

/**
 * The whole HDF5 file in `bytes` as a tree: every group, every numeric
 * dataset (values in typed arrays) and every attribute of a type Keras writes
 * (strings, numbers). Loads h5wasm on first use. Throws ModelFileError,
 * naming `fileName`, when the bytes are not HDF5, are cut short or damaged,
 * or hold a dataset that is not numbers; never h5wasm's own errors.
 */
export async function readHdf5(bytes: Uint8Array, fileName: string): Promise<H5Group> {
  checkHdf5Bytes(bytes, fileName);
  const h5 = await loadHdf5();
  const reader: Reader = { h5, fileName, where: '' };
  try {
    return withScratchFile(h5, bytes, (path) => {
      const file = new h5.File(path, 'r');
      try {
        return readGroup(reader, file);
      } finally {
        file.close();
      }
    });
  } catch (error) {
    if (error instanceof ModelFileError) throw error;
    // HDF5's error stack (or a wasm trap) means nothing in the error banner: say where it broke.
    throw new ModelFileError(
      reader.where ? message('errors:modelFile.hdf5CouldNotRead', { file: fileName, where: reader.where }) : message('errors:modelFile.hdf5CouldNotOpen', { file: fileName }),
      { cause: error },
    );
  }
}
