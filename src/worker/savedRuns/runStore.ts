import { message, type Message } from '../../model/message';
import { withNote } from '../runs/describeOutcome';
import { decodeSavedRun, RUN_FORMAT, type StoredRunRecord } from './decodeSavedRun';
import { decodeStoredWeights, type StoredWeights, type WeightSlot } from './decodeStoredWeights';
import { describeFreed, type FreedCounts } from './describeFreed';
import { describeInterruption } from './describeInterruption';
import { isQuotaError } from '../../storage/isQuotaError';
import { inTransaction, openRunDatabase, type RunDB, type RunTransaction } from './openRunDatabase';
import { planFreeing, type FreeingStep } from './planFreeing';
import type { DamagedRun, RunSummary, SavedRun, StorageInfo } from '../../protocol';
import { setWeightSlot } from './setWeightSlot';
import { StorageError } from '../../storage/StorageError';
import { summarizeRun } from './summarizeRun';

export type { OptimizerState, StoredWeights, WeightSlot } from './decodeStoredWeights';

type Estimate = () => Promise<{ usage?: number; quota?: number }>;

const weightKey = (id: string, slot: WeightSlot) => `${id}:${slot}`;
const SLOTS: readonly WeightSlot[] = ['latest', 'best'];

const EMPTY_WEIGHTS: Pick<StoredRunRecord, 'weights' | 'weightBytes'> = {
  weights: { latest: null, best: null, optimizer: false, bytes: 0 },
  weightBytes: { latest: 0, best: 0 },
};

const DROPPED_NOTE = message('train:outcome.weightsDropped');

function defaultEstimate(): Estimate {
  const storage = globalThis.navigator?.storage;
  return storage?.estimate ? () => storage.estimate() : async () => ({});
}

function globalIndexedDB(): IDBFactory | undefined {
  try {
    return globalThis.indexedDB;
  } catch {
    // Sandboxed contexts throw on the mere read.
    return undefined;
  }
}

/** A stored record that reads well, or null (none, or damaged). */
function readable(raw: unknown): StoredRunRecord | null {
  return raw !== undefined && !('error' in decodeSavedRun(raw)) ? (raw as StoredRunRecord) : null;
}

/** The record under `id`, as stored and as a SavedRun; StorageError('damaged') when there is none or it cannot be read. */
async function readRecord(tx: RunTransaction<IDBTransactionMode>, id: string): Promise<{ record: StoredRunRecord; run: SavedRun }> {
  const raw: unknown = await tx.objectStore('runs').get(id);
  if (raw === undefined) throw new StorageError('damaged', message('errors:storage.noRun', { id }));
  const run = decodeSavedRun(raw);
  if ('error' in run) {
    const name = typeof (raw as { name?: unknown }).name === 'string' ? (raw as { name: string }).name : id;
    throw new StorageError('damaged', message('errors:storage.runUnreadable', { name, why: run.error }));
  }
  return { record: raw as StoredRunRecord, run };
}

/**
 * What the weights store holds for run `id`, as a record's weights fields:
 * for a new record, or one whose own fields could not be trusted. Entries
 * that cannot be read are deleted, since nothing could ever load them.
 */
async function weightsFromEntries(tx: RunTransaction<'readwrite'>, id: string): Promise<Pick<StoredRunRecord, 'weights' | 'weightBytes'>> {
  let record: Pick<StoredRunRecord, 'weights' | 'weightBytes'> = EMPTY_WEIGHTS;
  for (const slot of SLOTS) {
    const raw: unknown = await tx.objectStore('weights').get(weightKey(id, slot));
    if (raw === undefined) continue;
    const w = decodeStoredWeights(raw);
    if ('error' in w) await tx.objectStore('weights').delete(weightKey(id, slot));
    else record = setWeightSlot(record, slot, w);
  }
  return record;
}

/**
 * Saved runs and their weights in IndexedDB, for the training worker. Each
 * write of a record and its weights is one transaction. When storage is
 * full, writes make room by dropping other runs' spare weights (planFreeing)
 * and say so in their result; records themselves are never dropped. Records
 * that cannot be read are listed as damaged, never deleted unasked.
 */
export class RunStore {
  private constructor(
    private readonly db: RunDB,
    private readonly estimate: Estimate,
  ) {}

