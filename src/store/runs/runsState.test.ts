import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAIN_CONFIG, SEED_002_SPEC } from '../../model/presets';
import type { RunSummary, SavedRun, StorageInfo } from '../../protocol';
import { applyEvents, INITIAL_RUN_STATE } from '../run/runState';
import { applyRunsEvents, INITIAL_RUNS_STATE, runToReopen } from './runsState';

const setup = { dataset: 'fashion-mnist' as const, trainSize: 1000, spec: SEED_002_SPEC, config: DEFAULT_TRAIN_CONFIG };
const saved = (id: string, updatedAt: number, over: Partial<SavedRun> = {}): SavedRun => ({
  id, name: id, pinned: false, createdAt: 0, updatedAt, setup, status: 'done', message: 'Finished 2 epochs.', epochsPlanned: 2,
  info: { trainCount: 800, valCount: 200, batchesPerEpoch: 25 },
  batches: { x: Float32Array.of(1, 2), loss: Float32Array.of(2, 1), accuracy: Float32Array.of(0.5, 0.75) },
  epochs: [{ epoch: 1, trainLoss: 2, trainAccuracy: 0.5, valLoss: 1, valAccuracy: 0.6, numTensors: 3 }, { epoch: 2, trainLoss: 1, trainAccuracy: 0.75, valLoss: 0.5, valAccuracy: 0.8, numTensors: 3 }],
  learningRateChanges: [{ x: 1.5, learningRate: 0.01 }], restoredEpoch: null,
  test: { loss: 0.4, accuracy: 0.85, count: 10, confusion: new Int32Array(100) },
  weights: { latest: 2, best: null, optimizer: true, bytes: 100 }, continuations: [], ...over,
});
const summary = (r: SavedRun): RunSummary => {
  const { batches: _b, epochs: _e, learningRateChanges: _l, test: _t, ...rest } = r;
  return { ...rest, epochsCompleted: r.epochs.length, valAccuracy: 0.8, testAccuracy: r.test?.accuracy ?? NaN };
};
const here = { runId: 1, savedId: null };
const storage: StorageInfo = { available: true, message: null, usedBytes: 1, quotaBytes: 2 };

describe('applyEvents with a saved run', () => {
  it('an opened run brings its history, outcome and test result, as if just trained', () => {
    const s = applyEvents({ ...INITIAL_RUN_STATE, runId: 4 }, [{ type: 'runOpened', runId: 4, run: saved('a', 1), weights: 2, message: { key: 'opened' } }]);
    expect(s).toMatchObject({
      runId: 4, status: 'done', dataset: 'fashion-mnist', spec: SEED_002_SPEC, savedId: 'a', notice: { key: 'opened' }, outcome: 'Finished 2 epochs.',
      learningRate: 0.01, info: { trainCount: 800, valCount: 200, batchesPerEpoch: 25, epochs: 2 },
    });
    expect(s.batches.loss).toEqual([2, 1]);
    expect(s.epochs).toHaveLength(2);
    expect(s.test?.accuracy).toBe(0.85);
  });

  it('a run cut off reads as stopped; a continued run keeps its loading status', () => {
    expect(applyEvents(INITIAL_RUN_STATE, [{ type: 'runOpened', runId: 0, run: saved('a', 1, { status: 'interrupted' }), weights: 1, message: { key: 'said' } }]).status).toBe('stopped');
    const loading = { ...INITIAL_RUN_STATE, runId: 2, status: 'loading' as const };
    expect(applyEvents(loading, [{ type: 'runOpened', runId: 2, run: saved('a', 1), weights: 2, message: { key: 'said' } }]).status).toBe('loading');
  });

  it('an uploaded model to study only leaves the run as it was', () => {
    const before = { ...INITIAL_RUN_STATE, runId: 3, status: 'done' as const, epochs: saved('a', 1).epochs };
    const s = applyEvents(before, [{ type: 'modelUploaded', runId: 3, dataset: 'mnist', spec: SEED_002_SPEC, studyOnly: { key: 'studyOnly' }, message: { key: 'studyOnly' } }]);
    expect(s.epochs).toHaveLength(2);
    expect(s.notice).toEqual({ key: 'studyOnly' });
  });
});

describe('applyRunsEvents', () => {
  it('takes the list, and drops deleted runs from the comparison', () => {
    const s = applyRunsEvents({ ...INITIAL_RUNS_STATE, compare: ['a', 'gone'] }, [{ type: 'runs', runs: [summary(saved('a', 1))], damaged: [], storage }], here);
    expect(s).toMatchObject({ loaded: true, compare: ['a'], storage });
  });

  it('keeps the newest copy of each compared run', () => {
    let s = applyRunsEvents(INITIAL_RUNS_STATE, [{ type: 'savedRuns', runs: [saved('a', 5)] }], here);
    s = applyRunsEvents(s, [{ type: 'savedRuns', runs: [saved('a', 3), saved('b', 1)] }], here);
    expect(s.records.a.updatedAt).toBe(5);
    expect(Object.keys(s.records)).toEqual(['a', 'b']);
  });

  it('fills the gallery it asked for, and no other', () => {
    const asked = { ...INITIAL_RUNS_STATE, gallery: { requestId: 2, runId: 1, cell: null, total: null, items: [], pixels: null } };
    const answer = (requestId: number) => ({ type: 'gallery' as const, requestId, runId: 1, cell: null, total: 3, items: [], pixels: new Float32Array(0) });
    expect(applyRunsEvents(asked, [answer(1)], here).gallery?.total).toBeNull();
    expect(applyRunsEvents(asked, [answer(2)], here).gallery?.total).toBe(3);
    // Another model is open by the time it comes: dropped.
    expect(applyRunsEvents(asked, [answer(2)], { runId: 2, savedId: null }).gallery?.total).toBeNull();
  });

  it('reopens the run asked for when it kept its weights, else the newest that did', () => {
    const list = [summary(saved('new', 2, { weights: { latest: null, best: null, optimizer: false, bytes: 0 } })), summary(saved('old', 1)), summary(saved('older', 0))];
    expect(runToReopen(list)?.id).toBe('old');
    expect(runToReopen(list, 'older')?.id).toBe('older');
    expect(runToReopen(list, 'new')?.id).toBe('old');
    expect(runToReopen([])).toBeNull();
  });

  it('after a worker restart, waits for the new worker\'s list and asks for the run that was open', () => {
    const s = applyRunsEvents({ ...INITIAL_RUNS_STATE, loaded: true, openNewest: false }, [{ type: 'workerRestarted', message: { key: 'said' } }], { runId: 3, savedId: 'a' });
    expect(s).toMatchObject({ loaded: false, openNewest: true, reopenId: 'a' });
  });
});
