/**
 * Every message between the page and the training worker. Both sides import
 * these types; nothing else crosses the boundary.
 */
import type { DatasetId, TrainSize } from '../data/datasets';
import type { BackendChoice, BackendRate } from '../model/backends';
import type { ModelSpec, OptimizerConfig, TrainConfig } from '../model/types';
import type { DrawingsCommand, DrawingsEvent, HandwritingMix, OwnClassesData } from './drawingsProtocol';
import type { Explanation, ExplainRequest } from './explainProtocol';

export type * from './drawingsProtocol';
export type * from './explainProtocol';

/** `training-status` values shown to the user and to tests. */
export type RunStatus = 'idle' | 'loading' | 'training' | 'paused' | 'done' | 'stopped' | 'diverged' | 'error';

export interface TrainRequest {
  runId: number;
  dataset: DatasetId;
  trainSize: TrainSize;
  spec: ModelSpec;
  config: TrainConfig;
  /**
   * Continue the saved run with this id instead of starting afresh: its
   * network, data and settings, from its latest weights (and optimizer state
   * when stored), for `config.epochs` more epochs. Only the epoch count and
   * the learning rate of `config` are read.
   */
  continueFrom?: string;
  /** Dataset 'own': the user's classes and drawings, which are the whole of the run's data. */
  own?: OwnClassesData;
  /** Fine-tuning on the user's handwriting, mixed into every batch. */
  mix?: HandwritingMix;
}

/** A run's test-set result: loss, accuracy and the confusion matrix (row = true class). */
export interface TestResult {
  loss: number;
  accuracy: number;
  count: number;
  confusion: Int32Array;
}

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
  /** How it ended, in words (empty while running). */
  message: string;
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
  message: string | null;
  usedBytes: number | null;
  quotaBytes: number | null;
}

/** One test image in a gallery: which, its true class, the model's class and confidence. */
export interface GalleryItem {
  index: number;
  label: number;
  predicted: number;
  /** Probability of the predicted class, in [0, 1]. */
  confidence: number;
}

export type Command =
  /**
   * First message: the absolute URL the app is served from, for data files,
   * how many threads the wasm backend may use (1: the single-threaded build;
   * more needs cross-origin isolation), and the backend choice remembered by
   * the page, so that the first backend started is the chosen one.
   */
  | { type: 'init'; baseUrl: string; wasmThreads: number; backendChoice: BackendChoice }
  | { type: 'train'; request: TrainRequest }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'stop' }
  /** Changes the learning rate of run `runId` from its next batch on. */
  | { type: 'setLearningRate'; runId: number; learningRate: number }
  /** Evaluates the current model on the whole test set. */
  | { type: 'evaluate' }
  /**
   * Sets the image to look at (null: none) and what the visible panels need.
   * Answered at once with an `inspection`, then again at most twice a second
   * while training runs. Before any training, an untrained `spec` model answers.
   */
  | { type: 'inspect'; request: InspectRequest }
  /**
   * Times a few training steps of `spec` on every backend that starts, then
   * trains on the fastest (or the chosen one). Skipped while the last
   * measurement still holds: same batch size, multiply-adds within 20%. A
   * request during a run waits for its end.
   */
  | { type: 'measureBackends'; spec: ModelSpec; batchSize: number; optimizer: OptimizerConfig }
  /** Trains and infers on `choice` from now on ('auto': the fastest measured); answered by `backend`, or an error that keeps the previous one. */
  | { type: 'chooseBackend'; choice: BackendChoice }
  /** Fault injection for tests and demonstrations: loses the WebGL context as a crashed GPU driver would; 'crashWorker' ends the worker as running out of memory would. */
  | { type: 'injectFault'; fault: 'loseWebglContext' | 'crashWorker' }
  /**
   * Makes saved run `id` the current model (its latest weights), answered by
   * `runOpened`. `runId` numbers it on the page, as Train does.
   */
  | { type: 'openRun'; runId: number; id: string }
  | { type: 'renameRun'; id: string; name: string }
  | { type: 'pinRun'; id: string; pinned: boolean }
  | { type: 'deleteRun'; id: string }
  /** Full histories of saved runs, for comparison: answered by `savedRuns`. */
  | { type: 'loadRuns'; ids: string[] }
  /**
   * Test images of the last evaluation: those of one confusion cell, or (null)
   * the most confidently wrong over the whole test set; at most 100, most
   * confident first. Answered by `gallery`.
   */
  | { type: 'gallery'; requestId: number; cell: { trueClass: number; predClass: number } | null }
  /** The current model as TensorFlow.js Layers files, `<name>.json` naming `<name>.weights.bin`: answered by `modelFiles`. */
  | { type: 'downloadModel'; name: string }
  /**
   * A model in the TensorFlow.js Layers format (model.json and its weight
   * files) becomes the current network, saved as an imported run; `setup`
   * supplies the dataset and settings it is to be trained with.
   */
  | { type: 'uploadModel'; runId: number; files: { name: string; data: ArrayBuffer }[]; setup: Omit<SavedRunSetup, 'spec'> }
  /** The page's heartbeat: answered by `pong` at once, so that a worker that died (out of memory) is noticed. */
  | { type: 'ping'; seq: number }
  /**
   * The explainer views open on the page and what they look at (the input is
   * the inspection's): answered by one `explanation` per view at once, then
   * again while training changes the weights, never more than twice a second.
   */
  | { type: 'explain'; request: ExplainRequest }
  /** Activation maximisation for every filter of spec layer `layer`: `filterImagesProgress` as it goes, then `filterImages`. */
  | { type: 'maximizeFilters'; requestId: number; layer: number }
  | { type: 'cancelMaximize'; requestId: number }
  | DrawingsCommand;


