import { describe, expect, it } from 'vitest';
import { cacheKind, DATASET_FILE, H5WASM_FILE } from './offlineCaches';

describe('the offline caches', () => {
  it('tells ours apart by name', () => {
    expect(cacheKind('convscope-datasets')).toBe('datasets');
    expect(cacheKind('convscope-h5wasm')).toBe('app');
    expect(cacheKind('workbox-precache-v2-http://127.0.0.1:4173/')).toBe('app');
    expect(cacheKind('workbox-runtime-http://x/')).toBeNull();
    expect(cacheKind('someone-else')).toBeNull();
  });

  it('routes the dataset files and the h5wasm chunk, under any base', () => {
    expect(DATASET_FILE.test('/data/mnist-train.bin.gz')).toBe(true);
    expect(DATASET_FILE.test('/some/base/data/fashion-mnist-test.bin.gz')).toBe(true);
    expect(DATASET_FILE.test('/data/manifest.json')).toBe(false);
    expect(H5WASM_FILE.test('/base/assets/hdf5_hl-CEDWXdfc.js')).toBe(true);
    expect(H5WASM_FILE.test('/assets/readHdf5-C1jAcvqa.js')).toBe(false);
  });
});
