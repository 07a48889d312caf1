import { describe, expect, it } from 'vitest';
import { describeOutcome } from './describeOutcome';
import { english } from '../../i18n/testing/words';

/** What the page shows in English. */
const worded = (...a: Parameters<typeof describeOutcome>) => english(describeOutcome(...a));

describe('describeOutcome', () => {
  it('counts finished epochs in the singular and the plural', () => {
    expect(worded({ kind: 'done', epochsCompleted: 1 }, 0.001)).toBe('Finished 1 epoch.');
    expect(worded({ kind: 'done', epochsCompleted: 5 }, 0.001)).toBe('Finished 5 epochs.');
  });

  it('names the restored epoch and the monitor that chose it', () => {
    expect(worded({ kind: 'done', epochsCompleted: 5, bestEpoch: 3, restoredEpoch: 3 }, 0.001, 'val_accuracy'))
      .toBe('Finished 5 epochs. The weights of epoch 3, the best by val_accuracy, were put back.');
    expect(worded({ kind: 'earlyStopped', epochsCompleted: 4, bestEpoch: 2, restoredEpoch: 2 }, 0.001))
      .toBe('Early stopping ended the run after 4 epochs: val_loss had not improved since epoch 2. The weights of epoch 2, the best by val_loss, were put back.');
    expect(worded({ kind: 'earlyStopped', epochsCompleted: 3, bestEpoch: 3 }, 0.001, 'val_accuracy'))
      .toBe('Early stopping ended the run after 3 epochs: val_accuracy had not improved since epoch 3.');
  });

  it('says a stopped run keeps its weights, counting only full epochs', () => {
    expect(worded({ kind: 'stopped', epochsCompleted: 0 }, 0.001)).toBe('Stopped after 0 full epochs; the weights are kept.');
    expect(worded({ kind: 'stopped', epochsCompleted: 1 }, 0.001)).toBe('Stopped after 1 full epoch; the weights are kept.');
  });

  it('after divergence: where it happened (1-based), the loss, which weights remain, and a tenth of the rate in use', () => {
    expect(worded({ kind: 'diverged', epochsCompleted: 0, loss: NaN, epoch: 0, batch: 6 }, 0.25))
      .toBe('Training diverged at epoch 1, batch 7: the loss became NaN, and the initial weights were put back. Try a lower learning rate, e.g. 0.025.');
    expect(worded({ kind: 'diverged', epochsCompleted: 2, loss: 12345.678, epoch: 2, batch: 0 }, 0.12))
      .toBe('Training diverged at epoch 3, batch 1: the loss became 1.23e+4, and the weights of epoch 2 were kept. Try a lower learning rate, e.g. 0.012.');
    // No trailing zeros: a tenth of 0.001 reads 0.0001.
    expect(worded({ kind: 'diverged', epochsCompleted: 1, loss: Infinity, epoch: 1, batch: 3 }, 0.001)).toMatch(/e\.g\. 0\.0001\.$/);
  });
});
