import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { english } from '../../i18n/testing/words';
import { RunStore } from './runStore';
import { StorageError } from '../../storage/StorageError';
import { sampleRun } from '../../protocol/testing/sampleRun';
import { openTestStore, sampleWeights, storedRecord, writeRaw } from '../testing/storeFixtures';

const NO_WEIGHTS = { latest: null, best: null, optimizer: false, bytes: 0 };

/** The StorageError a promise rejects with (fails the test when it resolves or rejects otherwise). */
async function storageError(promise: Promise<unknown>): Promise<StorageError> {
  const e = await promise.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(StorageError);
  return e as StorageError;
}

describe('RunStore records', () => {
  it('gives back a saved run as it was put, typed arrays included', async () => {
    const { store } = await openTestStore();
    const run = sampleRun();
    expect(await store.put(run)).toBeNull();
    const back = await store.get(run.id);
    expect(back).toEqual(run);
    expect(back.batches.loss).toBeInstanceOf(Float32Array);
    expect(back.test?.confusion).toBeInstanceOf(Int32Array);
    expect(back.epochs[1].valConfusion).toEqual(run.epochs[1].valConfusion);
  });

  it('lists summaries newest first', async () => {
    const { store } = await openTestStore();
    await store.put(sampleRun({ id: 'old', createdAt: 1 }, 1));
    await store.put(sampleRun({ id: 'new', createdAt: 3, test: null }, 3));
    await store.put(sampleRun({ id: 'mid', createdAt: 2 }, 2));
    const { runs, damaged } = await store.list();
    expect(damaged).toEqual([]);
    expect(runs.map((r) => r.id)).toEqual(['new', 'mid', 'old']);
    expect(runs.map((r) => r.epochsCompleted)).toEqual([3, 2, 1]);
    expect(runs[0].testAccuracy).toBeNaN();
    expect(runs[1].testAccuracy).toBe(0.91);
    expect(runs[1].valAccuracy).toBeCloseTo(0.77);
    expect(runs[0]).not.toHaveProperty('batches');
  });

  it('owns the weights info: a put neither invents weights nor forgets stored ones', async () => {
    const { store } = await openTestStore();
    await store.put(sampleRun({ weights: { latest: 9, best: 4, optimizer: true, bytes: 1 } }));
    expect((await store.get('run-1')).weights).toEqual(NO_WEIGHTS);
    await store.putWeights('run-1', 'latest', sampleWeights(2, 10));
    await store.put(sampleRun({ status: 'running', message: '' }));
    const back = await store.get('run-1');
    expect(back.status).toBe('running');
    expect(back.weights).toEqual({ latest: 2, best: null, optimizer: false, bytes: 48 });
  });

  it('renames and pins', async () => {
    const { store } = await openTestStore();
    await store.put(sampleRun());
    expect(await store.rename('run-1', 'Adam, lr 0.01')).toBeNull();
    await store.setPinned('run-1', true);
    const back = await store.get('run-1');
    expect(back.name).toBe('Adam, lr 0.01');
    expect(back.pinned).toBe(true);
  });

  it("deletes a run's record and weights", async () => {
    const { store } = await openTestStore();
    await store.put(sampleRun());
    await store.put(sampleRun({ id: 'other' }));
    await store.putWeights('run-1', 'latest', sampleWeights(2, 10));
    await store.putWeights('run-1', 'best', sampleWeights(1, 10));
    await store.delete('run-1');
    expect((await store.list()).runs.map((r) => r.id)).toEqual(['other']);
    expect(await store.getWeights('run-1', 'latest')).toBeNull();
    expect(await store.getWeights('run-1', 'best')).toBeNull();
    // Deleted runs stay deleted when a new run takes the id: no stale weights come back.
    await store.put(sampleRun());
    expect((await store.get('run-1')).weights).toEqual(NO_WEIGHTS);
  });

  it('rejects a missing id as damaged, by name', async () => {
    const { store } = await openTestStore();
    const e = await storageError(store.get('nope'));
    expect(e.kind).toBe('damaged');
    expect(english(e.detail)).toBe('There is no saved run "nope": it may have been deleted in another tab.');
    expect((await storageError(store.rename('nope', 'x'))).kind).toBe('damaged');
    expect((await storageError(store.putWeights('nope', 'latest', sampleWeights(1, 4)))).kind).toBe('damaged');
  });
});

