import { augmentBatchInto, augmentSeed } from '../augment/augmentBatch';
import { AugmentScratch } from '../augment/augmentImage';
import { isAugmentOn, type AugmentConfig } from '../model/augmentConfig';
import { makeBatch } from '../data/makeBatch';
import { mulberry32, shuffleInPlace } from '../data/random';
import type { ImageSet } from './imageSet';
import type { Batch } from './trainStep';

/** A second set of images mixed into every batch: the user's own drawings while fine-tuning. */
export interface BatchMix {
  images: ImageSet;
  /** Fraction of each batch taken from `images`, in (0, 1). */
  share: number;
  augment: AugmentConfig | null;
}

export interface BatchPlan {
  batchSize: number;
  /** The run's seed: augmentation and the mix's order are drawn from it, per epoch and batch. */
  seed: number;
  augment?: AugmentConfig | null;
  mix?: BatchMix | null;
}

/** How many of a batch of `batchSize` come from a mix of `share`: at least one of each, so that a tiny share still mixes and the dataset still counts. */
export function mixPerBatch(share: number, batchSize: number): number {
  return batchSize > 1 ? Math.min(batchSize - 1, Math.max(1, Math.round(share * batchSize))) : 0;
}

/** Salt that keeps the mix's shuffles apart from the augmentation draws of the same seed. */
const MIX_SALT = 0x6d1c;

/**
 * Builds the training loop's batches: `mainPerBatch` images of the run's data
 * in the order it is given, then (when mixing) `mixPerBatch` of the mixed-in
 * images, each batch augmented when the plan says so. Every random draw comes
 * from (seed, epoch, batch), never from a running generator, so that a run
 * resumed at an epoch sees exactly the batches an unbroken one would.
 */
export class BatchMaker {
  readonly mixPerBatch: number;
  readonly mainPerBatch: number;
  private readonly augment: AugmentConfig | null;
  private readonly mixAugment: AugmentConfig | null;
  private readonly scratch: AugmentScratch;
  private mixEpoch = -1;
  private mixOrder: number[] = [];

  constructor(
    private readonly data: ImageSet,
    private readonly plan: BatchPlan,
  ) {
    const mix = plan.mix && plan.mix.images.count > 0 ? plan.mix : null;
    this.mixPerBatch = mix ? mixPerBatch(mix.share, plan.batchSize) : 0;
    this.mainPerBatch = plan.batchSize - this.mixPerBatch;
    this.augment = isAugmentOn(plan.augment) ? plan.augment! : null;
    this.mixAugment = isAugmentOn(mix?.augment) ? mix!.augment! : null;
    this.scratch = new AugmentScratch(data.rows, data.cols);
  }

  /** Batches in an epoch over `trainCount` images of the run's data (the mixed-in images repeat as needed). */
  batchesPerEpoch(trainCount: number): number {
    return Math.ceil(trainCount / this.mainPerBatch);
  }

  /** Batch `batch` of epoch `epoch`, taking the run's images from `order` (that epoch's shuffle). */
  make(order: ArrayLike<number>, epoch: number, batch: number): Batch {
    const { data } = this;
    const size = data.rows * data.cols;
    const start = batch * this.mainPerBatch;
    const mainN = Math.max(0, Math.min(start + this.mainPerBatch, order.length) - start);
    const n = mainN + (mainN > 0 ? this.mixPerBatch : 0);
    if (!this.augment && !this.mixPerBatch) return makeBatch(data.pixels, data.labels, size, order, start, start + this.mainPerBatch);
    const x = new Float32Array(n * size);
    const y = new Int32Array(n);
    const rand = mulberry32(augmentSeed(this.plan.seed, epoch, batch));
    if (this.augment) {
      augmentBatchInto(data.pixels, size, data.rows, data.cols, order, start, start + mainN, this.augment, rand, x, this.scratch);
    } else {
      x.set(makeBatch(data.pixels, data.labels, size, order, start, start + mainN).x);
    }
    for (let i = 0; i < mainN; i++) y[i] = data.labels[order[start + i]];
    if (n > mainN) this.addMix(epoch, batch, x, y, mainN, rand);
    return { x, y, n };
  }

  /** Writes the mixed-in images of (epoch, batch) after the first `at` images of the batch. */
  private addMix(epoch: number, batch: number, x: Float32Array, y: Int32Array, at: number, rand: () => number): void {
    const mix = this.plan.mix!;
    const { images } = mix;
    const size = images.rows * images.cols;
    if (this.mixEpoch !== epoch) {
      this.mixOrder = Array.from({ length: images.count }, (_, i) => i);
      shuffleInPlace(this.mixOrder, mulberry32(augmentSeed(this.plan.seed ^ MIX_SALT, epoch, 0)));
      this.mixEpoch = epoch;
    }
    const k = this.mixPerBatch;
    const picks = Array.from({ length: k }, (_, j) => this.mixOrder[(batch * k + j) % images.count]);
    const out = x.subarray(at * size);
    if (this.mixAugment) {
      augmentBatchInto(images.pixels, size, images.rows, images.cols, picks, 0, k, this.mixAugment, rand, out, this.scratch);
    } else {
      out.set(makeBatch(images.pixels, images.labels, size, picks, 0, k).x);
    }
    for (let j = 0; j < k; j++) y[at + j] = images.labels[picks[j]];
  }
}
