import type { RunSummary, SavedRun } from '../../protocol';

/**
 * What the run list shows of a run: everything but its histories, plus the
 * epochs completed (the last epoch row's number, which counts continued
 * epochs too), the last epoch's validation accuracy and the test accuracy
 * (NaN when there is none).
 */
export function summarizeRun(run: SavedRun): RunSummary {
  const { batches: _b, epochs, learningRateChanges: _l, test, ...rest } = run;
  const last = epochs.at(-1);
  return {
    ...rest,
    epochsCompleted: last?.epoch ?? 0,
    valAccuracy: last?.valAccuracy ?? NaN,
    testAccuracy: test?.accuracy ?? NaN,
  };
}