describe('RunStore weights', () => {
  it('stores each slot and keeps the run\'s weights info in step', async () => {
    const { store } = await openTestStore();
    await store.put(sampleRun());
    const latest = sampleWeights(3, 100, true);
    const best = sampleWeights(2, 100);
    expect(await store.putWeights('run-1', 'latest', latest)).toBeNull();
    await store.putWeights('run-1', 'best', best);
    expect(await store.getWeights('run-1', 'latest')).toEqual(latest);
    expect(await store.getWeights('run-1', 'best')).toEqual(best);
    expect((await store.getWeights('run-1', 'best'))?.weights[0]).toBeInstanceOf(Float32Array);
    expect((await store.get('run-1')).weights).toEqual({ latest: 3, best: 2, optimizer: true, bytes: 408 + 408 + 400 });

    await store.putWeights('run-1', 'latest', sampleWeights(4, 100));
    expect((await store.get('run-1')).weights).toEqual({ latest: 4, best: 2, optimizer: false, bytes: 408 + 408 });
    await store.dropWeights('run-1', 'best');
    expect(await store.getWeights('run-1', 'best')).toBeNull();
    expect((await store.list()).runs[0].weights).toEqual({ latest: 4, best: null, optimizer: false, bytes: 408 });
  });

  it('rejects stored weights that cannot be read', async () => {
    const { store, indexedDB } = await openTestStore();
    await writeRaw(indexedDB, 'weights', { epoch: 2, weights: [[1, 2]], optimizer: null }, 'run-1:latest');
    const e = await storageError(store.getWeights('run-1', 'latest'));
    expect(e.kind).toBe('damaged');
    expect(english(e.detail)).toBe('The latest weights of saved run "run-1" cannot be read: weight array 0 is not a Float32Array.');
  });
});

describe('RunStore damaged records', () => {
  it('lists a corrupt record as damaged with the reason, rejects get, and deletes it', async () => {
    const { store, indexedDB } = await openTestStore();
    await store.put(sampleRun({ id: 'good' }));
    const bad = storedRecord(sampleRun({ id: 'bad', name: 'Broken run' }));
    bad.batches.loss = new Float32Array(2);
    await writeRaw(indexedDB, 'runs', bad);

    const { runs, damaged } = await store.list();
    expect(runs.map((r) => r.id)).toEqual(['good']);
    expect(damaged).toEqual([{ id: 'bad', reason: 'batches.loss has 2 values but batches.x has 6' }]);

    const e = await storageError(store.get('bad'));
    expect(e.kind).toBe('damaged');
    expect(english(e.detail)).toBe('Saved run "Broken run" cannot be read: batches.loss has 2 values but batches.x has 6. Delete it from the run list.');

    await store.delete('bad');
    expect(await store.list()).toMatchObject({ damaged: [], runs: [{ id: 'good' }] });
  });

  it('lists a record of another format version as damaged, never dropping it', async () => {
    const { store, indexedDB } = await openTestStore();
    await writeRaw(indexedDB, 'runs', { ...storedRecord(sampleRun({ id: 'future' })), format: 2 });
    await store.put(sampleRun({ id: 'now' }));
    expect((await store.list()).damaged).toEqual([
      { id: 'future', reason: 'it is in format version 2, and this version of Convscope reads version 1' },
    ]);
    // Freeing room, interrupting and renaming leave it alone.
    await store.interruptStale(async () => false);
    expect((await storageError(store.setPinned('future', true))).kind).toBe('damaged');
    expect((await store.list()).damaged).toHaveLength(1);
  });

  it('a put over a damaged record rebuilds its weights info from what is stored', async () => {
    const { store, indexedDB } = await openTestStore();
    await store.put(sampleRun());
    await store.putWeights('run-1', 'latest', sampleWeights(5, 10, true));
    await writeRaw(indexedDB, 'runs', { ...storedRecord(sampleRun()), epochs: 'lost' });
    // An unreadable entry could never be loaded: it is not counted, and goes.
    await writeRaw(indexedDB, 'weights', { epoch: 1 }, 'run-1:best');
    await store.put(sampleRun());
    expect((await store.get('run-1')).weights).toEqual({ latest: 5, best: null, optimizer: true, bytes: 48 + 40 });
    expect(await store.getWeights('run-1', 'best')).toBeNull();
  });
});

