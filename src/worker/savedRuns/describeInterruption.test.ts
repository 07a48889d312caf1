import { describe, expect, it } from 'vitest';
import { describeInterruption } from './describeInterruption';
import { sampleRun } from '../../protocol/testing/sampleRun';
import { english } from '../../i18n/testing/words';

/** What the page shows in English. */
const worded = (...a: Parameters<typeof describeInterruption>) => english(describeInterruption(...a));

const weights = (latest: number | null) => ({ latest, best: null, optimizer: false, bytes: 0 });

describe('describeInterruption', () => {
  it('says how far the run got and which weights are kept', () => {
    const run = sampleRun({ epochsPlanned: 5, weights: weights(3) }, 3);
    expect(worded(run)).toBe('Interrupted after epoch 3 of 5: the tab closed or the worker stopped. Its epoch 3 weights are kept.');
  });

  it('before the first epoch: the initial weights, or none', () => {
    expect(worded(sampleRun({ epochs: [], epochsPlanned: 5, weights: weights(0) })))
      .toBe('Interrupted before its first epoch ended: the tab closed or the worker stopped. Its initial weights are kept.');
    expect(worded(sampleRun({ epochs: [], epochsPlanned: 5, weights: weights(null) })))
      .toBe('Interrupted before its first epoch ended: the tab closed or the worker stopped. No weights were kept.');
  });
});
