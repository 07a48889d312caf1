import type { DatasetId } from '../data/datasets';
import type { ImageSet } from '../engine/imageSet';

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
    const size = test.rows * test.cols;
    const pixels = Float32Array.from(test.pixels.subarray(i * size, (i + 1) * size), (v) => v / 255);
    return { index: i, label: test.labels[i], pixels };
  }

  // async: a loader that throws at once rejects like one that fails later.
  private async loadOnce(id: DatasetId): Promise<LoadedDataset> {
    const { train, test } = await this.load(id);
    return { train, test, testIndices: Uint32Array.from({ length: test.count }, (_, i) => i) };
  }
}
