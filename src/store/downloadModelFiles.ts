import type { WorkerEvent } from '../worker/protocol';

/** The name model.json is saved under; its weights file is named inside it. */
export const MODEL_JSON_NAME = 'convscope-model.json';

/**
 * Saves the model's two files through the browser's downloads, as tfjs's
 * `downloads://` does: model.json first, then the weights it names. Both go
 * side by side into the downloads folder, which is what `tf.loadLayersModel`
 * and `tensorflowjs_converter` expect.
 */
export function downloadModelFiles(e: Extract<WorkerEvent, { type: 'modelFiles' }>, doc: Document = document): void {
  const save = (blob: Blob, name: string) => {
    const url = URL.createObjectURL(blob);
    const a = doc.createElement('a');
    a.href = url;
    a.download = name;
    a.click();
    // The download has its own copy once started.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  save(new Blob([e.modelJson], { type: 'application/json' }), MODEL_JSON_NAME);
  save(new Blob([e.weights], { type: 'application/octet-stream' }), e.weightsName);
}
