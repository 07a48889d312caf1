import type { SavedRun } from './protocol';

/**
 * Saved run `run` as it stood at the end of epoch `epoch` (1-based; 0 = before
 * the first), which is where continuing it starts: the epochs, batches and
 * learning-rate changes after it go (an early-stopped run's epochs after the
 * restored one, a stopped or diverged run's unfinished epoch), and so do its
 * outcome and test result, which belong to weights that are not continued.
 */
export function trimSavedRun(run: SavedRun, epoch: number): SavedRun {
  let keep = run.batches.x.length;
  while (keep > 0 && run.batches.x[keep - 1] > epoch) keep--;
  return {
    ...run,
    epochs: run.epochs.filter((e) => e.epoch <= epoch),
    batches: { x: run.batches.x.slice(0, keep), loss: run.batches.loss.slice(0, keep), accuracy: run.batches.accuracy.slice(0, keep) },
    learningRateChanges: run.learningRateChanges.filter((c) => c.x <= epoch),
    restoredEpoch: null,
    message: '',
    test: null,
  };
}