/**
 * What the model looks at: pixels made on the page (a drawing, an upload), or
 * a test image, which the worker already holds and reads itself (its pixels
 * come back once, in a `testSample` event, for the page to show).
 */
export type InspectInput =
  | { kind: 'pixels'; pixels: Float32Array }
  | { kind: 'testImage'; dataset: DatasetId; index: number };

export interface InspectRequest {
  requestId: number;
  /** The image to look at (h×w pixels in [0, 1]), or null when there is nothing to show. */
  input: InspectInput | null;
  /** The network to preview, untrained, while no model has been trained; null when it could not be built (invalid, or not 28×28×1). */
  spec: ModelSpec | null;
  want: { activations: boolean; filters: boolean };
}

/** Weight histogram of one layer at one moment of training. */
export interface WeightHistogram {
  layer: number;
  x0: number;
  x1: number;
  counts: Uint32Array;
}

/** One epoch's numbers: reported by the engine, sent to the page, kept in the run history. */
export interface EpochRow {
  /** 1-based number of the epoch just finished. */
  epoch: number;
  trainLoss: number;
  trainAccuracy: number;
  /** NaN when there is no validation set. */
  valLoss: number;
  valAccuracy: number;
  /** `tf.memory().numTensors` after the epoch: must stay flat from epoch 1 on. */
  numTensors: number;
  /** With early stopping: the best epoch so far by its monitor (0 while none is finite). */
  bestEpoch?: number;
  /** The validation set's confusion matrix (row = true class, classes × classes), when there is a validation set. */
  valConfusion?: Int32Array;
}

/** One spec layer's output for one input image. */
export interface LayerActivation {
  /** Index into the spec's layers. */
  layer: number;
  /** Output shape without the batch dimension: [h, w, c] or [units]. */
  shape: number[];
  /** Row-major values (channels last), a copy safe to transfer. */
  values: Float32Array;
}

/** A conv layer's kernels. */
export interface ConvKernels {
  layer: number;
  /** [kernelH, kernelW, inChannels, filters], as tfjs stores them. */
  shape: [number, number, number, number];
  values: Float32Array;
  bias: Float32Array;
}

/** 'backend': no backend works at all; 'backend-choice': the chosen one could not start (the previous one stays). */
export type ErrorCode = 'data-missing' | 'data-corrupt' | 'invalid-request' | 'backend' | 'backend-choice' | 'storage' | 'model-file' | 'internal';

