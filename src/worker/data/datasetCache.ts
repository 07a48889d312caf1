import type { DatasetId } from '../../data/datasets';
import type { ImageSet } from '../../engine/imageSet';
import { SessionError } from '../sessionError';
import { message } from '../../model/message';

/** A dataset as the worker holds it. */
export interface LoadedDataset {
  train: ImageSet;
  test: ImageSet;
  /** Every test image's index, in order: what an evaluation walks through. */
  testIndices: Uint32Array;
}

/** One test image, ready for the model. */
export interface TestImage {
  /** The index asked for, wrapped into [0, count). */
  index: number;
  label: number;
  /** rows × cols values in [0, 1]. */
  pixels: Float32Array;
}

/**
 * The datasets the worker has loaded: each is loaded once and shared by runs,
 * evaluations and test-image requests, even those that ask while it loads. A
 * load that fails is forgotten, so that the next request tries again.
 */
export class DatasetCache {
  private readonly loads = new Map<DatasetId, Promise<LoadedDataset>>();

  constructor(private readonly load: (id: DatasetId) => Promise<{ train: ImageSet; test: ImageSet }>) {}

  get(id: DatasetId): Promise<LoadedDataset> {
    // The user's classes live in the page and come with each request; there is no file to load.
    if (id === 'own') return Promise.reject(new SessionError('invalid-request', message('errors:request.ownNoTestImages')));
    let p = this.loads.get(id);
    if (!p) {
      p = this.loadOnce(id);
      this.loads.set(id, p);
      p.catch(() => this.loads.delete(id));
    }
    return p;
  }

  /** Test image `index` of dataset `id`; any integer is wrapped, so -1 is the last image. */
  async testImage(id: DatasetId, index: number): Promise<TestImage> {
    const { test } = await this.get(id);
    const i = ((index % test.count) + test.count) % test.count;
    return { index: i, label: test.labels[i], pixels: imagePixels(test, i) };
  }

  // async: a loader that throws at once rejects like one that fails later.
  private async loadOnce(id: DatasetId): Promise<LoadedDataset> {
    const { train, test } = await this.load(id);
    return { train, test, testIndices: Uint32Array.from({ length: test.count }, (_, i) => i) };
  }
}

/** Image `index` of `set` as the model takes it: rows × cols values in [0, 1], written into `out` at `offset` when given. */
export function imagePixels(set: ImageSet, index: number, out?: Float32Array, offset = 0): Float32Array {
  const size = set.rows * set.cols;
  const target = out ?? new Float32Array(size);
  const src = set.pixels.subarray(index * size, (index + 1) * size);
  for (let p = 0; p < size; p++) target[offset + p] = src[p] / 255;
  return target;
}
