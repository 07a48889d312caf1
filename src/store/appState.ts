import type { StateCreator } from 'zustand';
import type { AugmentConfig } from '../model/augmentConfig';
import type { DrawingSetKind } from '../drawings/drawingSet';
import type { DatasetId, TrainSize } from '../data/datasets';
import type { TrainChoices, TrainForm } from '../model/parseTrainForm';
import type { BackendChoice } from '../model/backends';
import type { AddableLayerType, LayerSpec, ModelSpec, OptimizerName } from '../model/types';
import type { BackendState } from './backend/backendState';
import type { DrawingsState } from './drawings/drawingsState';
import type { ExplainState, ExplainTab } from './explain/explainState';
import type { InspectState } from './inspect/inspectState';
import type { RunState } from './run/runState';
import type { RunsState } from './runs/runsState';
import type { ModelFormat } from '../model/modelFormat';
import type { HandKernel, MapPixel, SavedRunSetup, TrainRequest } from '../protocol';
import type { WorkerClient } from './channel/workerClient';
import type { ViewId } from './view/views';

/*
 * The store's contract: the state and actions of each slice (setupSlice,
 * runSlice, inspectSlice implement them) and the whole they make.
 */

/** The setup a link carries: everything needed to reopen the same network and run. */
export interface UrlSetup extends TrainChoices {
  dataset: DatasetId;
  trainSize: TrainSize;
  form: TrainForm;
  spec: ModelSpec;
  /** The preset the network came from (PRESETS id); null once edited or imported. */
  presetId: string | null;
  /** Augmentation of the training images: each transform on or off, with its strength. */
  augment: AugmentConfig;
}

/** What a link changes, each part validated. */
/** What a link describes: the setup, and the view it opens (the workspace's default view when not given). */
export interface UrlState extends UrlSetup {
  view?: ViewId;
}

export interface UrlPatch {
  dataset?: DatasetId;
  trainSize?: TrainSize;
  /** A preset to load first; the other parameters then override its settings. */
  presetId?: string;
  spec?: ModelSpec;
  form?: Partial<TrainForm>;
  optimizer?: OptimizerName;
  nesterov?: boolean;
  earlyStopping?: Partial<TrainChoices['earlyStopping']>;
  augment?: AugmentConfig;
  view?: ViewId;
}

/** The setup on screen: what a link carries, and what the editor needs besides. */
export interface SetupState extends UrlSetup {
  /** One stable React key per layer of `spec`, so rows keep their focus when layers move. */
  layerKeys: readonly number[];
  /** A problem with something the user brought in (a link, a file): shown in the error banner. */
  setupError: import('../model/message').Message | null;
  /** Earlier setups, newest last, so an edit, a preset or an import never loses a network. */
  undo: readonly SetupSnapshot[];
}

/** What Undo puts back: the network and everything a preset sets. */
export type SetupSnapshot = Pick<
  SetupState,
  'dataset' | 'trainSize' | 'form' | 'spec' | 'layerKeys' | 'presetId' | 'optimizer' | 'nesterov' | 'earlyStopping' | 'augment'
>;

export interface SetupActions {
  setDataset(id: DatasetId): void;
  setTrainSize(size: TrainSize): void;
  setField(field: keyof TrainForm, value: string): void;
  /** Switches optimizer and puts its own parameters at Keras's defaults (the learning rate stays). */
  setOptimizer(optimizer: OptimizerName): void;
  setNesterov(on: boolean): void;
  setEarlyStopping(patch: Partial<TrainChoices['earlyStopping']>): void;
  setAugment(augment: AugmentConfig): void;
  /** Loads a preset's network with its dataset, optimizer, batch size, epochs and early stopping. */
  applyPreset(id: string): void;
  setInputShape(shape: ModelSpec['inputShape']): void;
  addLayer(type: AddableLayerType): void;
  updateLayer(index: number, layer: LayerSpec): void;
  removeLayer(index: number): void;
  moveLayer(from: number, to: number): void;
  /** Puts back the setup before the last edit of the network, preset or import. */
  undoSetup(): void;
  /** Loads a saved run's network, data and settings (Undo puts back the setup before). */
  loadSetup(setup: SavedRunSetup): void;
  /** Replaces the network (an imported file); `error` instead reports why it could not be read. */
  importSpec(result: { spec: ModelSpec } | { error: import('../model/message').Message }): void;
  /** Applies a link's setup; `errors` name the parameters that were ignored. */
  applyUrl(patch: UrlPatch, errors: readonly import('../model/message').Message[]): void;
}

export type SetupSlice = SetupState & SetupActions;

export interface RunActions {
  /** Starts a run of the setup on screen, if it can train and none is running. */
  train(): void;
  pause(): void;
  resume(): void;
  stop(): void;
  /** Sends the learning-rate field to the run in progress; it applies from the next batch. */
  applyLearningRate(): void;
  /** Tests the current model on the whole test set. */
  evaluate(): void;
  dismissError(): void;
}

export interface RunSlice extends RunActions {
  run: RunState;
}

export interface InspectActions {
  /** Feeds pixels (28×28, [0, 1]) made on the page, drawn or uploaded, to the live model; null clears the input. */
  setInput(pixels: Float32Array | null): void;
  /** Makes test image `index` (wrapped) of the model's dataset the input; the worker reads it itself. */
  showTestSample(index: number): void;
  setPanelVisible(panel: keyof InspectState['visible'], visible: boolean): void;
}

