import type { Continuation, SavedRun } from '../../protocol';

/** A continuation as of epoch `epoch`: a fine-tuning's score after a later epoch belongs to weights that are not continued. */
function trimContinuation(c: Continuation, epoch: number): Continuation {
  const h = c.handwriting;
  return h?.after && h.after.epoch > epoch ? { ...c, handwriting: { ...h, after: null } } : c;
}

/**
 * Saved run `run` as it stood at the end of epoch `epoch` (1-based; 0 = before
 * the first), which is where continuing it starts: the epochs, batches and
 * learning-rate changes after it go (an early-stopped run's epochs after the
 * restored one, a stopped or diverged run's unfinished epoch), and so do its
 * outcome, its test result and any held-out score after it, which belong to
 * weights that are not continued. Continuations from it or after go too: they
 * trained nothing that is kept.
 */
export function trimSavedRun(run: SavedRun, epoch: number): SavedRun {
  let keep = run.batches.x.length;
  while (keep > 0 && run.batches.x[keep - 1] > epoch) keep--;
  return {
    ...run,
    epochs: run.epochs.filter((e) => e.epoch <= epoch),
    batches: { x: run.batches.x.slice(0, keep), loss: run.batches.loss.slice(0, keep), accuracy: run.batches.accuracy.slice(0, keep) },
    learningRateChanges: run.learningRateChanges.filter((c) => c.x <= epoch),
    continuations: run.continuations.filter((c) => c.fromEpoch < epoch).map((c) => trimContinuation(c, epoch)),
    restoredEpoch: null,
    message: '',
    test: null,
  };
}
