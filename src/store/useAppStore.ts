import { create } from 'zustand';
import { DATASETS, type DatasetId } from '../data/datasets';
import { checkNetwork, type NetworkCheck } from '../model/checkNetwork';
import { defaultLayer, insertionIndex, insertLayer, moveLayer, removeLayer, replaceLayer } from '../model/editSpec';
import { KERAS_OPTIMIZER_DEFAULTS } from '../model/optimizerDefaults';
import { fieldError, optimizerForm, parseTrainForm, type TrainChoices, type TrainForm, type TrainFormErrors } from '../model/parseTrainForm';
import { DEFAULT_PRESET_ID, DEFAULT_TRAIN_CONFIG, PRESETS, type Preset } from '../model/presets';
import type { LayerSpec, LayerType, ModelSpec, OptimizerName, TrainConfig } from '../model/types';
import type { WorkerClient } from './workerClient';
import type { TrainSize } from '../data/datasets';
import { INITIAL_INSPECT_STATE, type InputSource, type InspectState } from './inspectState';
import { INITIAL_RUN_STATE, startRun, type RunState } from './runState';
import { withPreset, type UrlPatch, type UrlSetup } from './urlConfig';

export interface SetupState extends TrainChoices {
  dataset: DatasetId;
  trainSize: TrainSize;
  form: TrainForm;
  spec: ModelSpec;
  /** One stable React key per layer of `spec`, so rows keep their focus when layers move. */
  layerKeys: readonly number[];
  /** The preset the network came from (PRESETS id); null once edited or imported. */
  presetId: string | null;
  /** A problem with something the user brought in (a link, a file): shown in the error banner. */
  setupError: string | null;
  /** Earlier setups, newest last, so an edit, a preset or an import never loses a network. */
  undo: readonly SetupSnapshot[];
}

/** What Undo puts back: the network and everything a preset sets. */
export type SetupSnapshot = Pick<
  SetupState,
  'dataset' | 'trainSize' | 'form' | 'spec' | 'layerKeys' | 'presetId' | 'optimizer' | 'nesterov' | 'earlyStopping'
>;

/** Undo keeps this many steps. */
const UNDO_DEPTH = 50;
/** Keystrokes in one field closer together than this are one undo step. */
const UNDO_COALESCE_MS = 1000;

function snapshot(s: SetupState): SetupSnapshot {
  const { dataset, trainSize, form, spec, layerKeys, presetId, optimizer, nesterov, earlyStopping } = s;
  return { dataset, trainSize, form, spec, layerKeys, presetId, optimizer, nesterov, earlyStopping };
}

export interface Actions {
  setDataset(id: DatasetId): void;
  setTrainSize(size: TrainSize): void;
  setField(field: keyof TrainForm, value: string): void;
  /** Switches optimizer and puts its own parameters at Keras's defaults (the learning rate stays). */
  setOptimizer(optimizer: OptimizerName): void;
  setNesterov(on: boolean): void;
  setEarlyStopping(patch: Partial<TrainChoices['earlyStopping']>): void;
  /** Loads a preset's network with its dataset, optimizer, batch size, epochs and early stopping. */
  applyPreset(id: string): void;
  setInputShape(shape: ModelSpec['inputShape']): void;
  addLayer(type: LayerType): void;
  updateLayer(index: number, layer: LayerSpec): void;
  removeLayer(index: number): void;
  moveLayer(from: number, to: number): void;
  /** Puts back the setup before the last edit of the network, preset or import. */
  undoSetup(): void;
  /** Replaces the network (an imported file); `error` instead reports why it could not be read. */
  importSpec(result: { spec: ModelSpec } | { error: string }): void;
  /** Applies a link's setup; `errors` name the parameters that were ignored. */
  applyUrl(patch: UrlPatch, errors: readonly string[]): void;
  train(): void;
  pause(): void;
  resume(): void;
  stop(): void;
  /** Sends the learning-rate field to the run in progress; it applies from the next batch. */
  applyLearningRate(): void;
  evaluate(): void;
  dismissError(): void;
  /** Feeds an image (28×28, [0, 1]) to the live model; null clears it. */
  setInput(input: Float32Array | null, source: InputSource, testSample?: { index: number; label: number }): void;
  /** Loads test image `index` of the current dataset as the input. */
  showTestSample(index: number): void;
  setPanelVisible(panel: keyof InspectState['visible'], visible: boolean): void;
}

