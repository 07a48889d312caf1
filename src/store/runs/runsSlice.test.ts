import { describe, expect, it } from 'vitest';
import type { Command, RunSummary } from '../../protocol';
import { wordMessage } from '../../i18n/i18n';
import { createAppStore } from '../useAppStore';

/** A store whose commands are collected instead of sent to a worker, with one saved run listed. */
function setUp() {
  const sent: Command[] = [];
  const store = createAppStore({ send: (c) => sent.push(c) });
  const s = store.getState();
  const run: RunSummary = {
    id: 'a', name: 'first', pinned: false, createdAt: 1, updatedAt: 1, status: 'done', message: '', epochsPlanned: 2, info: null,
    restoredEpoch: null, weights: { latest: 2, best: null, optimizer: true, bytes: 10 }, continuations: [],
    setup: { dataset: 'mnist', trainSize: 1000, spec: s.spec, config: { epochs: 2, batchSize: 64, validationSplit: 0.1, seed: 3, earlyStopping: null, optimizer: { name: 'sgd', learningRate: 0.1, momentum: 0, nesterov: false } } },
    epochsCompleted: 2, valAccuracy: 0.9, testAccuracy: 0.91,
  };
  store.setState({ runs: { ...s.runs, list: [run], loaded: true, openNewest: false } });
  return { store, sent, a: () => store.getState() };
}

describe('the saved runs\' commands', () => {
  it('pin and rename show at once and go to the worker', () => {
    const { sent, a } = setUp();
    a().pinRun('a', true);
    a().renameRun('a', '  better name ');
    expect(a().runs.list[0]).toMatchObject({ pinned: true, name: 'better name' });
    expect(sent).toEqual([{ type: 'pinRun', id: 'a', pinned: true }, { type: 'renameRun', id: 'a', name: '  better name ' }]);
  });

  it('Continue trains the saved run\'s own setup for more epochs, as a new run number', () => {
    const { sent, a } = setUp();
    a().continueRun('a', 3);
    const cmd = sent[0] as Extract<Command, { type: 'train' }>;
    expect(cmd.request).toMatchObject({ runId: 1, continueFrom: 'a', trainSize: 1000, config: { epochs: 3, batchSize: 64, seed: 3 } });
    expect(a().run).toMatchObject({ runId: 1, status: 'loading' });
    a().continueRun('a', 1); // loading: refused
    a().openRun('a'); // refused too, with the reason
    expect(sent).toHaveLength(1);
    expect(a().run.error && wordMessage(a().run.error!)).toMatch(/^Stop the run in progress/);
  });

  it('comparing keeps at most four runs, the latest picked', () => {
    const { a } = setUp();
    for (const id of ['a', 'b', 'c', 'd', 'e']) a().toggleCompare(id);
    expect(a().runs.compare).toEqual(['b', 'c', 'd', 'e']);
    a().toggleCompare('c');
    expect(a().runs.compare).toEqual(['b', 'd', 'e']);
  });
});
