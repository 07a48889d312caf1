import { IDBFactory } from 'fake-indexeddb';
import { RUN_FORMAT } from '../savedRuns/decodeSavedRun';
import type { StoredWeights } from '../savedRuns/decodeStoredWeights';
import type { SavedRun } from '../../protocol';
import { RunStore } from '../savedRuns/runStore';

/** A RunStore on a fresh in-memory IndexedDB of its own, and that IndexedDB. */
export async function openTestStore(): Promise<{ store: RunStore; indexedDB: IDBFactory }> {
  const indexedDB = new IDBFactory();
  return { store: await RunStore.open({ indexedDB }), indexedDB };
}

/**
 * Weights as the engine would hand them over: `floats` values in a kernel
 * plus a 2-value bias, and as many optimizer values when `optimizer`.
 */
export function sampleWeights(epoch: number, floats: number, optimizer = false): StoredWeights {
  return {
    epoch,
    weights: [Float32Array.from({ length: floats }, (_, i) => i * epoch), new Float32Array(2).fill(epoch)],
    optimizer: optimizer ? { name: 'adam', values: [{ name: 'kernel/m', shape: [floats], data: new Float32Array(floats).fill(0.5) }] } : null,
  };
}

/** The run as RunStore writes it, with no weights. */
export const storedRecord = (run: SavedRun) => ({
  ...run,
  weights: { latest: null, best: null, optimizer: false, bytes: 0 },
  format: RUN_FORMAT,
  weightBytes: { latest: 0, best: 0 },
});

/** Writes `value` straight into an object store of the 'convscope' database, as another app version or a bug might. */
export function writeRaw(indexedDB: IDBFactory, storeName: 'runs' | 'weights', value: unknown, key?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('convscope');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const tx = db.transaction(storeName, 'readwrite');
      tx.objectStore(storeName).put(value, key);
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onabort = () => reject(tx.error);
    };
  });
}
