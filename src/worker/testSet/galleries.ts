import type { DatasetId } from '../../data/datasets';
import type { Predictions } from '../../engine/evaluateModel';
import type { ImageSet } from '../../engine/imageSet';
import { selectGallery } from '../../model/selectGallery';
import { imagePixels } from '../data/datasetCache';
import type { GalleryItem } from '../../protocol';

/** Images a gallery shows at most. */
export const GALLERY_LIMIT = 100;

interface Kept {
  runId: number;
  dataset: DatasetId;
  predictions: Predictions;
  indices: Uint32Array;
  test: ImageSet;
}

/**
 * The current model's predictions on the test set, kept from its last
 * evaluation so that every gallery request is answered without running the
 * model again.
 */
export class Galleries {
  private kept: Kept | null = null;

  set(runId: number, dataset: DatasetId, predictions: Predictions, indices: Uint32Array, test: ImageSet): void {
    this.kept = { runId, dataset, predictions, indices, test };
  }

  has(runId: number): boolean {
    return this.kept?.runId === runId;
  }

  /** Forgets the predictions: the model they came from is gone. */
  clear(): void {
    this.kept = null;
  }

  /** One cell's images (or the most confidently wrong) with their pixels (n × rows·cols, in [0, 1]); null without predictions for `runId`. */
  answer(runId: number, cell: { trueClass: number; predClass: number } | null): { total: number; items: GalleryItem[]; pixels: Float32Array } | null {
    const k = this.kept;
    if (k?.runId !== runId) return null;
    const { total, items } = selectGallery(k.predictions, k.indices, k.test.labels, cell, GALLERY_LIMIT);
    const size = k.test.rows * k.test.cols;
    const pixels = new Float32Array(items.length * size);
    items.forEach((item, i) => imagePixels(k.test, item.index, pixels, i * size));
    return { total, items, pixels };
  }
}
