/**
 * Reads and writes Convscope dataset files (version 1), as produced by scripts/prepareData.mjs:
 *
 *   offset 0    ASCII "CSDS"
 *   offset 4    uint8 version (1)
 *   offset 5    uint8 rows
 *   offset 6    uint8 cols
 *   offset 7    uint8 numClasses
 *   offset 8    uint32 little-endian count N
 *   offset 12   N label bytes
 *   offset 12+N N*rows*cols pixel bytes, row-major, 0 = background, 255 = ink
 *
 * On disk the files are gzip-compressed; this module works on the decompressed bytes only,
 * so it stays free of DOM and Node dependencies (callers pick DecompressionStream or zlib).
 */

/** A decoded dataset part. `labels` and `pixels` may be views into the bytes that were decoded. */
export interface DatasetArrays {
  count: number;
  rows: number;
  cols: number;
  numClasses: number;
  labels: Uint8Array;
  /** count * rows * cols bytes, row-major per image. */
  pixels: Uint8Array;
}

/** The bytes are not a valid version-1 Convscope dataset file; the message says what is wrong. */
export class DatasetFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatasetFormatError';
  }
}

const MAGIC = [0x43, 0x53, 0x44, 0x53]; // "CSDS"
const VERSION = 1;
const HEADER_BYTES = 12;

/** True when the bytes start with the gzip magic 1f 8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Shows the first bytes as text when printable, else hex, to make a wrong response recognisable. */
function describeStart(bytes: Uint8Array): string {
  const head = bytes.subarray(0, 16);
  const printable = head.every((b) => b === 0x09 || b === 0x0a || b === 0x0d || (b >= 0x20 && b < 0x7f));
  if (printable) return JSON.stringify(String.fromCharCode(...head));
  return Array.from(head, (b) => b.toString(16).padStart(2, '0')).join(' ');
}

/**
 * Decodes an UNCOMPRESSED version-1 file. Returns views into `bytes` (no copy), so keep `bytes` alive
 * and do not modify it while the result is in use.
 * @throws DatasetFormatError on bad magic (e.g. an HTML page served instead of the file), unsupported
 *   version, a truncated or over-long file, or a label >= numClasses.
 */
export function decodeDataset(bytes: Uint8Array): DatasetArrays {
  if (bytes.length < MAGIC.length || MAGIC.some((m, i) => bytes[i] !== m)) {
    let hint = '';
    if (isGzip(bytes)) hint = ' It is still gzip-compressed: decompress it first.';
    else if (bytes.length === 0) hint = ' The file is empty.';
    else if (bytes[0] === 0x3c /* '<' */) hint = ' It looks like an HTML page was served instead (wrong URL, or the data was not prepared: run `npm run data`).';
    throw new DatasetFormatError(
      `Not a Convscope dataset file: expected magic "CSDS", file starts with ${describeStart(bytes)}.${hint}`,
    );
  }
  if (bytes.length < HEADER_BYTES) {
    throw new DatasetFormatError(`Truncated dataset file: expected at least ${HEADER_BYTES} header bytes, got ${bytes.length}.`);
  }
  const version = bytes[4];
  if (version !== VERSION) {
    throw new DatasetFormatError(`Unsupported dataset file version ${version} (this app reads version ${VERSION}).`);
  }
  const rows = bytes[5];
  const cols = bytes[6];
  const numClasses = bytes[7];
  if (rows === 0 || cols === 0 || numClasses === 0) {
    throw new DatasetFormatError(`Invalid dataset header: rows=${rows}, cols=${cols}, numClasses=${numClasses} (all must be >= 1).`);
  }
  const count = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8, true);
  const expected = HEADER_BYTES + count + count * rows * cols;
  if (bytes.length < expected) {
    throw new DatasetFormatError(
      `Truncated dataset file: expected ${expected} bytes for ${count} images of ${rows}x${cols}, got ${bytes.length}.`,
    );
  }
  if (bytes.length > expected) {
    // Extra bytes mean the header and the payload disagree; better to refuse than to train on garbage.
    throw new DatasetFormatError(
      `Dataset file too long: expected ${expected} bytes for ${count} images of ${rows}x${cols}, got ${bytes.length}.`,
    );
  }
  const labels = bytes.subarray(HEADER_BYTES, HEADER_BYTES + count);
  for (let i = 0; i < count; i++) {
    if (labels[i] >= numClasses) {
      throw new DatasetFormatError(`Invalid label ${labels[i]} at index ${i}: numClasses is ${numClasses}.`);
    }
  }
  const pixels = bytes.subarray(HEADER_BYTES + count, expected);
  return { count, rows, cols, numClasses, labels, pixels };
}

/**
 * Encodes a dataset part into an uncompressed version-1 file (the inverse of decodeDataset).
 * `count` defaults to `labels.length`.
 * @throws RangeError when the dimensions are out of range or the arrays do not match them.
 */
export function encodeDataset(d: Omit<DatasetArrays, 'count'> & { count?: number }): Uint8Array {
  const count = d.count ?? d.labels.length;
  const { rows, cols, numClasses } = d;
  for (const [name, v] of [['rows', rows], ['cols', cols], ['numClasses', numClasses]] as const) {
    if (!Number.isInteger(v) || v < 1 || v > 255) throw new RangeError(`${name} must be an integer in 1..255, got ${v}`);
  }
  if (!Number.isInteger(count) || count < 0 || count > 0xffffffff) throw new RangeError(`count must be a uint32, got ${count}`);
  if (d.labels.length !== count) throw new RangeError(`labels has ${d.labels.length} entries, expected count = ${count}`);
  if (d.pixels.length !== count * rows * cols) {
    throw new RangeError(`pixels has ${d.pixels.length} bytes, expected count*rows*cols = ${count * rows * cols}`);
  }
  const bad = d.labels.findIndex((l) => l >= numClasses);
  if (bad >= 0) throw new RangeError(`label ${d.labels[bad]} at index ${bad} is >= numClasses (${numClasses})`);

  const out = new Uint8Array(HEADER_BYTES + count + d.pixels.length);
  out.set(MAGIC, 0);
  out[4] = VERSION;
  out[5] = rows;
  out[6] = cols;
  out[7] = numClasses;
  new DataView(out.buffer).setUint32(8, count, true);
  out.set(d.labels, HEADER_BYTES);
  out.set(d.pixels, HEADER_BYTES + count);
  return out;
}
