import type { StorageWords } from './StorageError';

/**
 * Opening an IndexedDB database the way both of Convscope's databases (saved
 * runs in the worker, drawings in the page) need it: every way it can fail
 * becomes one rejection with a reason a person can act on, and a newer
 * version in another tab is let through rather than blocked.
 */

/** An error's name and message, for a sentence. */
export function describeError(e: unknown): string {
  if (e instanceof Error || e instanceof DOMException) return e.message ? `${e.name}: ${e.message}` : e.name;
  return String(e);
}

/**
 * Opens (creating on first use) database `name` at `version` from `factory`,
 * `upgrade` creating its object stores. Rejects with `unavailable(why)` when
 * there is no IndexedDB, when the browser refuses it (private windows in some
 * browsers, blocked storage), or when another tab holds an older version open.
 */
export function openIndexedDb(
  factory: IDBFactory | undefined,
  name: string,
  version: number,
  upgrade: (db: IDBDatabase) => void,
  unavailable: (why: StorageWords) => Error,
): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (!factory) {
      reject(unavailable({ key: 'errors:storage.why.noIndexedDb' }));
      return;
    }
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name, version);
    } catch (e) {
      // Some browsers throw a SecurityError here rather than fail the request.
      reject(unavailable({ key: 'errors:storage.why.refused', values: { error: describeError(e) } }));
      return;
    }
    let settled = false;
    request.onupgradeneeded = () => upgrade(request.result);
    request.onsuccess = () => {
      const db = request.result;
      // Opened after a 'blocked' rejection: nobody is waiting for it.
      if (settled) {
        db.close();
        return;
      }
      settled = true;
      // A newer Convscope in another tab wants to upgrade: let it, rather than block it.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => {
      settled = true;
      reject(unavailable({ key: 'errors:storage.why.wouldNotOpen', values: { error: describeError(request.error) } }));
    };
    request.onblocked = () => {
      settled = true;
      reject(unavailable({ key: 'errors:storage.why.olderTab' }));
    };
  });
}
