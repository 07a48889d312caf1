/**
 * Every message between the page and the training worker. Both sides import
 * these types; nothing else crosses the boundary.
 */
import type { DatasetId, TrainSize } from '../data/datasets';
import type { BackendChoice, BackendRate } from '../model/backends';
import type { ModelSpec, OptimizerConfig, TrainConfig } from '../model/types';

/** `training-status` values shown to the user and to tests. */
export type RunStatus = 'idle' | 'loading' | 'training' | 'paused' | 'done' | 'stopped' | 'diverged' | 'error';

export interface TrainRequest {
  runId: number;
  dataset: DatasetId;
  trainSize: TrainSize;
  spec: ModelSpec;
  config: TrainConfig;
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
  /** Fault injection for tests and demonstrations: loses the WebGL context as a crashed GPU driver would. */
  | { type: 'injectFault'; fault: 'loseWebglContext' };

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
export type ErrorCode = 'data-missing' | 'data-corrupt' | 'invalid-request' | 'backend' | 'backend-choice' | 'internal';

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
  | { type: 'testResult'; runId: number; loss: number; accuracy: number; count: number; confusion: Int32Array }
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
  | { type: 'error'; code: ErrorCode; message: string };

/** The typed arrays of an event, to pass as the transfer list of postMessage. */
export function transferablesOf(event: WorkerEvent): Transferable[] {
  switch (event.type) {
    case 'batchMetrics':
      return [event.x.buffer, event.loss.buffer, event.accuracy.buffer];
    case 'testResult':
      return [event.confusion.buffer];
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
    default:
      return [];
  }
}
