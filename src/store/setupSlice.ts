import type { DatasetId, TrainSize } from '../data/datasets';
import { defaultLayer, insertionIndex, insertLayer, moveLayer, removeLayer, replaceLayer } from '../model/editSpec';
import type { TrainChoices, TrainForm } from '../model/parseTrainForm';
import { PRESETS, type Preset } from '../model/presets';
import { switchOptimizer } from '../model/switchOptimizer';
import type { LayerSpec, LayerType, ModelSpec, OptimizerName } from '../model/types';
import type { SliceCreator } from './appState';
import { DEFAULT_SETUP } from './defaultSetup';
import { isActive } from './selectors';
import { withPreset, type UrlPatch } from './urlConfig';

/** The setup on screen: dataset, hyperparameters as typed, the network. */
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

export interface SetupActions {
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
}

export type SetupSlice = SetupState & SetupActions;

/** Undo keeps this many steps. */
const UNDO_DEPTH = 50;
/** Keystrokes in one field closer together than this are one undo step. */
const UNDO_COALESCE_MS = 1000;

function snapshot(s: SetupState): SetupSnapshot {
  const { dataset, trainSize, form, spec, layerKeys, presetId, optimizer, nesterov, earlyStopping } = s;
  return { dataset, trainSize, form, spec, layerKeys, presetId, optimizer, nesterov, earlyStopping };
}

let nextLayerKey = 1;
const keysFor = (n: number) => Array.from({ length: n }, () => nextLayerKey++);

/** A preset's setup over `s`, with fresh layer keys. */
function presetSetup<T extends SetupState>(p: Preset, s: T): T {
  return { ...withPreset(s, p), layerKeys: keysFor(p.spec.layers.length) };
}

/**
 * The setup and its edits. The network cannot change while a run uses it;
 * every change of the network, a preset and an import can be undone. The
 * worker hears of none of this directly: the inspection request follows the
 * setup by itself (sendInspectRequests).
 */
export const createSetupSlice: SliceCreator<SetupSlice> = () => (set, get) => {
  let lastStep = { key: '', at: 0 };
  /** Saves the setup for Undo; repeated edits of one field (`key`) within a second are one step. */
  const remember = (key = '') => {
    const now = Date.now();
    const same = key !== '' && key === lastStep.key && now - lastStep.at < UNDO_COALESCE_MS;
    lastStep = { key, at: now };
    if (!same) set((s) => ({ undo: [...s.undo.slice(1 - UNDO_DEPTH), snapshot(s)] }));
  };
  /** Applies an edit of the network unless a run is using it. */
  const editSpec = (spec: ModelSpec, layerKeys: readonly number[], undoKey = '') => {
    if (isActive(get().run)) return;
    remember(undoKey);
    set({ spec, layerKeys, presetId: null });
  };
  return {
    ...DEFAULT_SETUP,
    layerKeys: keysFor(DEFAULT_SETUP.spec.layers.length),
    setupError: null,
    undo: [],

    setDataset: (dataset) => set({ dataset }),
    setTrainSize: (trainSize) => set({ trainSize }),
    setField: (field, value) => set((s) => ({ form: { ...s.form, [field]: value } })),
    setOptimizer: (optimizer) => set((s) => switchOptimizer({ optimizer: s.optimizer, form: s.form }, optimizer)),
    setNesterov: (nesterov) => set({ nesterov }),
    setEarlyStopping: (patch) => set((s) => ({ earlyStopping: { ...s.earlyStopping, ...patch } })),
    applyPreset(id) {
      const p = PRESETS.find((x) => x.id === id);
      if (!p || isActive(get().run)) return;
      remember();
      set((s) => presetSetup(p, s));
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
        // The same steps setupToParams expects a reader to take: the preset, then the optimizer switch, then the values.
        const preset = patch.presetId ? PRESETS.find((p) => p.id === patch.presetId) : undefined;
        let base: SetupState = preset ? presetSetup(preset, s) : s;
        if (patch.optimizer) base = switchOptimizer(base, patch.optimizer);
        return {
          dataset: patch.dataset ?? base.dataset,
          trainSize: patch.trainSize ?? base.trainSize,
          spec: patch.spec ?? base.spec,
          layerKeys: patch.spec ? keysFor(patch.spec.layers.length) : base.layerKeys,
          presetId: patch.spec ? null : base.presetId,
          optimizer: base.optimizer,
          nesterov: patch.nesterov ?? base.nesterov,
          earlyStopping: { ...base.earlyStopping, ...patch.earlyStopping },
          form: { ...base.form, ...patch.form },
          setupError: errors.length ? errors.join(' ') : null,
        };
      });
    },
  };
};
