import 'fake-indexeddb/auto'; // idb checks requests against the global IDB classes
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { simulateQuota } from '../storage/testing/simulateQuota';
import { DIGIT_NAMES, DRAWING_PIXELS, emptyDrawingSet, type DrawingSet } from './drawingSet';
import { wordMessage } from '../i18n/i18n';
import { MessageError } from '../model/message';
import { openDrawingsStorage } from './drawingsStorage';

const NAME = 'convscope-drawings';

const pixels = (seed: number) => Uint8Array.from({ length: DRAWING_PIXELS }, (_, i) => (i * 13 + seed) & 255);

const cats: DrawingSet = {
  kind: 'classes',
  classNames: ['cat', 'dog', 'fish'],
  drawings: [
    { id: 'a', label: 2, pixels: pixels(1), createdAt: 10 },
    { id: 'b', label: 0, pixels: pixels(2), createdAt: 11 },
  ],
};

const handwriting: DrawingSet = { kind: 'digits', classNames: DIGIT_NAMES, drawings: [{ id: 'x', label: 7, pixels: pixels(3), createdAt: 12 }] };

/** Writes `value` straight into the 'sets' store, as another version of the page or a bug might. */
function writeRaw(indexedDB: IDBFactory, key: string, value: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(NAME);
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const tx = db.transaction('sets', 'readwrite');
      tx.objectStore('sets').put(value, key);
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

/** Rejection of `promise`, failing the test if it resolves. */
/** Rejection of `promise` (a MessageError), as its kind and its English words; failing the test if it resolves. */
async function rejection(promise: Promise<unknown>): Promise<{ kind: string | undefined; message: string }> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(MessageError);
    return { kind: (e as MessageError).code, message: wordMessage((e as MessageError).detail) };
  }
  throw new Error('expected a rejection');
}

let disk: ReturnType<typeof simulateQuota> | null = null;
afterEach(() => {
  disk?.restore();
  disk = null;
  vi.unstubAllGlobals();
});

describe('openDrawingsStorage', () => {
  it('loads empty sets before anything is saved, and opens nothing until asked', async () => {
    const indexedDB = new IDBFactory();
    const storage = openDrawingsStorage(indexedDB);
    expect(await indexedDB.databases()).toEqual([]);
    expect(await storage.load()).toEqual({ digits: emptyDrawingSet('digits'), classes: emptyDrawingSet('classes') });
    expect((await indexedDB.databases()).map((d) => d.name)).toEqual([NAME]);
  });

  it('gives back what was saved, pixels and all, after a reload', async () => {
    const indexedDB = new IDBFactory();
    const storage = openDrawingsStorage(indexedDB);
    await storage.save(cats);
    await storage.save(handwriting);
    const loaded = await openDrawingsStorage(indexedDB).load();
    expect(loaded).toEqual({ digits: handwriting, classes: cats });
    expect(loaded.classes.drawings[0].pixels).toBeInstanceOf(Uint8Array);
    expect(loaded.classes.drawings[1].pixels).toEqual(pixels(2));
  });

  it('loads a kind never saved as empty', async () => {
    const indexedDB = new IDBFactory();
    await openDrawingsStorage(indexedDB).save(cats);
    expect((await openDrawingsStorage(indexedDB).load()).digits).toEqual(emptyDrawingSet('digits'));
  });

  it('replaces the stored set of the same kind', async () => {
    const storage = openDrawingsStorage(new IDBFactory());
    await storage.save(cats);
    const fewer = { ...cats, drawings: cats.drawings.slice(1) };
    await storage.save(fewer);
    expect((await storage.load()).classes).toEqual(fewer);
  });

  it('loads a damaged or misfiled value as empty rather than failing', async () => {
    const indexedDB = new IDBFactory();
    const storage = openDrawingsStorage(indexedDB);
    await storage.save(handwriting);
    await writeRaw(indexedDB, 'classes', { kind: 'classes', classNames: ['a', 'b'], drawings: [{ id: 'q', label: 5, pixels: 'x', createdAt: 0 }] });
    await writeRaw(indexedDB, 'digits', cats);
    expect(await storage.load()).toEqual({ digits: emptyDrawingSet('digits'), classes: emptyDrawingSet('classes') });
    await writeRaw(indexedDB, 'classes', 'garbage');
    expect((await storage.load()).classes).toEqual(emptyDrawingSet('classes'));
  });

  it.each(['throw', 'request'] as const)('rejects with "quota" when the disk is full (%s), keeping what was there', async (mode) => {
    disk = simulateQuota(mode);
    const indexedDB = new IDBFactory();
    const storage = openDrawingsStorage(indexedDB);
    await storage.save(cats);
    disk.limit = disk.used();
    const more = { ...cats, drawings: [...cats.drawings, { id: 'c', label: 1, pixels: pixels(4), createdAt: 13 }] };
    const e = await rejection(storage.save(more));
    expect(e.kind).toBe('full');
    expect(e.message).toContain("The browser's storage is full");
    expect(e.message).toContain('not saved');
    expect((await storage.load()).classes).toEqual(cats);
  });

  it('rejects with "unavailable" when there is no IndexedDB, without throwing when made', async () => {
    // As in a browser with storage turned off. (Passing undefined would not do: it picks the default, the global.)
    vi.stubGlobal('indexedDB', undefined);
    const storage = openDrawingsStorage();
    const onLoad = await rejection(storage.load());
    expect(onLoad.kind).toBe('unavailable');
    const onSave = await rejection(storage.save(cats));
    expect(onSave.kind).toBe('unavailable');
    expect(onSave.message).toContain('no IndexedDB');
  });

  it('rejects with "unavailable" when the browser refuses to open it', async () => {
    const refusing = { open: () => { throw new DOMException('denied', 'SecurityError'); } } as unknown as IDBFactory;
    const e = await rejection(openDrawingsStorage(refusing).save(cats));
    expect(e.kind).toBe('unavailable');
    expect(e.message).toContain('SecurityError');
  });
});
