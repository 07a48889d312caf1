import type { TrainOutcome } from '../../engine/trainModel';
import { message, type Message } from '../../model/message';
import type { Monitor } from '../../model/types';

/**
 * What the page says when a run ends: what happened and what was kept, as a
 * message the page words in its language (and a saved run keeps).
 * `learningRate` is the rate in use at the end (it can change mid-run): after
 * divergence the advice is a tenth of it. `monitor` is early stopping's.
 */
export function describeOutcome(outcome: TrainOutcome, learningRate: number, monitor: Monitor = 'val_loss'): Message {
  const restored: Message | string = outcome.kind !== 'diverged' && outcome.restoredEpoch
    ? message('train:outcome.restored', { epoch: outcome.restoredEpoch, monitor })
    : '';
  switch (outcome.kind) {
    case 'done':
      return message('train:outcome.done', { count: outcome.epochsCompleted, restored });
    case 'earlyStopped':
      return message('train:outcome.earlyStopped', { count: outcome.epochsCompleted, monitor, best: outcome.bestEpoch ?? outcome.epochsCompleted, restored });
    case 'stopped':
      return message('train:outcome.stopped', { count: outcome.epochsCompleted });
    case 'diverged': {
      const kept = outcome.epochsCompleted > 0 ? message('train:outcome.keptEpoch', { epoch: outcome.epochsCompleted }) : message('train:outcome.keptInitial');
      const loss = Number.isFinite(outcome.loss) ? outcome.loss.toExponential(2) : String(outcome.loss);
      return message('train:outcome.diverged', { epoch: outcome.epoch + 1, batch: outcome.batch + 1, loss, kept, rate: Number((learningRate / 10).toPrecision(2)) });
    }
  }
}

/** An outcome with a sentence after it (`note`): e.g. that the user's classes have no test set. */
export const withNote = (outcome: Message | string, note: Message): Message => message('train:outcome.withNote', { outcome, note });
