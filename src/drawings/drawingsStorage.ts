/**
 * Keeps the two drawing sets across reloads in IndexedDB, from the page's
 * main thread (the drawings are small: a thousand of them is under 1 MB).
 * One object store, 'sets', holds each set under its kind; pixels are stored
 * as Uint8Arrays directly (structured clone). What is read back goes through
 * decodeDrawingSet, since another version of the page may have written it.
 */
import { wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { isQuotaError } from '../storage/isQuotaError';
import { describeError, openIndexedDb } from '../storage/openIndexedDb';
import { message, MessageError, type Message } from '../model/message';
import { decodeDrawingSet } from './decodeDrawingSet';
import { DEFAULT_CLASS_NAME, emptyDrawingSet, type DrawingSet, type DrawingSetKind } from './drawingSet';

export interface DrawingsStorage {
  /**
   * Both sets as stored (an empty set for a kind never saved or unreadable).
   * Rejects with a MessageError whose code is 'unavailable' or 'failed'.
   */
  load(): Promise<{ digits: DrawingSet; classes: DrawingSet }>;
  /**
   * Replaces the stored set of set.kind. Rejects with a MessageError whose
   * code is 'full' when the browser's storage is full (nothing of this save is kept),
   * 'unavailable' when there is no IndexedDB or it will not open, 'failed' otherwise.
   */
  save(set: DrawingSet): Promise<void>;
}

interface DrawingsDatabase extends DBSchema {
  /** Keyed by the set's kind. Values are typed as written; what is read back is untrusted. */
  sets: { key: DrawingSetKind; value: DrawingSet };
}

type DrawingsDB = IDBPDatabase<DrawingsDatabase>;

/** The schema version: object stores change only in an upgrade to a higher one. */
const DB_VERSION = 1;

const SET_NAMES: Record<DrawingSetKind, Message> = { digits: message('drawings:storage.whatDigits'), classes: message('drawings:storage.whatClasses') };

/** The storage's errors: what to show, and the kind of failure (StorageError's kinds) as the code. */
type StorageFailure = 'unavailable' | 'full' | 'failed';
const failure = (code: StorageFailure, detail: Message) => new MessageError(detail, code);

// `why` comes from openIndexedDb, as a message.
const unavailable = (why: Message) => failure('unavailable', message('drawings:storage.unavailable', { why }));

/** Opens (creating on first use) the drawings database; rejects with 'unavailable' and the reason when it cannot. */
async function openDatabase(factory: IDBFactory | undefined, name: string): Promise<DrawingsDB> {
  const db = await openIndexedDb(factory, name, DB_VERSION, (raw) => {
    if (!raw.objectStoreNames.contains('sets')) raw.createObjectStore('sets');
  }, unavailable);
  return wrap(db) as unknown as DrawingsDB;
}

/** The set as a plain object of exactly the stored fields (no stray properties a caller may have added). */
function toStored(set: DrawingSet): DrawingSet {
  return {
    kind: set.kind,
    classNames: [...set.classNames],
    drawings: set.drawings.map((d) => ({ id: d.id, label: d.label, pixels: d.pixels, createdAt: d.createdAt })),
  };
}

/** The stored value under `kind` if it reads as a set of that kind, else an empty one. */
function decodeStored(value: unknown, kind: DrawingSetKind, className: (n: number) => string): DrawingSet {
  const set = decodeDrawingSet(value);
  return set !== null && set.kind === kind ? set : emptyDrawingSet(kind, className);
}

/**
 * The drawings' storage in `factory`'s database `name`. Opens it lazily on
 * the first call (so creating this costs nothing and never throws); a failed
 * open is retried on the next call.
 */
export function openDrawingsStorage(
  factory: IDBFactory | undefined = globalThis.indexedDB,
  name = 'convscope-drawings',
  /** Names the two classes of a set never saved (called when it is read, so in the page's language by then). */
  className: (n: number) => string = DEFAULT_CLASS_NAME,
): DrawingsStorage {
  let opening: Promise<DrawingsDB> | null = null;
  const db = () => {
    opening ??= openDatabase(factory, name).catch((e: unknown) => {
      opening = null;
      throw e;
    });
    return opening;
  };

  return {
    async load() {
      const database = await db();
      try {
        const tx = database.transaction('sets', 'readonly');
        const [digits, classes] = await Promise.all([tx.store.get('digits'), tx.store.get('classes'), tx.done]);
        return { digits: decodeStored(digits, 'digits', className), classes: decodeStored(classes, 'classes', className) };
      } catch (e) {
        throw failure('failed', message('drawings:storage.readFailed', { why: describeError(e) }));
      }
    },

    async save(set) {
      const database = await db();
      let tx: IDBPTransaction<DrawingsDatabase, ['sets'], 'readwrite'> | null = null;
      try {
        tx = database.transaction('sets', 'readwrite');
        await tx.store.put(toStored(set), set.kind);
        await tx.done;
      } catch (e) {
        if (tx) {
          // Its rejection is the error in hand; left unhandled it would surface as a second failure.
          tx.done.catch(() => undefined);
          try {
            tx.abort();
          } catch {
            // Already aborted (a failed request aborts it) or finished.
          }
        }
        const what = SET_NAMES[set.kind];
        if (isQuotaError(e)) {
          throw failure('full', message('drawings:storage.full', { what }));
        }
        throw failure('failed', message('drawings:storage.saveFailed', { what, why: describeError(e) }));
      }
    },
  };
}