export type AppState = SetupState & { run: RunState; inspect: InspectState } & Actions;

const DEFAULT_FORM: TrainForm = {
  epochs: String(DEFAULT_TRAIN_CONFIG.epochs),
  batchSize: String(DEFAULT_TRAIN_CONFIG.batchSize),
  learningRate: '',
  validationPercent: String(DEFAULT_TRAIN_CONFIG.validationSplit * 100),
  seed: String(DEFAULT_TRAIN_CONFIG.seed),
  momentum: '0',
  beta1: '0.9',
  beta2: '0.999',
  epsilon: '1e-7',
  rho: '0.9',
  patience: '3',
  minDelta: '0',
  ...optimizerForm(DEFAULT_TRAIN_CONFIG.optimizer),
};

const DEFAULT_PRESET = PRESETS.find((p) => p.id === DEFAULT_PRESET_ID) as Preset;

/** The setup a fresh page starts from; links record only what differs from it. */
export const DEFAULT_SETUP: UrlSetup = {
  dataset: 'mnist',
  trainSize: 'all',
  form: DEFAULT_FORM,
  spec: DEFAULT_PRESET.spec,
  presetId: DEFAULT_PRESET_ID,
  optimizer: DEFAULT_TRAIN_CONFIG.optimizer.name,
  nesterov: false,
  earlyStopping: { enabled: false, monitor: 'val_loss', restoreBestWeights: true },
};

let client: WorkerClient | null = null;
let nextLayerKey = 1;
const keysFor = (n: number) => Array.from({ length: n }, () => nextLayerKey++);

/**
 * Connects the store's commands to the worker (once, from main.tsx) and asks for
 * a first inspection, so the filters show before any input or training (later
 * requests follow input and panel-visibility changes only).
 */
export function connectWorker(c: WorkerClient): void {
  client = c;
  sendInspect();
}

/** How many images a training-set size choice gives for a dataset. */
export function imagesFor(dataset: DatasetId, size: TrainSize): number {
  const total = DATASETS[dataset].trainCount;
  return size === 'all' ? total : Math.min(size, total);
}

/** The dataset the model in the worker knows: the last run's, else the one selected. */
export function modelDataset(s: Pick<AppState, 'dataset' | 'run'>): DatasetId {
  return s.run.dataset ?? s.dataset;
}

/** The network of the model in the worker: the last run's, else the one set up (its untrained preview). */
export function modelSpec(s: Pick<AppState, 'spec' | 'run'>): ModelSpec {
  return s.run.spec ?? s.spec;
}

/** Validation of the hyperparameter fields, for the inline messages and the Train button. */
export function checkSetup(s: Pick<SetupState, 'dataset' | 'trainSize' | 'form' | 'optimizer' | 'nesterov' | 'earlyStopping'>): {
  values?: TrainConfig;
  errors: TrainFormErrors;
} {
  return parseTrainForm(s.form, s, imagesFor(s.dataset, s.trainSize));
}

let lastCheck: { spec: ModelSpec; dataset: DatasetId; check: NetworkCheck } | null = null;

/**
 * Shapes, parameters and trainability of the network set up, on the dataset
 * chosen. Several selectors ask on every store update (a metrics tick too):
 * the last answer is kept for the same spec object and dataset.
 */
export function checkSpec(spec: ModelSpec, dataset: DatasetId): NetworkCheck {
  if (lastCheck?.spec === spec && lastCheck.dataset === dataset) return lastCheck.check;
  const d = DATASETS[dataset];
  const check = checkNetwork(spec, { label: d.label, inputShape: [d.rows, d.cols, 1], numClasses: d.classNames.length });
  lastCheck = { spec, dataset, check };
  return check;
}

/** Why Train is disabled (the first reason), or null. */
export function trainBlocker(s: AppState): string | null {
  const { errors } = checkSetup(s);
  const first = Object.values(errors)[0];
  if (first) return `Fix the highlighted field: ${first}`;
  return checkSpec(s.spec, s.dataset).cannotTrain ?? null;
}

