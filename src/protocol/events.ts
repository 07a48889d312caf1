/** What the training worker tells the page: every event, and the values they carry. */
import type { DatasetId } from '../data/datasets';
import type { BackendChoice, BackendRate } from '../model/backends';
import type { Message } from '../model/message';
import type { ModelSpec } from '../model/types';
import type { DrawingsEvent } from './drawings';
import type { ConvKernels, EpochRow, LayerActivation, TestResult } from './engineResults';
import type { Explanation } from './explain';
import type { DamagedRun, RunSummary, SavedRun, StorageInfo } from './savedRun';

/** `training-status` values shown to the user and to tests. */
export type RunStatus = 'idle' | 'loading' | 'training' | 'paused' | 'done' | 'stopped' | 'diverged' | 'error';
/** One test image in a gallery: which, its true class, the model's class and confidence. */
export interface GalleryItem {
  index: number;
  label: number;
  predicted: number;
  /** Probability of the predicted class, in [0, 1]. */
  confidence: number;
}

/** Weight histogram of one layer at one moment of training. */
export interface WeightHistogram {
  layer: number;
  x0: number;
  x1: number;
  counts: Uint32Array;
}

/** 'backend': no backend works at all; 'backend-choice': the chosen one could not start (the previous one stays). */
export type ErrorCode = 'data-missing' | 'data-corrupt' | 'invalid-request' | 'backend' | 'backend-choice' | 'storage' | 'model-file' | 'internal';

export type WorkerEvent =
  | {
      type: 'backend';
      name: string;
      /** What it runs on ("WebAssembly SIMD, 2 threads", the GPU's name), for the page to word. */
      detail: Message;
      slow: boolean;
      /** The choice in force ('auto' or a name), and why this backend serves it. */
      choice: BackendChoice;
      reason: Message;
      /** Workers that train on it (one per core: wasm only; 1 elsewhere). */
      threads: number;
      /** The cores allowed (0: every one), and how many wasm could use here. */
      cores: number;
      availableCores: number;
    }
  /** Every backend's measured rate so far; `measuring` while more are to come. */
  | { type: 'backendRates'; rates: BackendRate[]; measuring: boolean; multiplyAdds: number; batchSize: number }
  /**
   * Run `runId` lost its backend and goes on on another, from the weights of
   * its last finished epoch (`fromEpoch`, 0 = the initial weights): the page
   * drops the batch points after it.
   */
  | { type: 'runResumed'; runId: number; fromEpoch: number; lost: string; backend: string; message: Message }
  | { type: 'status'; status: RunStatus }
  | { type: 'loadProgress'; file: string; loadedBytes: number; totalBytes: number }
  | { type: 'runStarted'; runId: number; trainCount: number; valCount: number; batchesPerEpoch: number; epochs: number }
  | {
      type: 'batchMetrics';
      runId: number;
      /** Position in epochs (epoch + (batch + 1) / batchesPerEpoch), one per batch. */
      x: Float64Array;
      loss: Float32Array;
      accuracy: Float32Array;
      epoch: number;
      examplesPerSec: number;
      elapsedMs: number;
      etaMs: number | null;
    }
  | ({ type: 'epochEnd'; runId: number } & EpochRow)
  /** A learning-rate change took effect at this (0-based) epoch and batch. */
  | { type: 'learningRate'; runId: number; learningRate: number; epoch: number; batch: number }
  | {
      type: 'runEnded';
      runId: number;
      outcome: 'done' | 'stopped' | 'diverged' | 'earlyStopped';
      epochsCompleted: number;
      /** With early stopping: the epoch whose weights were put back, if any. */
      restoredEpoch?: number;
      /** How it ended, for the page to word (train:outcome.*). */
      message: Message;
    }
  | { type: 'evalProgress'; runId: number; done: number; total: number }
  | ({ type: 'testResult'; runId: number } & TestResult)
  /** Every saved run (newest first), those that could not be read, and the storage's state; after any change. */
  | { type: 'runs'; runs: RunSummary[]; damaged: DamagedRun[]; storage: StorageInfo }
  /** Run `runId` is saved as `savedId`: the run list marks it as the current one. */
  | { type: 'runSaved'; runId: number; savedId: string }
  /** Saved run `run` is now the current model (`runId` on the page); `weights`: the epoch whose weights it has, null when none were kept (an untrained model then). */
  | { type: 'runOpened'; runId: number; run: SavedRun; weights: number | null; message: Message }
  | { type: 'savedRuns'; runs: SavedRun[] }
  /** `items` and their pixels (items.length × 784, in [0, 1]); `total`: how many images the cell or the wrong set holds. */
  | { type: 'gallery'; requestId: number; runId: number; cell: { trueClass: number; predClass: number } | null; total: number; items: GalleryItem[]; pixels: Float32Array }
  /** The current model's files, to save side by side under these names (one `.keras` or `.h5`; or model.json then the weights it names). */
  | { type: 'modelFiles'; files: { name: string; data: ArrayBuffer }[] }
  /** An uploaded model is the current network (`runId`); `studyOnly`: why it cannot train or predict here, else null. */
  | { type: 'modelUploaded'; runId: number; dataset: DatasetId; spec: ModelSpec; studyOnly: Message | null; message: Message; classNames?: string[] }
  | {
      type: 'inspection';
      requestId: number;
      /** False before any training step has changed the weights. */
      trained: boolean;
      /** Where training was, in epochs (fractional), when this was taken. */
      at: number;
      probs: Float32Array | null;
      activations: LayerActivation[] | null;
      kernels: ConvKernels[] | null;
    }
  | { type: 'histograms'; runId: number; at: number; layers: WeightHistogram[] }
  /** The test image request `requestId` asked for: its label, and its pixels for the page to show. */
  | { type: 'testSample'; requestId: number; dataset: DatasetId; index: number; label: number; pixels: Float32Array }
  | { type: 'pong'; seq: number }
  /** One explainer view's answer to request `requestId`, taken with the weights at `at` of run `runId` (0 before any run). */
  | { type: 'explanation'; requestId: number; runId: number; at: number; trained: boolean; explanation: Explanation }
  /** The explainer could not answer a view (e.g. the picked layer no longer exists): said beside the view, as a message the page words. */
  | { type: 'explainError'; requestId: number; kind: Explanation['kind'] | 'maximize'; message: Message }
  | { type: 'filterImagesProgress'; requestId: number; layer: number; step: number; steps: number }
  /** What each filter of `layer` responds to most: images [filters, h, w] in [0, 1], and each filter's mean activation on its image. */
  | { type: 'filterImages'; requestId: number; runId: number; at: number; layer: number; filters: number; height: number; width: number; images: Float32Array; activations: Float32Array; cancelled: boolean }
  /** Made by the page's worker client, never by the worker: the worker stopped answering and a new one was started. */
  | { type: 'workerRestarted'; message: Message }
  | { type: 'error'; code: ErrorCode; message: Message }
  | DrawingsEvent;
