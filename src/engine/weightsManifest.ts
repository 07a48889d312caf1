import { isRecord } from '../model/keras/topologyError';
import { ModelFileError } from './ModelFileError';
import { halfToNumber } from './float16';
import { message } from '../model/message';

/** One weight of a weights manifest, and where its bytes are. */
export interface ManifestWeight {
  name: string;
  shape: number[];
  /** The weight's own dtype ('float32' for every weight Convscope reads). */
  dtype: string;
  /** How it is stored when tensorflowjs_converter quantized it: uint8/uint16 as value = q·scale + min, or float16. */
  quantization?: { dtype: string; scale?: unknown; min?: unknown };
  /** tfjs's model.save marks optimizer state this way; it is no layer's weight. */
  optimizer: boolean;
  /** Index of the manifest group whose files hold it, and its byte range in their concatenation. */
  group: number;
  offset: number;
  byteLength: number;
}

export interface ManifestGroup {
  /** Its files, in order: shards are concatenated. */
  paths: string[];
  /** Bytes its weights take in all. */
  byteLength: number;
}

/** Bytes per stored value; a string weight has no fixed size, so nothing after it could be found. */
const BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1, uint8: 1, uint16: 2, float16: 2, complex64: 8 };

const READABLE = message('errors:modelFile.readable');

/**
 * Reads a model.json's `weightsManifest` (`[{paths, weights: [{name, shape,
 * dtype, quantization?, group?}]}]`) and places each weight in its group's
 * bytes, in manifest order, as tfjs does. Throws ModelFileError when the
 * manifest is malformed or a weight's size cannot be known.
 */
export function parseWeightsManifest(raw: unknown): { groups: ManifestGroup[]; weights: ManifestWeight[] } {
  if (!Array.isArray(raw)) throw new ModelFileError(message('errors:modelFile.noManifest'));
  const groups: ManifestGroup[] = [];
  const weights: ManifestWeight[] = [];
  raw.forEach((group: unknown, g) => {
    const group1 = g + 1;
    if (!isRecord(group) || !Array.isArray(group.paths) || !group.paths.every((p) => typeof p === 'string') || !Array.isArray(group.weights)) {
      throw new ModelFileError(message('errors:modelFile.manifestGroup', { group: group1 }));
    }
    let offset = 0;
    group.weights.forEach((w: unknown, i) => {
      const ok = isRecord(w) && typeof w.name === 'string' && typeof w.dtype === 'string'
        && Array.isArray(w.shape) && w.shape.every((d) => Number.isInteger(d) && d >= 0);
      if (!ok) throw new ModelFileError(message('errors:modelFile.manifestWeight', { group: group1, weight: i + 1 }));
      const quantization = isRecord(w.quantization) ? { ...w.quantization, dtype: String(w.quantization.dtype) } : undefined;
      const stored = quantization?.dtype ?? (w.dtype as string);
      const bytes = BYTES[stored];
      if (bytes === undefined) throw new ModelFileError(message('errors:modelFile.storedAs', { name: w.name as string, dtype: stored, readable: READABLE }));
      const byteLength = bytes * (w.shape as number[]).reduce((a, b) => a * b, 1);
      weights.push({
        name: w.name as string, shape: w.shape as number[], dtype: w.dtype as string, quantization,
        optimizer: w.group === 'optimizer', group: g, offset, byteLength,
      });
      offset += byteLength;
    });
    groups.push({ paths: group.paths as string[], byteLength: offset });
  });
  return { groups, weights };
}

/**
 * A weight's values as float32, from its group's bytes (little-endian, as
 * every browser and tfjs writes them): copied when stored as float32,
 * dequantized (q·scale + min, as tfjs computes it) from uint8 or uint16,
 * widened from float16. Throws ModelFileError for any other storage.
 */
export function decodeWeight(weight: ManifestWeight, groupBytes: Uint8Array): Float32Array {
  const bytes = groupBytes.slice(weight.offset, weight.offset + weight.byteLength);
  const q = weight.quantization;
  if (weight.dtype !== 'float32') throw new ModelFileError(message('errors:modelFile.hasDtype', { name: weight.name, dtype: weight.dtype, readable: READABLE }));
  if (!q) return new Float32Array(bytes.buffer);
  if (q.dtype === 'uint8' || q.dtype === 'uint16') {
    const { scale, min } = q;
    if (typeof scale !== 'number' || typeof min !== 'number' || !Number.isFinite(scale) || !Number.isFinite(min)) {
      throw new ModelFileError(message('errors:modelFile.noScale', { name: weight.name, dtype: q.dtype }));
    }
    const stored = q.dtype === 'uint8' ? bytes : new Uint16Array(bytes.buffer);
    return Float32Array.from(stored, (v) => v * scale + min);
  }
  if (q.dtype === 'float16') return Float32Array.from(new Uint16Array(bytes.buffer), halfToNumber);
  throw new ModelFileError(message('errors:modelFile.quantizedTo', { name: weight.name, dtype: q.dtype, readable: READABLE }));
}
