/**
 * The messages about learning from the user's own drawings and about
 * augmentation: images the page sends with a run, and what the worker sends
 * back (held-out accuracy, augmented samples). Re-exported by protocol/index.ts.
 */
import type { AugmentConfig } from '../model/augmentConfig';
import type { DatasetId } from '../data/datasets';

/** Images packed for the worker: `count × 28 × 28` bytes (0 = background) and one label each. */
export interface PackedImages {
  pixels: Uint8Array;
  labels: Uint8Array;
  count: number;
}

/** The user's own classes (dataset 'own'): their names and every drawing, all of it the run's data. */
export interface OwnClassesData extends PackedImages {
  classNames: string[];
}

/**
 * Fine-tuning on the user's handwriting: `share` of every batch comes from
 * `train` (augmented with `augment` when given), the rest from the dataset;
 * `heldOut` is measured before the first step and after every epoch.
 */
export interface HandwritingMix {
  train: PackedImages;
  heldOut: PackedImages;
  share: number;
  augment: AugmentConfig | null;
}

/** Asks for augmented examples of the training data without training (the grid beside the settings). */
export interface AugmentPreviewRequest {
  requestId: number;
  dataset: DatasetId;
  augment: AugmentConfig;
  seed: number;
  /** Dataset 'own': the drawings to take the originals from. */
  own?: PackedImages;
}

export type DrawingsCommand =
  /** Answered by one `augmentSample` with the request's id. */
  { type: 'augmentPreview'; request: AugmentPreviewRequest };

export type DrawingsEvent =
  /**
   * Augmented training images: a preview's (`requestId`; `originals` given,
   * each followed in `images` by `perOriginal` variants) or, about every two
   * seconds while a run trains with augmentation, the start of its latest batch (`runId`).
   */
  | {
      type: 'augmentSample';
      requestId: number | null;
      runId: number | null;
      originals: Uint8Array | null;
      perOriginal: number;
      images: Uint8Array;
      labels: Uint8Array;
      count: number;
    }
  /** Accuracy on the held-out drawings of a fine-tuning run: before it (`epoch` = the epoch it starts from) and after each epoch. */
  | { type: 'heldOutAccuracy'; runId: number; when: 'before' | 'after'; epoch: number; correct: number; count: number; predicted: Uint8Array };