export type WorkerEvent =
  | {
      type: 'backend';
      name: string;
      detail: string;
      slow: boolean;
      /** The choice in force ('auto' or a name), and why this backend serves it. */
      choice: BackendChoice;
      reason: string;
    }
  /** Every backend's measured rate so far; `measuring` while more are to come. */
  | { type: 'backendRates'; rates: BackendRate[]; measuring: boolean; multiplyAdds: number; batchSize: number }
  /**
   * Run `runId` lost its backend and goes on on another, from the weights of
   * its last finished epoch (`fromEpoch`, 0 = the initial weights): the page
   * drops the batch points after it.
   */
  | { type: 'runResumed'; runId: number; fromEpoch: number; lost: string; backend: string; message: string }
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
      message: string;
    }
  | { type: 'evalProgress'; runId: number; done: number; total: number }
  | ({ type: 'testResult'; runId: number } & TestResult)
  /** Every saved run (newest first), those that could not be read, and the storage's state; after any change. */
  | { type: 'runs'; runs: RunSummary[]; damaged: DamagedRun[]; storage: StorageInfo }
  /** Run `runId` is saved as `savedId`: the run list marks it as the current one. */
  | { type: 'runSaved'; runId: number; savedId: string }
  /** Saved run `run` is now the current model (`runId` on the page); `weights`: the epoch whose weights it has, null when none were kept (an untrained model then). */
  | { type: 'runOpened'; runId: number; run: SavedRun; weights: number | null; message: string }
  | { type: 'savedRuns'; runs: SavedRun[] }
  /** `items` and their pixels (items.length × 784, in [0, 1]); `total`: how many images the cell or the wrong set holds. */
  | { type: 'gallery'; requestId: number; runId: number; cell: { trueClass: number; predClass: number } | null; total: number; items: GalleryItem[]; pixels: Float32Array }
  /** The current model's files: model.json's text (saved as `jsonName`) and the single weights file it names. */
  | { type: 'modelFiles'; jsonName: string; modelJson: string; weightsName: string; weights: ArrayBuffer }
  /** An uploaded model is the current network (`runId`); `studyOnly`: why it cannot train or predict here, else null. */
  | { type: 'modelUploaded'; runId: number; dataset: DatasetId; spec: ModelSpec; studyOnly: string | null; message: string; classNames?: string[] }
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
  /** The explainer could not answer a view (e.g. the picked layer no longer exists): said beside the view. */
  | { type: 'explainError'; requestId: number; kind: Explanation['kind'] | 'maximize'; message: string }
  | { type: 'filterImagesProgress'; requestId: number; layer: number; step: number; steps: number }
  /** What each filter of `layer` responds to most: images [filters, h, w] in [0, 1], and each filter's mean activation on its image. */
  | { type: 'filterImages'; requestId: number; runId: number; at: number; layer: number; filters: number; height: number; width: number; images: Float32Array; activations: Float32Array; cancelled: boolean }
  /** Made by the page's worker client, never by the worker: the worker stopped answering and a new one was started. */
  | { type: 'workerRestarted'; message: string }
  | { type: 'error'; code: ErrorCode; message: string }
  | DrawingsEvent;

/** The typed arrays of an event, to pass as the transfer list of postMessage. */
export function transferablesOf(event: WorkerEvent): Transferable[] {
  switch (event.type) {
    case 'batchMetrics':
      return [event.x.buffer, event.loss.buffer, event.accuracy.buffer];
    case 'testResult':
      return [event.confusion.buffer];
    case 'gallery':
      return [event.pixels.buffer];
    case 'modelFiles':
      return [event.weights];
    case 'inspection':
      return [
        ...(event.probs ? [event.probs.buffer] : []),
        ...(event.activations ?? []).map((a) => a.values.buffer),
        ...(event.kernels ?? []).flatMap((k) => [k.values.buffer, k.bias.buffer]),
      ];
    case 'histograms':
      return event.layers.map((l) => l.counts.buffer);
    case 'testSample':
      return [event.pixels.buffer];
    case 'explanation':
      return explanationBuffers(event.explanation);
    case 'filterImages':
      return [event.images.buffer, event.activations.buffer];
    default:
      return [];
  }
}

function explanationBuffers(e: Explanation): ArrayBuffer[] {
  const arrays: (ArrayBufferView | null)[] = (() => {
    switch (e.kind) {
      case 'pixel': {
        const a = e.arithmetic;
        const parts = a.op === 'conv' ? [a.patch, a.padded, a.kernel, a.products, a.channelSums] : [a.patch];
        return [e.source.values, e.map.values, e.image.values, ...parts];
      }
      case 'im2col':
        return [e.patches, e.kernels, e.product, e.bias];
      case 'handFilters':
        return [e.image.values, ...e.outputs, e.trained?.kernels.values ?? null, e.trained?.maps.values ?? null];
      case 'dense':
        return [e.weights, e.contributions];
      case 'saliency':
        return [e.image.values, e.gradient, e.smoothGrad, e.occlusion];
    }
  })();
  // A buffer may appear once only in a transfer list.
  return [...new Set(arrays.filter((a): a is ArrayBufferView => a !== null).map((a) => a.buffer as ArrayBuffer))];
}
