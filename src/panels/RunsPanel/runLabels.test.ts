import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n/i18n';
import type { RunSummary } from '../../protocol';
import { ago, runMeta, sortRuns } from './runLabels';

const run = (over: Partial<RunSummary>): RunSummary => ({
  id: 'a', name: 'a', pinned: false, createdAt: 0, updatedAt: 0, status: 'done', message: '', epochsPlanned: 5, info: null,
  restoredEpoch: null, weights: { latest: 5, best: null, optimizer: true, bytes: 1 }, continuations: [],
  setup: {} as RunSummary['setup'], epochsCompleted: 5, valAccuracy: 0.9812, testAccuracy: NaN, ...over,
});

describe('run labels', () => {
  it('says how a run stands, preferring the test accuracy', () => {
    expect(runMeta(run({}), 30_000)).toBe('done · 5/5 epochs · val 98.12% · just now');
    expect(runMeta(run({ testAccuracy: 0.99, status: 'interrupted', epochsCompleted: 2 }), 7_200_000)).toBe('interrupted · 2/5 epochs · test 99.00% · 2 h ago');
    expect(runMeta(run({ status: 'imported', valAccuracy: NaN }), 0)).toBe('from a file · just now');
    const handwriting = { drawings: 24, sharePercent: 50, before: { epoch: 5, correct: 4, count: 6 }, after: { epoch: 7, correct: 6, count: 6 } };
    const tuned = run({ epochsCompleted: 7, epochsPlanned: 7, continuations: [{ fromEpoch: 5, optimizerRestored: true, handwriting }] });
    expect(runMeta(tuned, 0)).toBe('done · 7/7 epochs · val 98.12% · handwriting 4/6 → 6/6 · just now');
  });

  it('says it in Korean too', () => {
    const ko = i18n.getFixedT('ko');
    expect(runMeta(run({}), 30_000, ko)).toBe('완료 · 에포크 5/5 · 검증 98.12% · 방금');
    expect(runMeta(run({ status: 'imported', valAccuracy: NaN }), 7_200_000, ko)).toBe('파일에서 가져옴 · 2시간 전');
  });

  it('gives a date for old runs, in the page\'s language', () => {
    expect(ago(Date.UTC(2026, 0, 2), Date.UTC(2026, 0, 9))).toBe('Jan 2, 2026');
  });

  it('puts pinned runs first, then the newest', () => {
    const list = [run({ id: 'old', createdAt: 1 }), run({ id: 'new', createdAt: 3 }), run({ id: 'pinned', createdAt: 0, pinned: true })];
    expect(sortRuns(list).map((r) => r.id)).toEqual(['pinned', 'new', 'old']);
  });
});