export interface InspectSlice extends InspectActions {
  inspect: InspectState;
}

export interface BackendActions {
  /** Trains on `choice` from the next run on ('auto': the fastest measured), and remembers it in this browser. */
  chooseBackend(choice: BackendChoice): void;
  /** Trains on wasm with this many cores from the next step on (0: every one), and remembers it in this browser. */
  chooseCores(cores: number): void;
}

export interface BackendSlice extends BackendActions {
  backend: BackendState;
}

export interface RunsActions {
  /**
   * Makes saved run `id` the current model (its latest weights), with its
   * history on the charts and (unless `adoptSetup` is false) its setup in the editor.
   */
  openRun(id: string, options?: { adoptSetup?: boolean }): void;
  renameRun(id: string, name: string): void;
  pinRun(id: string, pinned: boolean): void;
  deleteRun(id: string): void;
  /** Adds a run to the comparison (at most MAX_COMPARE), or takes it out. */
  toggleCompare(id: string): void;
  /**
   * Trains saved run `id` for `epochs` more epochs from its latest weights;
   * `extra.mix` fine-tunes it on the user's handwriting. A run on the user's
   * classes takes the drawings on screen.
   */
  continueRun(id: string, epochs: number, extra?: Pick<TrainRequest, 'mix'>): void;
  /** Shows one confusion cell's test images, or (null) the most confidently wrong ones. */
  showGallery(cell: { trueClass: number; predClass: number } | null): void;
  closeGallery(): void;
  /** Downloads the current model as TensorFlow.js Layers files. */
  downloadModel(format: ModelFormat): void;
  /** Reads a model.json and its weight files; the model becomes the current network. */
  uploadModel(files: readonly File[]): Promise<void>;
  /** The pointer or focus is on Open model file: the worker loads its file readers before the file is chosen (once). */
  prepareModelFiles(): void;
}

export interface RunsSlice extends RunsActions {
  runs: RunsState;
}

export interface ExplainActions {
  setExplainTab(tab: ExplainTab): void;
  setExplainVisible(visible: boolean): void;
  /** Picks a feature-map pixel to explain (and opens a view of it unless one is open). */
  pickPixel(pixel: MapPixel): void;
  pickDense(dense: { layer: number; unit: number }): void;
  /** The class saliency explains; null: the top class. */
  setSaliencyClass(classIndex: number | null): void;
  setHandKernels(kernels: HandKernel[]): void;
  /** What every filter of spec layer `layer` responds to most: computed in the worker, with progress. */
  maximizeFilters(layer: number): void;
  cancelMaximize(): void;
  /** Another network: picks, answers and filter images of the old one go (they would point at layers it no longer has). */
  forgetExplanations(): void;
}

export interface ExplainSlice extends ExplainActions {
  explain: ExplainState;
}

export interface DrawingsActions {
  /** Reads the drawings kept in this browser (once, at start). */
  loadDrawings(): Promise<void>;
  /** Adds the current input (a drawing or an upload, not a test image) to class `label` of set `kind`. */
  addDrawing(kind: DrawingSetKind, label: number): void;
  /**
   * Adds uploaded images (already preprocessed; null: could not be read, with
   * why) to the class that was class `label`, named `className`, when the files
   * were chosen (files are read asynchronously: a class removed or renamed
   * meanwhile is found by name, or nothing is added); says what was added and what was not.
   */
  addImages(kind: DrawingSetKind, label: number, className: string, images: readonly { name: string; pixels: Float32Array | null; problem?: import('../model/message').MessageValue }[]): void;
  removeDrawing(kind: DrawingSetKind, id: string): void;
  addClass(): void;
  removeClass(index: number): void;
  renameClass(index: number, name: string): void;
  /** Merges a drawings file into the set of its kind; a bad file leaves everything as it was and says why. */
  importDrawings(text: string, fileName: string): void;
  setFineTuneField(patch: Partial<DrawingsState['fineTuneForm']>): void;
  /** Continues the current MNIST model with the handwriting mixed into every batch, measuring the held-out drawings. */
  fineTune(): void;
  /** Asks the worker for augmented variants of a few training images with the settings on screen. */
  requestAugmentPreview(): void;
  /** What the preview shows changed: an answer to an earlier request is no longer shown. */
  outdateAugmentPreview(): void;
  dismissDrawingsMessage(): void;
}

export interface DrawingsSlice extends DrawingsActions {
  drawings: DrawingsState;
}

export interface ViewSlice {
  /** The workspace's view on screen. */
  view: ViewId;
  showView(view: ViewId): void;
}

/** The whole store: the setup on screen, the run, what the inspection panels show, the backends, the saved runs, the explainer, the user's drawings and the view on screen. */
export type AppState = SetupSlice & RunSlice & InspectSlice & BackendSlice & RunsSlice & ExplainSlice & DrawingsSlice & ViewSlice;

/**
 * One slice of the store (zustand's slices pattern): its state and its
 * actions, over the whole store's `set` and `get`. Commands go through
 * `worker`, the real client or a fake in tests.
 */
export type SliceCreator<Slice> = (worker: WorkerClient) => StateCreator<AppState, [], [], Slice>;
