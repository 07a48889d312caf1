import { create } from 'zustand';
import { DATASETS, type DatasetId } from '../data/datasets';
import { parseTrainForm, type TrainForm, type TrainFormErrors, type TrainFormValues } from '../model/parseTrainForm';
import { DEFAULT_PRESET_ID, DEFAULT_TRAIN_CONFIG, PRESETS, SEED_002_SPEC } from '../model/presets';
import type { ModelSpec, OptimizerName } from '../model/types';
import type { WorkerClient } from '../worker/client';
import type { TrainSize } from '../worker/protocol';
import { INITIAL_INSPECT_STATE, type InputSource, type InspectState } from './inspectState';
import { INITIAL_RUN_STATE, startRun, type RunState } from './runState';
import type { UrlConfig } from './urlConfig';

export interface SetupState {
  dataset: DatasetId;
  trainSize: TrainSize;
  form: TrainForm;
  spec: ModelSpec;
  optimizer: OptimizerName;
  /** The tutorial network chosen (PRESETS id). */
  presetId: string;
}

export interface Actions {
  setDataset(id: DatasetId): void;
  setTrainSize(size: TrainSize): void;
  setField(field: keyof TrainForm, value: string): void;
  setOptimizer(optimizer: OptimizerName): void;
  /** Loads a tutorial's network with its dataset, optimizer, learning rate, batch size and epochs. */
  applyPreset(id: string): void;
  train(): void;
  pause(): void;
  resume(): void;
  stop(): void;
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
  learningRate: String(DEFAULT_TRAIN_CONFIG.learningRate),
  validationPercent: String(DEFAULT_TRAIN_CONFIG.validationSplit * 100),
};

let client: WorkerClient | null = null;

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

/** Validation of the current form, for the inline messages and the Train button. */
export function checkSetup(s: Pick<SetupState, 'dataset' | 'trainSize' | 'form'>): { values?: TrainFormValues; errors: TrainFormErrors } {
  return parseTrainForm(s.form, imagesFor(s.dataset, s.trainSize));
}

const ACTIVE = new Set(['loading', 'training', 'paused']);
export const isActive = (s: RunState) => ACTIVE.has(s.status);

export const useAppStore = create<AppState>()((set, get) => ({
  dataset: 'mnist',
  trainSize: 'all',
  form: DEFAULT_FORM,
  spec: SEED_002_SPEC,
  optimizer: DEFAULT_TRAIN_CONFIG.optimizer,
  presetId: DEFAULT_PRESET_ID,
  run: INITIAL_RUN_STATE,
  inspect: INITIAL_INSPECT_STATE,

  setDataset: (dataset) => set({ dataset }),
  setTrainSize: (trainSize) => set({ trainSize }),
  setField: (field, value) => set((s) => ({ form: { ...s.form, [field]: value } })),
  setOptimizer: (optimizer) => set({ optimizer }),
  applyPreset(id) {
    const p = PRESETS.find((x) => x.id === id);
    if (!p || isActive(get().run)) return;
    set((s) => ({
      presetId: p.id,
      spec: p.spec,
      dataset: p.dataset,
      optimizer: p.train.optimizer,
      form: { ...s.form, epochs: String(p.train.epochs), batchSize: String(p.train.batchSize), learningRate: String(p.train.learningRate) },
    }));
    sendInspect(); // the untrained preview follows the new network
  },

  train() {
    const s = get();
    const { values } = checkSetup(s);
    if (!values || isActive(s.run) || !client) return;
    const runId = s.run.runId + 1;
    // The old model's snapshots go: the new one sends its own as soon as it is built.
    set({
      run: startRun(s.run, runId, s.dataset, s.spec),
      inspect: { ...s.inspect, histograms: [], probs: null, activations: null, kernels: null, trained: false, at: 0 },
    });
    client.send({
      type: 'train',
      request: {
        runId,
        dataset: s.dataset,
        trainSize: s.trainSize,
        spec: s.spec,
        config: { ...DEFAULT_TRAIN_CONFIG, ...values, optimizer: s.optimizer },
      },
    });
  },
  pause: () => client?.send({ type: 'pause' }),
  resume: () => client?.send({ type: 'resume' }),
  stop: () => client?.send({ type: 'stop' }),
  evaluate() {
    client?.send({ type: 'evaluate' });
    set((s) => ({ run: { ...s.run, test: null, evaluation: { done: 0, total: DATASETS[modelDataset(s)].testCount } } }));
  },
  dismissError: () => set((s) => ({ run: { ...s.run, error: null } })),

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
}));

/** Tells the worker what to look at; it answers with an `inspection` event. */
function sendInspect(): void {
  const { inspect, spec } = useAppStore.getState();
  client?.send({
    type: 'inspect',
    request: {
      requestId: inspect.requestId,
      input: inspect.input,
      spec,
      // The filters panel shows a filter beside its feature map, so it needs activations too.
      want: { activations: inspect.visible.featureMaps || inspect.visible.filters, filters: inspect.visible.filters },
    },
  });
}

/** Applies a link's setup over the defaults (validated fields only). */
export function applyUrlConfig(c: UrlConfig): void {
  useAppStore.setState((s) => ({
    dataset: c.dataset ?? s.dataset,
    trainSize: c.trainSize ?? s.trainSize,
    form: { ...s.form, ...c.form },
  }));
}
