import { describe, expect, it } from 'vitest';
import { epochsBetween, handwritingMeta, lastHandwriting, scoreText } from './heldOutText';

const tuned = (correct: number) => ({ drawings: 24, sharePercent: 50, before: { epoch: 3, correct: 4, count: 6 }, after: { epoch: 5, correct, count: 6 } });

describe('held-out wording', () => {
  it('writes a score and the epochs between two', () => {
    expect(scoreText({ epoch: 1, correct: 7, count: 10 })).toBe('7/10 (70%)');
    expect(scoreText({ epoch: 1, correct: 0, count: 0 })).toBe('0/0 (0%)');
    expect(epochsBetween({ epoch: 3, correct: 1, count: 2 }, { epoch: 4, correct: 1, count: 2 })).toBe('1 epoch');
    expect(epochsBetween(null, { epoch: 2, correct: 1, count: 2 })).toBe('2 epochs');
  });

  it('finds a run\'s latest fine-tuning on handwriting, and sums it up once both scores are in', () => {
    const plain = { fromEpoch: 1, optimizerRestored: true };
    expect(lastHandwriting({ continuations: [] })).toBeNull();
    expect(handwritingMeta({ continuations: [plain] })).toBeNull();
    const run = { continuations: [{ ...plain, handwriting: tuned(5) }, { ...plain, fromEpoch: 5, handwriting: tuned(6) }, plain] };
    expect(lastHandwriting(run)?.after?.correct).toBe(6);
    expect(handwritingMeta(run)).toBe('handwriting 4/6 → 6/6');
    expect(handwritingMeta({ continuations: [{ ...plain, handwriting: { ...tuned(6), after: null } }] })).toBeNull();
  });
});
