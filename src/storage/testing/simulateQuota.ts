import { IDBObjectStore } from 'fake-indexeddb';

/** Bytes of every typed array in a value, however deeply nested: what a quota would count. */
function arrayBytes(value: unknown): number {
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (typeof value !== 'object' || value === null) return 0;
  return Object.values(value).reduce((sum: number, v) => sum + arrayBytes(v), 0);
}

type Put = (this: IDBObjectStore, value: unknown, key?: IDBValidKey) => IDBRequest;
type Delete = (this: IDBObjectStore, key: IDBValidKey) => IDBRequest;

/**
 * A disk of `limit` bytes (settable) for fake-indexeddb: counts the typed
 * arrays put into any store, and fails a put that would grow the total past
 * the limit with a QuotaExceededError, as a browser does. 'throw': from put
 * itself; 'request': through the request, which aborts the transaction with
 * it. Counts at put time, so it can be off after an aborted transaction's
 * earlier puts (the tests' failing puts come first in theirs). `restore()`
 * puts the real methods back.
 */
export function simulateQuota(mode: 'throw' | 'request' = 'throw') {
  const proto = IDBObjectStore.prototype as unknown as { put: Put; delete: Delete };
  const { put, delete: del } = proto;
  const ledger = new Map<string, number>();
  const used = () => [...ledger.values()].reduce((a, b) => a + b, 0);
  const disk = { limit: Infinity, used, restore: () => Object.assign(proto, { put, delete: del }) };
  const entry = (store: IDBObjectStore, key: unknown) => `${store.name}/${String(key)}`;

  proto.put = function (value, key) {
    const id = entry(this, typeof this.keyPath === 'string' ? (value as Record<string, unknown>)[this.keyPath] : key);
    const bytes = arrayBytes(value);
    const before = ledger.get(id) ?? 0;
    if (bytes > before && used() - before + bytes > disk.limit) {
      const error = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      if (mode === 'throw') throw error;
      const tx = this.transaction as unknown as { _execRequestAsync(r: { operation: () => never; source: unknown }): IDBRequest };
      return tx._execRequestAsync({ operation: () => { throw error; }, source: this });
    }
    ledger.set(id, bytes);
    return put.call(this, value, key);
  };
  proto.delete = function (key) {
    ledger.delete(entry(this, key));
    return del.call(this, key);
  };
  return disk;
}
