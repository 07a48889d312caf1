import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { english } from '../../i18n/testing/words';
import type { RunStore } from './runStore';
import { StorageError } from '../../storage/StorageError';
import { sampleRun } from '../../protocol/testing/sampleRun';
import { simulateQuota } from '../../storage/testing/simulateQuota';
import { openTestStore, sampleWeights } from '../testing/storeFixtures';

/** Float32 values per weights slot: 1000 in the kernel plus a 2-value bias, and 1000 of optimizer state with the latest. */
const FLOATS = 1000;
const BEST = (FLOATS + 2) * 4;
const OPTIMIZER = FLOATS * 4;

let disk: ReturnType<typeof simulateQuota> | null = null;
afterEach(() => {
  disk?.restore();
  disk = null;
});

/**
 * Three finished runs, each with latest weights (and optimizer state) and
 * best weights: 'old' (unpinned, oldest), 'pinned' (pinned, between) and
 * 'recent' (unpinned), then the run 'now' being trained, newest, no weights
 * yet. The disk is then exactly full.
 */
async function fullStore(mode: 'throw' | 'request' = 'throw'): Promise<RunStore> {
  disk = simulateQuota(mode);
  const { store } = await openTestStore();
  const runs = [sampleRun({ id: 'old', createdAt: 1 }), sampleRun({ id: 'pinned', createdAt: 2, pinned: true }), sampleRun({ id: 'recent', createdAt: 3 })];
  for (const run of runs) {
    await store.put(run);
    await store.putWeights(run.id, 'latest', sampleWeights(2, FLOATS, true));
    await store.putWeights(run.id, 'best', sampleWeights(1, FLOATS));
  }
  await store.put(sampleRun({ id: 'now', createdAt: 4, status: 'running', message: '' }));
  disk.limit = disk.used();
  return store;
}

/** Each run's weights info, by id. */
async function weightsById(store: RunStore) {
  const { runs } = await store.list();
  return Object.fromEntries(runs.map((r) => [r.id, { latest: r.weights.latest, best: r.weights.best, optimizer: r.weights.optimizer }]));
}

/** New latest weights for 'now' that need `bytes` more than the disk has (their own size is about that). */
const needing = (bytes: number) => sampleWeights(1, bytes / 4 - 2);

describe('RunStore on a full disk', () => {
  it('drops the best weights of unpinned runs first, oldest first, and says so', async () => {
    const store = await fullStore();
    expect(english(await store.putWeights('now', 'latest', needing(2 * BEST)))).toBe('Dropped the best-epoch weights of 2 other runs to make room.');
    expect(await weightsById(store)).toEqual({
      now: { latest: 1, best: null, optimizer: false },
      recent: { latest: 2, best: null, optimizer: true },
      pinned: { latest: 2, best: 1, optimizer: true },
      old: { latest: 2, best: null, optimizer: true },
    });
    expect(await store.getWeights('old', 'best')).toBeNull();
    expect(await store.getWeights('pinned', 'best')).not.toBeNull();
    expect(disk!.used()).toBeLessThanOrEqual(disk!.limit);
  });

  it('then pinned runs\' best weights, then optimizer state, which keeps the latest weights themselves', async () => {
    const store = await fullStore();
    expect(english(await store.putWeights('now', 'latest', needing(3 * BEST + OPTIMIZER))))
      .toBe('Dropped the best-epoch weights of 3 other runs and the optimizer state of 1 other run to make room.');
    expect(await weightsById(store)).toMatchObject({
      old: { latest: 2, best: null, optimizer: false },
      pinned: { latest: 2, best: null, optimizer: true },
      recent: { latest: 2, best: null, optimizer: true },
    });
    const lean = await store.getWeights('old', 'latest');
    expect(lean?.optimizer).toBeNull();
    expect(lean?.weights).toEqual(sampleWeights(2, FLOATS).weights);
  });

  it('then the latest weights of unpinned runs, oldest first: their records stay, with a note', async () => {
    const store = await fullStore();
    expect(english(await store.putWeights('now', 'latest', needing(3 * BEST + 3 * OPTIMIZER + BEST))))
      .toBe('Dropped the best-epoch weights of 3 other runs, the optimizer state of 3 other runs and all weights of 1 other run (its record stays) to make room.');
    expect(await weightsById(store)).toMatchObject({
      old: { latest: null, best: null, optimizer: false },
      pinned: { latest: 2, best: null, optimizer: false },
      recent: { latest: 2, best: null, optimizer: false },
    });
    const old = await store.get('old');
    expect(english(old.message)).toBe('Finished 2 epochs. Its weights were dropped to make room.');
    expect(old.batches.loss).toEqual(sampleRun().batches.loss);
  });

  it("is 'full' once nothing more may be dropped: no record is deleted and pinned runs keep their latest weights", async () => {
    const store = await fullStore();
    const e = await store.putWeights('now', 'latest', needing(3 * BEST + 3 * OPTIMIZER + 3 * BEST)).then(() => null, (err: unknown) => err);
    expect(e).toBeInstanceOf(StorageError);
    expect((e as StorageError).kind).toBe('full');
    expect(english((e as StorageError).detail)).toMatch(/^Storage is full.*delete some runs/);
    expect((await store.list()).runs.map((r) => r.id)).toEqual(['now', 'recent', 'pinned', 'old']);
    expect(await weightsById(store)).toMatchObject({
      now: { latest: null },
      recent: { latest: null },
      pinned: { latest: 2 },
      old: { latest: null },
    });
    expect(await store.getWeights('now', 'latest')).toBeNull();
    expect(await store.getWeights('pinned', 'latest')).not.toBeNull();
  });

  it('makes room the same way when the quota error aborts the transaction instead of being thrown', async () => {
    const store = await fullStore('request');
    expect(english(await store.putWeights('now', 'latest', needing(BEST)))).toBe('Dropped the best-epoch weights of 1 other run to make room.');
    expect((await weightsById(store)).old.best).toBeNull();
    expect((await store.get('now')).weights.latest).toBe(1);
  });

  it('makes room for a run record too, and spares the run being written', async () => {
    const store = await fullStore('request');
    disk!.limit = Infinity;
    await store.putWeights('now', 'best', sampleWeights(1, 10));
    disk!.limit = disk!.used();
    // 'now' grows by a long batch history.
    const longer = sampleRun({ id: 'now', createdAt: 4, status: 'running', message: '' }, 2);
    longer.batches = { x: new Float32Array(FLOATS), loss: new Float32Array(FLOATS), accuracy: new Float32Array(FLOATS) };
    expect(english(await store.put(longer))).toBe('Dropped the best-epoch weights of 3 other runs to make room.');
    expect((await store.get('now')).batches.x).toHaveLength(FLOATS);
    expect((await weightsById(store)).now.best).toBe(1);
  });
});
