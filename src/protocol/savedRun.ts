import type { Message } from '../model/message';

/**
 * A run as IndexedDB keeps it (written by the worker, listed and compared on
 * the page) and the storage's state. Stored records, not messages: a change
 * here must still read the records older versions wrote (worker/savedRuns/decodeSavedRun).
 */
import type { DatasetId, TrainSize } from '../data/datasets';
import type { ModelSpec, TrainConfig } from '../model/types';
import type { EpochRow, TestResult } from './engineResults';

/** How a saved run stands: 'running' while a worker trains it; 'interrupted' when the tab or worker died first; 'imported' for an uploaded model. */
export type SavedRunStatus = 'running' | 'done' | 'stopped' | 'diverged' | 'earlyStopped' | 'interrupted' | 'error' | 'imported';

/** What a run was asked to do: enough to rebuild its network and retrain it. */
export interface SavedRunSetup {
  dataset: DatasetId;
  trainSize: TrainSize;
  spec: ModelSpec;
  config: TrainConfig;
  /** Dataset 'own': the class names the run was trained on (the model's outputs, in order). */
  classNames?: string[];
}

/** Which weights are stored for a run (epochs are 1-based; 0 = the initial or imported weights). */
export interface SavedWeightsInfo {
  /** The model as it last was: after the last finished epoch, or as the run ended (restored best). Null: none kept. */
  latest: number | null;
  /** The epoch with the best validation accuracy, when it differs from latest. */
  best: number | null;
  /** Whether the optimizer's state is stored with the latest weights. */
  optimizer: boolean;
  /** Bytes of weights (and optimizer state) stored. */
  bytes: number;
}

/** A score on the held-out handwriting, after `epoch` of the run. */
export interface HeldOutRecord {
  epoch: number;
  correct: number;
  count: number;
}

/** A fine-tuning on the user's handwriting: what was mixed in, and the held-out drawings' score before and after (null: not measured yet). */
export interface HandwritingRecord {
  /** Drawings trained on (the held-out ones apart). */
  drawings: number;
  /** Their share of every batch, in percent. */
  sharePercent: number;
  before: HeldOutRecord | null;
  after: HeldOutRecord | null;
}

/** Training went on from `fromEpoch` of a saved run. */
export interface Continuation {
  fromEpoch: number;
  /** Whether the optimizer state came with the weights. */
  optimizerRestored: boolean;
  /** Present when it was a fine-tuning on the user's handwriting. */
  handwriting?: HandwritingRecord;
}

/**
 * One run as IndexedDB keeps it: its setup, full metric history, outcome,
 * test result and which weights are kept. Saved by the worker as it trains.
 */
export interface SavedRun {
  /** Storage key, unique across reloads and tabs. */
  id: string;
  name: string;
  pinned: boolean;
  /** Milliseconds since 1970. */
  createdAt: number;
  updatedAt: number;
  setup: SavedRunSetup;
  status: SavedRunStatus;
  /**
   * How it ended (empty while running): a message the page words in its
   * language; records saved before the page had languages hold English text.
   */
  message: string | Message;
  /** Epochs asked for in all (continuing adds to it). */
  epochsPlanned: number;
  info: { trainCount: number; valCount: number; batchesPerEpoch: number } | null;
  /** Every batch: x in epochs (fractional), loss, accuracy. */
  batches: { x: Float32Array; loss: Float32Array; accuracy: Float32Array };
  epochs: EpochRow[];
  learningRateChanges: { x: number; learningRate: number }[];
  restoredEpoch: number | null;
  test: TestResult | null;
  weights: SavedWeightsInfo;
  /** Epochs after which training was continued, and how. */
  continuations: Continuation[];
}

/** A saved run without its histories: what the run list shows. */
export type RunSummary = Omit<SavedRun, 'batches' | 'epochs' | 'learningRateChanges' | 'test'> & {
  epochsCompleted: number;
  /** The last epoch's validation accuracy (NaN: none). */
  valAccuracy: number;
  /** NaN when the run has no test result. */
  testAccuracy: number;
};

/** A stored run that could not be read: listed so that it is never dropped silently. */
export interface DamagedRun {
  id: string;
  reason: string;
}

/** Where the runs are kept, and how full it is. */
export interface StorageInfo {
  /** False when IndexedDB cannot be opened (a private window): runs then last only as long as the tab. */
  available: boolean;
  /** Null, or what went wrong last (quota exceeded, weights dropped to make room). */
  message: Message | null;
  usedBytes: number | null;
  quotaBytes: number | null;
}
