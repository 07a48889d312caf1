import { datasetFileName, type DatasetId, type DatasetPart } from '../../data/datasets';
import { DatasetFormatError, decodeDataset, isGzip } from '../../data/decodeDataset';
import type { ImageSet } from '../../engine/imageSet';
import { SessionError } from '../sessionError';

/** A data file that could not be had, with the file's name for the message. */
export class DataFileError extends SessionError {
  constructor(
    code: 'data-missing' | 'data-corrupt',
    readonly file: string,
    message: string,
  ) {
    super(code, message);
  }
}

/**
 * Downloads one converted dataset part, reporting compressed bytes as they
 * arrive, and decompresses it with DecompressionStream. A server that already
 * removed the gzip layer (Content-Encoding) is handled by sniffing the magic.
 */
export async function fetchDatasetPart(
  baseUrl: string,
  id: DatasetId,
  part: DatasetPart,
  onProgress: (loadedBytes: number, totalBytes: number) => void,
): Promise<ImageSet> {
  const file = datasetFileName(id, part);
  const hint = 'Run `npm run data` (it runs on `npm install`) to generate the datasets.';
  let response: Response;
  try {
    response = await fetch(new URL(file, baseUrl));
  } catch (e) {
    throw new DataFileError('data-missing', file, `Could not download ${file}: ${(e as Error).message}`);
  }
  if (!response.ok || !response.body) {
    throw new DataFileError('data-missing', file, `Data file ${file} is missing (HTTP ${response.status}). ${hint}`);
  }
  const total = Number(response.headers.get('content-length')) || 0;
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let loaded = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    onProgress(loaded, Math.max(total, loaded));
  }
  const raw = concat(chunks, loaded);
  let bytes = raw;
  if (isGzip(raw)) {
    try {
      const stream = new Blob([raw]).stream().pipeThrough(new DecompressionStream('gzip'));
      bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    } catch (e) {
      throw new DataFileError('data-corrupt', file, `Data file ${file} is corrupt: it does not decompress (${(e as Error).message}). ${hint}`);
    }
  }
  try {
    const d = decodeDataset(bytes);
    return { pixels: d.pixels, labels: d.labels, count: d.count, rows: d.rows, cols: d.cols, numClasses: d.numClasses };
  } catch (e) {
    if (e instanceof DatasetFormatError) {
      throw new DataFileError('data-corrupt', file, `Data file ${file} is corrupt: ${e.message}. ${hint}`);
    }
    throw e;
  }
}

function concat(chunks: Uint8Array<ArrayBuffer>[], length: number): Uint8Array<ArrayBuffer> {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(length);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.length;
  }
  return out;
}
