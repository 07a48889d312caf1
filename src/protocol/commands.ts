/** What the page asks of the training worker: every command, and the requests they carry. */
import type { DatasetId, TrainSize } from '../data/datasets';
import type { BackendChoice } from '../model/backends';
import type { ModelFormat } from '../model/modelFormat';
import type { ModelSpec, OptimizerConfig, TrainConfig } from '../model/types';
import type { DrawingsCommand, HandwritingMix, OwnClassesData } from './drawings';
import type { ExplainRequest } from './explain';
import type { SavedRunSetup } from './savedRun';

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
  /** The new saved run's name, in the page's language (the user renames it at will); a continued run keeps its own. */
  name?: string;
}

export type Command =
  /**
   * First message: the absolute URL the app is served from, for data files,
   * and the backend choice and cores remembered by the page, so that the
   * first backend started is the chosen one.
   */
  | { type: 'init'; baseUrl: string; backendChoice: BackendChoice; cores: number }
  /** The cores wasm may train on, one worker each (0: every one); a run uses it from its next step. */
  | { type: 'setCores'; cores: number }
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
  | { type: 'injectFault'; fault: 'loseWebglContext' | 'crashWorker' | 'crashHelper' }
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
  /**
   * The current model as files named `<name>`: a Keras 3 `.keras`, a Keras 2
   * `.h5`, or TensorFlow.js Layers files (`<name>.json` naming
   * `<name>.weights.bin`). Answered by `modelFiles`.
   */
  | { type: 'downloadModel'; name: string; format: ModelFormat }
  /**
   * A model file (a Keras `.h5` or `.keras`, or a TensorFlow.js Layers
   * model.json with its weight files) becomes the current network, saved as
   * an imported run; `setup` supplies the dataset and settings it is to be
   * trained with.
   */
  | { type: 'uploadModel'; runId: number; files: { name: string; data: ArrayBuffer }[]; setup: Omit<SavedRunSetup, 'spec'> }
  /**
   * The user is reaching for Open model file: load the HDF5 reader now (h5wasm,
   * about 1 MB compressed), so that the file opens at once when chosen. No answer.
   */
  | { type: 'prepareModelFiles' }
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
