// An HDF5 file as plain data: what readHdf5 returns and writeHdf5 takes, so
// that nothing but those two (and loadHdf5) ever sees h5wasm.

/** Numeric element types, by numpy's names; all little-endian once read. */
export type H5NumberType = 'float32' | 'float64' | 'int8' | 'int16' | 'int32' | 'int64' | 'uint8' | 'uint16' | 'uint32' | 'uint64';

/**
 * One attribute. `value` is a scalar when the attribute has no dimensions and
 * a list when it has one; `shape` appears only for two or more, and `value`
 * is then the row-major flattened list. 64-bit integers become numbers
 * (exact below 2^53).
 */
export type H5Attribute =
  /**
   * Fixed-length strings, as h5py stores numpy `S<n>` bytes (a list: one
   * `S<n>` array, n the longest in UTF-8 bytes). Read from any fixed-length
   * string; written with the ASCII character set, as numpy's are.
   */
  | { type: 'fixed-string'; value: string | string[]; shape?: number[] }
  /**
   * Variable-length strings: 'utf-8' is how h5py stores a Python str; 'ascii'
   * how h5py 3 stores Python bytes (so Keras's `.encode('utf8')`ed metadata).
   * Writing leaves out `charset` as 'utf-8'; reading always sets it.
   */
  | { type: 'string'; value: string | string[]; charset?: 'utf-8' | 'ascii'; shape?: number[] }
  | { type: H5NumberType; value: number | number[]; shape?: number[] };

/** The typed array that holds each dataset type's values; float16 is widened to float32 as it is read. */
export interface H5ArrayOf {
  float16: Float32Array;
  float32: Float32Array;
  float64: Float64Array;
  int8: Int8Array;
  int16: Int16Array;
  int32: Int32Array;
  int64: BigInt64Array;
  uint8: Uint8Array;
  uint16: Uint16Array;
  uint32: Uint32Array;
  uint64: BigUint64Array;
}

/**
 * A dataset: its values, row-major, in the typed array of its dtype (so
 * checking `dtype` types `value`); `shape` [] for a scalar. writeHdf5 cannot
 * write float16 (h5wasm creates no 2-byte floats).
 */
export type H5Dataset = {
  [D in keyof H5ArrayOf]: { kind: 'dataset'; dtype: D; shape: number[]; value: H5ArrayOf[D]; attrs: Record<string, H5Attribute> };
}[keyof H5ArrayOf];

/**
 * A group. `children` keeps the file's own order: creation order where the
 * file tracks it, by name otherwise (as h5py lists them, and as h5py and
 * Keras write files: Keras keeps order in attributes such as layer_names).
 */
export interface H5Group {
  kind: 'group';
  attrs: Record<string, H5Attribute>;
  children: Map<string, H5Group | H5Dataset>;
}

/**
 * The group or dataset at a '/'-separated path below `tree`
 * ('model_weights/conv2d/conv2d/kernel:0'; ':' is part of a name), or
 * undefined where the path leads nowhere. '' is the tree itself.
 */
export function childAt(tree: H5Group, path: string): H5Group | H5Dataset | undefined {
  let node: H5Group | H5Dataset | undefined = tree;
  for (const name of path.split('/').filter(Boolean)) {
    node = node.kind === 'group' ? node.children.get(name) : undefined;
    if (!node) return undefined;
  }
  return node;
}
