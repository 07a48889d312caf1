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

/**
 * Saves the model's two files through the browser's downloads, as tfjs's
 * `downloads://` does: model.json first, then the weights it names. Both go
 * side by side into the downloads folder, which is what `tf.loadLayersModel`
 * and `tensorflowjs_converter` expect.
 */
export function downloadModelFiles(e: Extract<WorkerEvent, { type: 'modelFiles' }>, doc: Document = document): void {
  saveBlob(new Blob([e.modelJson], { type: 'application/json' }), e.jsonName, doc);
  saveBlob(new Blob([e.weights], { type: 'application/octet-stream' }), e.weightsName, doc);
}
