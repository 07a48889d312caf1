import { datasetFileName, datasetShape, type DatasetId, type DatasetPart } from '../../data/datasets';
import { DatasetFormatError, decodeDataset, isGzip } from '../../data/decodeDataset';
import type { ImageSet } from '../../engine/imageSet';
import { message, MessageError, type Message } from '../../model/message';
import { DATASET_CACHE } from '../../offline/offlineCaches';
import { SessionError } from '../sessionError';

/** A data file that could not be had, with the file's name for the message. */
export class DataFileError extends SessionError {
  constructor(
    code: 'data-missing' | 'data-corrupt',
    readonly file: string,
    detail: Message,
  ) {
    super(code, detail);
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
  const url = new URL(file, baseUrl);
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    // fetch rejects only when no response came at all (offline, or the server out of reach;
    // a missing file is an HTTP 404 below). Offline, the service worker answers from its
    // cache a file downloaded before, so this one never was.
    throw datasetNeedsNetwork(id, file);
  }
  if (!response.ok || !response.body) {
    throw new DataFileError('data-missing', file, message('errors:dataFile.missing', { file, status: response.status }));
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
  await keepForOffline(url, raw, response.headers.get('content-type'));
  let bytes = raw;
  if (isGzip(raw)) {
    try {
      const stream = new Blob([raw]).stream().pipeThrough(new DecompressionStream('gzip'));
      bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    } catch (e) {
      throw new DataFileError('data-corrupt', file, message('errors:dataFile.notDecompressing', { file, why: (e as Error).message }));
    }
  }
  try {
    const d = decodeDataset(bytes);
    return { pixels: d.pixels, labels: d.labels, count: d.count, rows: d.rows, cols: d.cols, numClasses: d.numClasses };
  } catch (e) {
    if (e instanceof DatasetFormatError) {
      throw new DataFileError('data-corrupt', file, message('errors:dataFile.corrupt', { file, why: e.message }));
    }
    throw e;
  }
}

/** The catalogue key of each dataset's name (`fashion-mnist` is not a key i18next can nest under). */
/** The error for a dataset that cannot be downloaded because there is no network. */
export const datasetNeedsNetwork = (id: DatasetId, file: string): MessageError =>
  new MessageError(message('offline:datasetNeedsNetwork', { dataset: datasetShape(id).label, file }), 'data-missing');

/**
 * Keeps a downloaded dataset file for offline use, when the offline copy is on
 * (the page opens DATASET_CACHE once it registers the service worker, so never
 * in `npm run dev`) and the service worker has not kept it already. The service
 * worker keeps what it fetches itself, but the first visit's downloads start
 * before it is installed and pass it by: without this, the datasets a learner
 * used on that visit would be missing offline. Best effort: a full quota only
 * means no offline copy.
 */
async function keepForOffline(url: URL, bytes: Uint8Array<ArrayBuffer>, contentType: string | null): Promise<void> {
  try {
    if (typeof caches === 'undefined' || !(await caches.has(DATASET_CACHE))) return;
    const cache = await caches.open(DATASET_CACHE);
    if (await cache.match(url)) return;
    const headers = { 'content-type': contentType ?? 'application/gzip', 'content-length': String(bytes.length) };
    await cache.put(url, new Response(bytes, { headers }));
  } catch {
    // No offline copy of this file; training goes on.
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
