import { wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { StoredRunRecord } from './decodeSavedRun';
import type { StoredWeights } from './decodeStoredWeights';
import { openIndexedDb } from '../../storage/openIndexedDb';
import { StorageError, type StorageWords } from '../../storage/StorageError';

/**
 * The database's layout. Values are typed as written; what is read back is
 * untrusted (another version of the app may have written it) and goes
 * through decodeSavedRun / decodeStoredWeights.
 */
export interface RunDatabase extends DBSchema {
  /** Keyed by the run's id. */
  runs: { key: string; value: StoredRunRecord };
  /** Keyed by `${runId}:${slot}`. */
  weights: { key: string; value: StoredWeights };
}

export type RunDB = IDBPDatabase<RunDatabase>;

/** A transaction over both stores, so a run's record and its weights change together. */
export type RunTransaction<Mode extends IDBTransactionMode> = IDBPTransaction<RunDatabase, ['runs', 'weights'], Mode>;

/** The schema version: object stores change only in an upgrade to a higher one. */
const DB_VERSION = 1;

const unavailable = (why: StorageWords) => new StorageError('unavailable', { key: 'errors:storage.runsOff', values: { why } });

/**
 * Opens (creating on first use) the runs database from `factory`. Rejects
 * with StorageError('unavailable') when there is no IndexedDB, when the
 * browser refuses it (private windows in some browsers, blocked storage), or
 * when another tab holds an older version open.
 */
export async function openRunDatabase(factory: IDBFactory | undefined, name: string): Promise<RunDB> {
  const db = await openIndexedDb(factory, name, DB_VERSION, (raw) => {
    if (!raw.objectStoreNames.contains('runs')) raw.createObjectStore('runs', { keyPath: 'id' });
    if (!raw.objectStoreNames.contains('weights')) raw.createObjectStore('weights');
  }, unavailable);
  return wrap(db) as unknown as RunDB;
}

/**
 * Runs `body` in one transaction over both stores and waits for it to
 * commit. On any failure the transaction is aborted, so nothing of it is
 * kept, and the failure (a request's error, or the transaction's own, e.g. a
 * QuotaExceededError raised at commit) is rethrown.
 */
export async function inTransaction<Mode extends IDBTransactionMode, T>(
  db: RunDB,
  mode: Mode,
  body: (tx: RunTransaction<Mode>) => Promise<T>,
): Promise<T> {
  const tx = db.transaction(['runs', 'weights'], mode) as RunTransaction<Mode>;
  try {
    const result = await body(tx);
    await tx.done;
    return result;
  } catch (e) {
    // Its rejection is the error in hand; left unhandled it would surface as a second failure.
    tx.done.catch(() => undefined);
    try {
      tx.abort();
    } catch {
      // Already aborted (a failed request aborts it) or finished.
    }
    throw e;
  }
}