  /**
   * Opens the database `name` (default 'convscope') from `indexedDB` (default:
   * the global one). `estimate` reports usage (default
   * navigator.storage.estimate). Rejects with StorageError('unavailable').
   */
  static async open(opts: { name?: string; indexedDB?: IDBFactory; estimate?: Estimate } = {}): Promise<RunStore> {
    const db = await openRunDatabase(opts.indexedDB ?? globalIndexedDB(), opts.name ?? 'convscope');
    return new RunStore(db, opts.estimate ?? defaultEstimate());
  }

  /** Every readable run as a summary, newest (createdAt) first, and those that cannot be read, with why. */
  async list(): Promise<{ runs: RunSummary[]; damaged: DamagedRun[] }> {
    const [keys, values] = await inTransaction(this.db, 'readonly', (tx) =>
      Promise.all([tx.objectStore('runs').getAllKeys(), tx.objectStore('runs').getAll()]));
    const runs: SavedRun[] = [];
    const damaged: DamagedRun[] = [];
    values.forEach((raw: unknown, i) => {
      const run = decodeSavedRun(raw);
      if ('error' in run) damaged.push({ id: String(keys[i]), reason: run.error });
      else runs.push(run);
    });
    runs.sort((a, b) => b.createdAt - a.createdAt);
    return { runs: runs.map(summarizeRun), damaged };
  }

  /** The whole run; StorageError('damaged') naming the run and what is wrong, or that there is none. */
  async get(id: string): Promise<SavedRun> {
    const { run } = await inTransaction(this.db, 'readonly', (tx) => readRecord(tx, id));
    return run;
  }

  /**
   * Saves the record, replacing any under its id. Its `weights` field is
   * ignored: the store keeps its own account of the weights it holds. Returns
   * what was dropped to make room, in words, or null.
   */
  put(run: SavedRun): Promise<Message | null> {
    return this.withRoom(run.id, () => inTransaction(this.db, 'readwrite', async (tx) => {
      const existing = readable(await tx.objectStore('runs').get(run.id));
      const kept = existing ? { weights: existing.weights, weightBytes: existing.weightBytes } : await weightsFromEntries(tx, run.id);
      await tx.objectStore('runs').put({ ...run, ...kept, format: RUN_FORMAT });
    }));
  }

  /**
   * Stores weights in a slot of a saved run, and its `weights` info with
   * them. StorageError('damaged') when the run is not saved (or unreadable).
   * Returns what was dropped to make room, or null.
   */
  putWeights(id: string, slot: WeightSlot, w: StoredWeights): Promise<Message | null> {
    return this.withRoom(id, () => inTransaction(this.db, 'readwrite', async (tx) => {
      const { record } = await readRecord(tx, id);
      await tx.objectStore('weights').put(w, weightKey(id, slot));
      await tx.objectStore('runs').put(setWeightSlot(record, slot, w));
    }));
  }

  /** The weights in a slot, or null when none are stored; StorageError('damaged') when they cannot be read. */
  async getWeights(id: string, slot: WeightSlot): Promise<StoredWeights | null> {
    const raw: unknown = await inTransaction(this.db, 'readonly', (tx) => tx.objectStore('weights').get(weightKey(id, slot)));
    if (raw === undefined) return null;
    const w = decodeStoredWeights(raw);
    if ('error' in w) throw new StorageError('damaged', message('errors:storage.weightsUnreadable', { slot: message(`errors:storage.slot.${slot}`), id, why: w.error }));
    return w;
  }

  /** Empties a slot (e.g. 'best' once it equals the latest) and updates the run's weights info. */
  async dropWeights(id: string, slot: WeightSlot): Promise<void> {
    await inTransaction(this.db, 'readwrite', async (tx) => {
      await tx.objectStore('weights').delete(weightKey(id, slot));
      const record = readable(await tx.objectStore('runs').get(id));
      // A damaged record keeps its fields as they are, for whoever looks into it.
      if (record) await tx.objectStore('runs').put(setWeightSlot(record, slot, null));
    });
  }

  /** Renames a saved run; returns what was dropped to make room, or null. */
  rename(id: string, name: string): Promise<Message | null> {
    return this.update(id, (record) => ({ ...record, name }));
  }

  /** Pins a run (full storage never drops its latest weights) or unpins it; returns what was dropped to make room, or null. */
  setPinned(id: string, pinned: boolean): Promise<Message | null> {
    return this.update(id, (record) => ({ ...record, pinned }));
  }

  /** Deletes a run's record and weights; works for damaged records too. */
  async delete(id: string): Promise<void> {
    await inTransaction(this.db, 'readwrite', async (tx) => {
      await tx.objectStore('runs').delete(id);
      for (const slot of SLOTS) await tx.objectStore('weights').delete(weightKey(id, slot));
    });
  }

