import type { StoredRunRecord } from './decodeSavedRun';
import { weightsBytes, type StoredWeights, type WeightSlot } from './decodeStoredWeights';

/**
 * The run record after its `slot` is written with `w` (null: emptied): the
 * slot's epoch, the optimizer flag (latest only) and the byte counts, so
 * that `weights` always describes what the weights store holds.
 */
export function setWeightSlot<R extends Pick<StoredRunRecord, 'weights' | 'weightBytes'>>(record: R, slot: WeightSlot, w: StoredWeights | null): R {
  const weightBytes = { ...record.weightBytes, [slot]: w ? weightsBytes(w) : 0 };
  return {
    ...record,
    weights: {
      latest: slot === 'latest' ? (w?.epoch ?? null) : record.weights.latest,
      best: slot === 'best' ? (w?.epoch ?? null) : record.weights.best,
      optimizer: slot === 'latest' ? w?.optimizer != null : record.weights.optimizer,
      bytes: weightBytes.latest + weightBytes.best,
    },
    weightBytes,
  };
}
