import type { WorkerEvent } from '../../protocol';
import { saveBlob } from '../saveBlob';

/**
 * The files' name: the run's, made safe for a file system, and the time, so
 * that a second download never collides with the first (a browser would save
 * "name (1).bin", which model.json does not name).
 */
export function modelFileName(runName: string | null, now = new Date()): string {
  const slug = (runName ?? 'model').normalize('NFKD').replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'model';
  const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return `convscope-${slug}-${stamp}`;
}

/** The type a browser saves each kind of model file as. */
function mimeType(name: string): string {
  if (name.endsWith('.json')) return 'application/json';
  if (name.endsWith('.keras')) return 'application/zip';
  if (name.endsWith('.h5')) return 'application/x-hdf5';
  return 'application/octet-stream';
}

/**
 * Saves the model's files through the browser's downloads: one `.keras` or
 * `.h5`, or, as tfjs's `downloads://` does, model.json first and then the
 * weights it names, side by side in the downloads folder, which is what
 * `tf.loadLayersModel` and `tensorflowjs_converter` expect.
 */
export function downloadModelFiles(e: Extract<WorkerEvent, { type: 'modelFiles' }>, doc: Document = document): void {
  for (const f of e.files) saveBlob(new Blob([f.data], { type: mimeType(f.name) }), f.name, doc);
}
