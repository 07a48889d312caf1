import { defaultLayer, insertionIndex, insertLayer, moveLayer, removeLayer, replaceLayer } from '../../model/editSpec';
import { message, type Message } from '../../model/message';
import { PRESETS, type Preset } from '../../model/presets';
import { switchOptimizer } from '../../model/switchOptimizer';
import type { ModelSpec } from '../../model/types';
import type { SetupSlice, SetupSnapshot, SetupState, SliceCreator } from '../appState';
import { DEFAULT_SETUP } from './defaultSetup';
import { isActive } from '../selectors';
import { withSavedSetup } from './withSavedSetup';
import { withDataset } from './withDataset';
import { withPreset } from './withPreset';

/** Undo keeps this many steps. */
const UNDO_DEPTH = 50;
/** Keystrokes in one field closer together than this are one undo step. */
const UNDO_COALESCE_MS = 1000;

function snapshot(s: SetupState): SetupSnapshot {
  const { dataset, trainSize, form, spec, layerKeys, presetId, optimizer, nesterov, earlyStopping, augment } = s;
  return { dataset, trainSize, form, spec, layerKeys, presetId, optimizer, nesterov, earlyStopping, augment };
}

let nextLayerKey = 1;
const keysFor = (n: number) => Array.from({ length: n }, () => nextLayerKey++);

/** Several messages as one, in order, a space between (a link's problems, shown together); null for none. */
const joined = (ms: readonly Message[]): Message | null =>
  ms.length === 0 ? null : ms.slice(1).reduce((first, second) => message('common:join', { first, second }), ms[0]);

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

    setDataset(dataset) {
      const s = get();
      if (dataset === s.dataset) return;
      if (isActive(s.run)) {
        set({ dataset });
        return;
      }
      remember();
      set(withDataset(s, dataset));
    },
    setTrainSize: (trainSize) => set({ trainSize }),
    setField: (field, value) => set((s) => ({ form: { ...s.form, [field]: value } })),
    setOptimizer: (optimizer) => set((s) => switchOptimizer({ optimizer: s.optimizer, form: s.form }, optimizer)),
    setNesterov: (nesterov) => set({ nesterov }),
    setEarlyStopping: (patch) => set((s) => ({ earlyStopping: { ...s.earlyStopping, ...patch } })),
    setAugment: (augment) => set({ augment }),
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
    loadSetup(setup) {
      if (isActive(get().run)) return;
      remember();
      set((s) => ({ ...withSavedSetup(s, setup), layerKeys: keysFor(setup.spec.layers.length) }));
    },
    importSpec(result) {
      if ('error' in result) {
        set({ setupError: message('setup:import.failed', { reason: result.error }) });
        return;
      }
      if (isActive(get().run)) {
        set({ setupError: message('setup:import.whileRunning') });
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
          augment: patch.augment ?? base.augment,
          form: { ...base.form, ...patch.form },
          // A link into a view opens it.
          view: patch.view ?? s.view,
          setupError: joined(errors),
        };
      });
    },
  };
};
