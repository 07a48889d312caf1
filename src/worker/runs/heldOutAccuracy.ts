import { evaluateModel } from '../../engine/evaluateModel';
import type { ImageSet } from '../../engine/imageSet';
import type { WorkerEvent } from '../../protocol';
import type { CurrentModel } from '../model/currentModel';

/** Accuracy of `current` on a fine-tuning's held-out drawings, with each drawing's predicted digit; null when there are none. */
export async function heldOutAccuracy(current: CurrentModel, heldOut: ImageSet | null, when: 'before' | 'after', epoch: number): Promise<WorkerEvent | null> {
  if (!heldOut || heldOut.count === 0) return null;
  const all = Uint32Array.from({ length: heldOut.count }, (_, i) => i);
  const r = await evaluateModel(current.built, heldOut, all, { keepPredictions: true });
  if (!r?.predictions) return null;
  const correct = Math.round(r.accuracy * r.count);
  return { type: 'heldOutAccuracy', runId: current.runId, when, epoch, correct, count: r.count, predicted: r.predictions.predicted.slice() };
}