const ACTIVE = new Set(['loading', 'training', 'paused']);
export const isActive = (s: RunState) => ACTIVE.has(s.status);

/** A preset's setup over `s`, with fresh layer keys. */
function presetSetup(p: Preset, s: SetupState): SetupState {
  return { ...withPreset(s, p), layerKeys: keysFor(p.spec.layers.length) };
}

export const useAppStore = create<AppState>()((set, get) => {
  let lastStep = { key: '', at: 0 };
  /** Saves the setup for Undo; repeated edits of one field (`key`) within a second are one step. */
  const remember = (key = '') => {
    const now = Date.now();
    const same = key !== '' && key === lastStep.key && now - lastStep.at < UNDO_COALESCE_MS;
    lastStep = { key, at: now };
    if (!same) set((s) => ({ undo: [...s.undo.slice(1 - UNDO_DEPTH), snapshot(s)] }));
  };
  /** Applies an edit of the network unless a run is using it; the preview model follows. */
  const editSpec = (spec: ModelSpec, layerKeys: readonly number[], undoKey = '') => {
    if (isActive(get().run)) return;
    remember(undoKey);
    set({ spec, layerKeys, presetId: null });
    sendInspect();
  };
  return {
    ...DEFAULT_SETUP,
    layerKeys: keysFor(DEFAULT_SETUP.spec.layers.length),
    setupError: null,
    undo: [],
    run: INITIAL_RUN_STATE,
    inspect: INITIAL_INSPECT_STATE,

    setDataset: (dataset) => set({ dataset }),
    setTrainSize: (trainSize) => set({ trainSize }),
    setField: (field, value) => set((s) => ({ form: { ...s.form, [field]: value } })),
    setOptimizer: (optimizer) =>
      set((s) => ({ optimizer, form: { ...s.form, ...optimizerForm(KERAS_OPTIMIZER_DEFAULTS[optimizer]), learningRate: s.form.learningRate } })),
    setNesterov: (nesterov) => set({ nesterov }),
    setEarlyStopping: (patch) => set((s) => ({ earlyStopping: { ...s.earlyStopping, ...patch } })),
    applyPreset(id) {
      const p = PRESETS.find((x) => x.id === id);
      if (!p || isActive(get().run)) return;
      remember();
      set((s) => presetSetup(p, s));
      sendInspect(); // the untrained preview follows the new network
    },

    setInputShape: (inputShape) => editSpec({ ...get().spec, inputShape }, get().layerKeys, 'input'),
    addLayer(type) {
      const { spec, layerKeys } = get();
      const at = insertionIndex(spec, type);
      editSpec(insertLayer(spec, at, defaultLayer(type)), [...layerKeys.slice(0, at), ...keysFor(1), ...layerKeys.slice(at)]);
    },
    updateLayer: (index, layer) => editSpec(replaceLayer(get().spec, index, layer), get().layerKeys, `layer ${get().layerKeys[index]}`),
    removeLayer: (index) => editSpec(removeLayer(get().spec, index), get().layerKeys.filter((_, i) => i !== index)),
    moveLayer(from, to) {
      const { spec, layerKeys } = get();
      const keys = layerKeys.slice();
      const [k] = keys.splice(from, 1);
      keys.splice(Math.max(0, Math.min(keys.length, to)), 0, k);
      editSpec(moveLayer(spec, from, to), keys);
    },
    undoSetup() {
      const { undo, run } = get();
      const last = undo[undo.length - 1];
      if (!last || isActive(run)) return;
      lastStep = { key: '', at: 0 };
      set({ ...last, undo: undo.slice(0, -1) });
      sendInspect();
    },
    importSpec(result) {
      if ('error' in result) {
        set({ setupError: `The file was not imported: ${result.error}. The current network is kept.` });
        return;
      }
      if (isActive(get().run)) {
        set({ setupError: 'Stop the run before importing a network: it is training the current one.' });
        return;
      }
      editSpec(result.spec, keysFor(result.spec.layers.length));
      set({ setupError: null });
    },
    applyUrl(patch, errors) {
      set((s) => {
        const preset = patch.presetId ? PRESETS.find((p) => p.id === patch.presetId) : undefined;
        const base = preset ? presetSetup(preset, s) : s;
        const optimizer = patch.optimizer ?? base.optimizer;
        const newOptimizer = patch.optimizer && patch.optimizer !== base.optimizer ? optimizerForm(KERAS_OPTIMIZER_DEFAULTS[optimizer]) : {};
        return {
          ...base,
          dataset: patch.dataset ?? base.dataset,
          trainSize: patch.trainSize ?? base.trainSize,
          ...(patch.spec ? { spec: patch.spec, layerKeys: keysFor(patch.spec.layers.length), presetId: null } : {}),
          optimizer,
          nesterov: patch.nesterov ?? base.nesterov,
          earlyStopping: { ...base.earlyStopping, ...patch.earlyStopping },
          form: { ...base.form, ...newOptimizer, learningRate: base.form.learningRate, ...patch.form },
          setupError: errors.length ? errors.join(' ') : null,
        };
      });
      sendInspect();
    },

    train() {
      const s = get();
      const { values } = checkSetup(s);
      if (!values || trainBlocker(s) || isActive(s.run) || !client) return;
      const runId = s.run.runId + 1;
      // The old model's snapshots go: the new one sends its own as soon as it is built.
      set({
        run: startRun(s.run, runId, s.dataset, s.spec, values),
        inspect: { ...s.inspect, histograms: [], probs: null, activations: null, kernels: null, trained: false, at: 0 },
      });
      client.send({ type: 'train', request: { runId, dataset: s.dataset, trainSize: s.trainSize, spec: s.spec, config: values } });
    },
    pause: () => client?.send({ type: 'pause' }),
    resume: () => client?.send({ type: 'resume' }),
    stop: () => client?.send({ type: 'stop' }),
    applyLearningRate() {
      const s = get();
      const raw = s.form.learningRate;
      if ((s.run.status !== 'training' && s.run.status !== 'paused') || fieldError('learningRate', raw)) return;
      client?.send({ type: 'setLearningRate', runId: s.run.runId, learningRate: Number(raw) });
      set({ run: { ...s.run, pendingLearningRate: Number(raw) } });
    },
    evaluate() {
      client?.send({ type: 'evaluate' });
      set((s) => ({ run: { ...s.run, test: null, evaluation: { done: 0, total: DATASETS[modelDataset(s)].testCount } } }));
    },
    dismissError: () => set((s) => ({ setupError: null, run: { ...s.run, error: null } })),

    setInput(input, source, testSample) {
      set((s) => ({ inspect: { ...s.inspect, input, source, testSample: testSample ?? null, requestId: s.inspect.requestId + 1 } }));
      sendInspect();
    },
    showTestSample(index) {
      client?.send({ type: 'testSample', dataset: modelDataset(get()), index });
    },
    setPanelVisible(panel, visible) {
      const s = get();
      if (s.inspect.visible[panel] === visible) return;
      set({ inspect: { ...s.inspect, visible: { ...s.inspect.visible, [panel]: visible }, requestId: s.inspect.requestId + 1 } });
      sendInspect();
    },
  };
});

/**
 * Tells the worker what to look at; it answers with an `inspection` event.
 * Before any run the worker previews the network set up, untrained: only a
 * network it could train (28×28×1 in, the dataset's classes out) is sent.
 */
function sendInspect(): void {
  const s = useAppStore.getState();
  const { inspect } = s;
  // Only a network the worker could train may be built as the preview: an edited,
  // invalid or full-size classic one is not (the worker ignores `spec` once it has a model).
  const previewable = checkSpec(s.spec, s.dataset).cannotTrain === undefined;
  client?.send({
    type: 'inspect',
    request: {
      requestId: inspect.requestId,
      input: inspect.input,
      spec: previewable ? s.spec : null,
      // The filters panel shows a filter beside its feature map, so it needs activations too.
      want: { activations: inspect.visible.featureMaps || inspect.visible.filters, filters: inspect.visible.filters },
    },
  });
}