describe('RunStore.open', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('is unavailable, saying so, when there is no IndexedDB', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const e = await storageError(RunStore.open());
    expect(e.kind).toBe('unavailable');
    expect(english(e.detail)).toMatch(/^Saved runs are off: this browser gives the page no IndexedDB .*Runs last only as long as the tab\.$/);
  });

  it('is unavailable when opening throws (a private window)', async () => {
    const refusing = { open: () => { throw new DOMException('Access denied', 'SecurityError'); } } as unknown as IDBFactory;
    const e = await storageError(RunStore.open({ indexedDB: refusing }));
    expect(e.kind).toBe('unavailable');
    expect(english(e.detail)).toContain('the browser refused IndexedDB (SecurityError: Access denied)');
  });

  it('is unavailable when the open request fails', async () => {
    const indexedDB = new IDBFactory();
    // A newer app version's database: opening it at our lower version fails with a VersionError.
    await new Promise<void>((resolve) => {
      const request = indexedDB.open('convscope', 99);
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
    });
    const e = await storageError(RunStore.open({ indexedDB }));
    expect(e.kind).toBe('unavailable');
    expect(english(e.detail)).toContain('IndexedDB would not open (VersionError');
  });

  it('keeps databases of different names apart', async () => {
    const indexedDB = new IDBFactory();
    const a = await RunStore.open({ indexedDB, name: 'a' });
    const b = await RunStore.open({ indexedDB, name: 'b' });
    await a.put(sampleRun());
    expect((await b.list()).runs).toEqual([]);
  });
});

describe('RunStore.storageInfo', () => {
  it('reports usage and quota from the estimate, and the message given', async () => {
    const store = await RunStore.open({ indexedDB: new IDBFactory(), estimate: async () => ({ usage: 1234, quota: 10_000 }) });
    const news = { key: 'common:text', values: { text: 'Dropped things.' } };
    expect(await store.storageInfo(news)).toEqual({ available: true, message: news, usedBytes: 1234, quotaBytes: 10_000 });
  });

  it('gives null numbers when there is no estimate or it fails', async () => {
    const failing = await RunStore.open({ indexedDB: new IDBFactory(), estimate: () => Promise.reject(new Error('no')) });
    expect(await failing.storageInfo()).toEqual({ available: true, message: null, usedBytes: null, quotaBytes: null });
    const partial = await RunStore.open({ indexedDB: new IDBFactory(), estimate: async () => ({ usage: 5 }) });
    expect(await partial.storageInfo()).toMatchObject({ usedBytes: 5, quotaBytes: null });
  });
});

describe('RunStore.interruptStale', () => {
  it('marks running runs without a trainer as interrupted, saying how far they got', async () => {
    const { store } = await openTestStore();
    await store.put(sampleRun({ id: 'orphan', status: 'running', message: '', epochsPlanned: 5 }, 3));
    await store.putWeights('orphan', 'latest', sampleWeights(3, 10));
    await store.put(sampleRun({ id: 'training', status: 'running', message: '' }, 1));
    await store.put(sampleRun({ id: 'finished' }));
    const asked: string[] = [];
    const ids = await store.interruptStale(async (id) => {
      asked.push(id);
      return id === 'training';
    });
    expect(ids).toEqual(['orphan']);
    expect(asked.sort()).toEqual(['orphan', 'training']);
    const orphan = await store.get('orphan');
    expect(orphan.status).toBe('interrupted');
    expect(english(orphan.message)).toBe('Interrupted after epoch 3 of 5: the tab closed or the worker stopped. Its epoch 3 weights are kept.');
    expect((await store.get('training')).status).toBe('running');
    expect((await store.get('finished')).message).toBe('Finished 2 epochs.');
    expect(await store.interruptStale(async () => false)).toEqual(['training']);
  });
});
