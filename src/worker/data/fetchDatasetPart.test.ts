import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodeDataset } from '../../data/decodeDataset';
import { MessageError } from '../../model/message';
import { DATASET_CACHE } from '../../offline/offlineCaches';
import { fetchDatasetPart } from './fetchDatasetPart';

const BASE = 'http://app.test/base/';
const FILE = 'http://app.test/base/data/mnist-test.bin.gz';
const bytes = () => new Uint8Array(encodeDataset({ pixels: new Uint8Array(2 * 4).fill(7), labels: new Uint8Array([1, 2]), rows: 2, cols: 2, numClasses: 10 }));

/** A CacheStorage holding the caches named in `open` (by URL), enough for fetchDatasetPart. */
function fakeCaches(open: string[]) {
  const stores = new Map<string, Map<string, Response>>(open.map((n) => [n, new Map()]));
  return {
    stores,
    has: async (name: string) => stores.has(name),
    open: async (name: string) => {
      const store = stores.get(name) ?? new Map<string, Response>();
      stores.set(name, store);
      return { match: async (u: URL | string) => store.get(String(u)), put: async (u: URL | string, r: Response) => void store.set(String(u), r) };
    },
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('fetchDatasetPart', () => {
  it('says a dataset needs the network when no response comes at all', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    const error = await fetchDatasetPart(BASE, 'fashion-mnist', 'train', () => {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MessageError);
    expect((error as MessageError).code).toBe('data-missing');
    expect((error as MessageError).detail).toEqual({
      key: 'offline:datasetNeedsNetwork',
      values: { dataset: { key: 'data:fashionMnist.label' }, file: 'data/fashion-mnist-train.bin.gz' },
    });
  });

  it('keeps a downloaded file for offline use once the offline copy is on, and only then', async () => {
    vi.stubGlobal('fetch', async () => new Response(bytes(), { headers: { 'content-type': 'application/gzip' } }));
    const off = fakeCaches([]);
    vi.stubGlobal('caches', off);
    expect((await fetchDatasetPart(BASE, 'mnist', 'test', () => {})).count).toBe(2);
    expect(off.stores.size).toBe(0);

    const on = fakeCaches([DATASET_CACHE]);
    vi.stubGlobal('caches', on);
    expect((await fetchDatasetPart(BASE, 'mnist', 'test', () => {})).count).toBe(2);
    const kept = on.stores.get(DATASET_CACHE)!.get(FILE)!;
    expect(new Uint8Array(await kept.arrayBuffer())).toEqual(bytes());
    expect(kept.headers.get('content-length')).toBe(String(bytes().length));
  });

  it('leaves a file the service worker kept already as it is', async () => {
    vi.stubGlobal('fetch', async () => new Response(bytes()));
    const on = fakeCaches([DATASET_CACHE]);
    const theirs = new Response('kept by the service worker');
    on.stores.get(DATASET_CACHE)!.set(FILE, theirs);
    vi.stubGlobal('caches', on);
    await fetchDatasetPart(BASE, 'mnist', 'test', () => {});
    expect(on.stores.get(DATASET_CACHE)!.get(FILE)).toBe(theirs);
  });
});