  /** The storage's state for the page: `message` is the caller's latest news (e.g. what was dropped). */
  async storageInfo(news: Message | null = null): Promise<StorageInfo> {
    let estimate: { usage?: number; quota?: number } = {};
    try {
      estimate = await this.estimate();
    } catch {
      // The numbers are a courtesy: without them the page shows no gauge.
    }
    return { available: true, message: news, usedBytes: estimate.usage ?? null, quotaBytes: estimate.quota ?? null };
  }

  /**
   * Marks runs still 'running' whose trainer is gone (`isActive` says no) as
   * 'interrupted', with a message saying how far they got. Returns their ids.
   */
  async interruptStale(isActive: (id: string) => Promise<boolean>): Promise<string[]> {
    const { runs } = await this.list();
    const interrupted: string[] = [];
    for (const { id } of runs.filter((r) => r.status === 'running')) {
      // Asked outside any transaction: one would commit while we wait.
      if (await isActive(id)) continue;
      let changed = false;
      try {
        await this.update(id, (record) => {
          // It may have finished while we asked.
          if (record.status !== 'running') return null;
          changed = true;
          return { ...record, status: 'interrupted', message: describeInterruption(record), updatedAt: Date.now() };
        });
      } catch (e) {
        // Deleted meanwhile, or unreadable now: nothing left to mark.
        if (!(e instanceof StorageError && e.kind === 'damaged')) throw e;
      }
      if (changed) interrupted.push(id);
    }
    return interrupted;
  }

  /** Rewrites a readable record through `change` (null: leave it). */
  private update(id: string, change: (record: StoredRunRecord) => StoredRunRecord | null): Promise<Message | null> {
    return this.withRoom(id, () => inTransaction(this.db, 'readwrite', async (tx) => {
      const next = change((await readRecord(tx, id)).record);
      if (next) await tx.objectStore('runs').put(next);
    }));
  }

  /**
   * Runs `write`; while it fails for lack of room, takes the next step of
   * planFreeing (sparing run `keep`) and tries again. Returns what was
   * dropped, in words, or null; StorageError('full') once nothing is left to drop.
   */
  private async withRoom(keep: string, write: () => Promise<void>): Promise<Message | null> {
    const freed: FreedCounts = { best: 0, optimizer: 0, latest: 0 };
    let plan: FreeingStep[] | null = null;
    for (;;) {
      try {
        await write();
        return describeFreed(freed);
      } catch (e) {
        if (!isQuotaError(e)) throw e;
      }
      plan ??= planFreeing((await this.list()).runs, keep);
      let step = plan.shift();
      while (step && !(await this.free(step))) step = plan.shift();
      if (!step) {
        const dropped = describeFreed(freed);
        const full = message('errors:storage.full');
        throw new StorageError('full', dropped ? withNote(full, dropped) : full);
      }
      freed[step.kind] += 1;
    }
  }

  /** Takes one step of making room; false when there was nothing to drop or the step itself found no room. */
  private async free(step: FreeingStep): Promise<boolean> {
    try {
      return await inTransaction(this.db, 'readwrite', async (tx) => {
        const record = readable(await tx.objectStore('runs').get(step.id));
        if (!record) return false;
        const weights = tx.objectStore('weights');
        const runs = tx.objectStore('runs');
        switch (step.kind) {
          case 'best':
            if (record.weights.best === null) return false;
            await weights.delete(weightKey(step.id, 'best'));
            await runs.put(setWeightSlot(record, 'best', null));
            return true;
          case 'optimizer': {
            const latest = decodeStoredWeights(await weights.get(weightKey(step.id, 'latest')));
            if ('error' in latest || latest.optimizer === null) return false;
            const lean = { ...latest, optimizer: null };
            await weights.put(lean, weightKey(step.id, 'latest'));
            await runs.put(setWeightSlot(record, 'latest', lean));
            return true;
          }
          case 'latest': {
            if (record.weights.latest === null) return false;
            await weights.delete(weightKey(step.id, 'latest'));
            const message = record.message ? withNote(record.message, DROPPED_NOTE) : DROPPED_NOTE;
            await runs.put({ ...setWeightSlot(record, 'latest', null), message });
            return true;
          }
        }
      });
    } catch (e) {
      if (isQuotaError(e)) return false;
      throw e;
    }
  }
}
