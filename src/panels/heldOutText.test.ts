import { describe, expect, it } from 'vitest';
import { i18n, wordMessage } from '../i18n/i18n';
import { afterMessage, handwritingMetaMessage, lastFineTune, scoreText, shownFineTune, type Score } from './heldOutText';

const en = i18n.getFixedT('en');
const afterText = (from: number | null, after: Score) => wordMessage(afterMessage(from, after), en);
const handwritingMeta = (run: Parameters<typeof handwritingMetaMessage>[0]) => {
  const m = handwritingMetaMessage(run);
  return m && wordMessage(m, en);
};

const tuned = (correct: number) => ({ drawings: 24, sharePercent: 50, before: { epoch: 3, correct: 4, count: 6 }, after: { epoch: 5, correct, count: 6 } });

describe('held-out wording', () => {
  it('writes a score and the epochs between two', () => {
    expect(scoreText({ epoch: 1, correct: 7, count: 10 })).toBe('7/10 (70%)');
    expect(scoreText({ epoch: 1, correct: 0, count: 0 })).toBe('0/0 (0%)');
    expect(afterText(3, { epoch: 4, correct: 1, count: 2 })).toBe('after 1 epoch of fine-tuning');
    expect(afterText(5, { epoch: 7, correct: 1, count: 2 })).toBe('after 2 epochs of fine-tuning');
    // Where it started unknown (no score before): never counted from epoch 0.
    expect(afterText(null, { epoch: 7, correct: 1, count: 2 })).toBe('after fine-tuning to epoch 7');
  });

  it('words them in Korean too', () => {
    const ko = i18n.getFixedT('ko');
    const seven = { epoch: 7, correct: 1, count: 2 };
    expect(wordMessage(afterMessage(5, seven), ko)).toBe('2에포크 동안 미세 조정한 뒤');
    expect(wordMessage(afterMessage(null, seven), ko)).toBe('에포크 7까지 미세 조정한 뒤');
    const run = { continuations: [{ fromEpoch: 3, optimizerRestored: true, handwriting: tuned(6) }] };
    expect(wordMessage(handwritingMetaMessage(run)!, ko)).toBe('손글씨 4/6 → 6/6');
    expect(handwritingMetaMessage({ continuations: [] })).toBeNull();
  });

  it('finds a run\'s latest fine-tuning on handwriting, and sums it up once both scores are in', () => {
    const plain = { fromEpoch: 1, optimizerRestored: true };
    expect(lastFineTune({ continuations: [] })).toBeNull();
    expect(handwritingMeta({ continuations: [plain] })).toBeNull();
    const run = { continuations: [{ ...plain, handwriting: tuned(5) }, { ...plain, fromEpoch: 5, handwriting: tuned(6) }, plain] };
    expect(lastFineTune(run)).toMatchObject({ fromEpoch: 5, handwriting: { after: { correct: 6 } } });
    expect(handwritingMeta(run)).toBe('handwriting 4/6 → 6/6');
    expect(handwritingMeta({ continuations: [{ ...plain, handwriting: { ...tuned(6), after: null } }] })).toBeNull();
  });

  it('shows this page\'s fine-tuning while its model is current, else the current run\'s saved one', () => {
    const score = (epoch: number, correct: number) => ({ epoch, correct, count: 10 });
    const own = { runId: 4, before: score(1, 6), after: score(3, 9) };
    const saved = { fromEpoch: 5, optimizerRestored: true, handwriting: { drawings: 20, sharePercent: 50, before: score(5, 2), after: score(6, 8) } };
    expect(shownFineTune(own, 4, saved)).toEqual({ before: score(1, 6), after: score(3, 9), from: 1, saved: false });
    // Another run opened (run 5): not the stale scores of run 4, but the opened run's own record.
    expect(shownFineTune(own, 5, saved)).toEqual({ before: score(5, 2), after: score(6, 8), from: 5, saved: true });
    expect(shownFineTune(own, 5, null)).toBeNull();
    expect(shownFineTune(null, null, null)).toBeNull();
  });
});
