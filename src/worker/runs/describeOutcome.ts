import type { TrainOutcome } from '../../engine/trainModel';
import type { Monitor } from '../../model/types';

const epochs = (n: number) => `${n} epoch${n === 1 ? '' : 's'}`;

/**
 * The sentence the page shows when a run ends: what happened and what was kept.
 * `learningRate` is the rate in use at the end (it can change mid-run): after
 * divergence the advice is a tenth of it. `monitor` is early stopping's.
 */
export function describeOutcome(outcome: TrainOutcome, learningRate: number, monitor: Monitor = 'val_loss'): string {
  const restored = outcome.kind !== 'diverged' && outcome.restoredEpoch
    ? ` The weights of epoch ${outcome.restoredEpoch}, the best by ${monitor}, were put back.`
    : '';
  switch (outcome.kind) {
    case 'done':
      return `Finished ${epochs(outcome.epochsCompleted)}.${restored}`;
    case 'earlyStopped':
      return `Early stopping ended the run after ${epochs(outcome.epochsCompleted)}: ${monitor} had not improved since epoch ${outcome.bestEpoch}.${restored}`;
    case 'stopped':
      return `Stopped after ${outcome.epochsCompleted} full epoch${outcome.epochsCompleted === 1 ? '' : 's'}; the weights are kept.`;
    case 'diverged': {
      const kept = outcome.epochsCompleted > 0 ? `the weights of epoch ${outcome.epochsCompleted} were kept` : 'the initial weights were put back';
      const loss = Number.isFinite(outcome.loss) ? outcome.loss.toExponential(2) : String(outcome.loss);
      return `Training diverged at epoch ${outcome.epoch + 1}, batch ${outcome.batch + 1}: the loss became ${loss}, and ${kept}. ` +
        `Try a lower learning rate, e.g. ${Number((learningRate / 10).toPrecision(2))}.`;
    }
  }
}
