import { DATASET_IDS, type DatasetId } from '../data/datasets';
import { decodeArch, encodeArch, encodeInputShape } from '../model/archParam';
import { sameSpec } from '../model/editSpec';
import { KERAS_OPTIMIZER_DEFAULTS, OPTIMIZER_NAMES } from '../model/optimizerDefaults';
import { fieldError, optimizerForm, type TrainChoices, type TrainForm, type TrainFormField } from '../model/parseTrainForm';
import { PRESETS, type Preset } from '../model/presets';
import type { ModelSpec, OptimizerName } from '../model/types';
import type { TrainSize } from '../data/datasets';

/** The setup a link carries: everything needed to reopen the same network and run. */
export interface UrlSetup extends TrainChoices {
  dataset: DatasetId;
  trainSize: TrainSize;
  form: TrainForm;
  spec: ModelSpec;
  presetId: string | null;
}

/** What a link changes, each part validated. */
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
}

/** The declared schema: query parameter -> form field. */
const FORM_PARAMS: readonly (readonly [string, TrainFormField])[] = [
  ['epochs', 'epochs'], ['batch', 'batchSize'], ['lr', 'learningRate'], ['val', 'validationPercent'], ['seed', 'seed'],
  ['momentum', 'momentum'], ['beta1', 'beta1'], ['beta2', 'beta2'], ['eps', 'epsilon'], ['rho', 'rho'],
  ['patience', 'patience'], ['mindelta', 'minDelta'],
];
const flag = (v: string | null) => (v === '1' ? true : v === '0' ? false : undefined);

/**
 * Reads a link such as `?net=seed-001&dataset=mnist&n=2048&epochs=3&lr=1e-3&es=val_loss&patience=2`
 * or `?arch=conv(32,3,1,same,relu)-maxpool(2,2,valid)-flatten-dense(10,softmax)&input=28x28x1`.
 * A value is applied only when it validates; each one that does not is named
 * in `errors` (shown in the error banner) and the current setting stays.
 */
export function parseUrlConfig(search: string): { patch: UrlPatch; errors: string[] } {
  const q = new URLSearchParams(search);
  const patch: UrlPatch = {};
  const errors: string[] = [];
  const bad = (param: string, value: string, why: string) => errors.push(`Link parameter ${param}="${value}" ignored: ${why}.`);

  const dataset = q.get('dataset');
  if (dataset !== null) {
    if ((DATASET_IDS as string[]).includes(dataset)) patch.dataset = dataset as DatasetId;
    else bad('dataset', dataset, `expected ${DATASET_IDS.join(' or ')}`);
  }
  const n = q.get('n');
  if (n !== null) {
    if (n === 'all') patch.trainSize = 'all';
    else if (/^\d+$/.test(n) && Number(n) >= 1) patch.trainSize = Number(n);
    else bad('n', n, 'expected a whole number of images or "all"');
  }
  const net = q.get('net');
  if (net !== null) {
    if (PRESETS.some((p) => p.id === net)) patch.presetId = net;
    else bad('net', net, `no such network; known: ${PRESETS.map((p) => p.id).join(', ')}`);
  }
  const arch = q.get('arch');
  if (arch !== null) {
    const r = decodeArch(arch, q.get('input'));
    if ('spec' in r) patch.spec = r.spec;
    else errors.push(`The link's architecture was not loaded: ${r.error}. The current network is kept.`);
  }
  const form: Partial<TrainForm> = {};
  for (const [param, field] of FORM_PARAMS) {
    const v = q.get(param);
    if (v === null) continue;
    const e = fieldError(field, v);
    if (e) bad(param, v, e.charAt(0).toLowerCase() + e.slice(1));
    else form[field] = v;
  }
  if (Object.keys(form).length) patch.form = form;
  const opt = q.get('opt');
  if (opt !== null) {
    if ((OPTIMIZER_NAMES as readonly string[]).includes(opt)) patch.optimizer = opt as OptimizerName;
    else bad('opt', opt, `expected one of ${OPTIMIZER_NAMES.join(', ')}`);
  }
  const nesterov = q.get('nesterov');
  if (nesterov !== null) patch.nesterov = flag(nesterov) ?? (bad('nesterov', nesterov, 'expected 0 or 1'), undefined);
  const es = q.get('es');
  if (es !== null) {
    if (es === 'off') patch.earlyStopping = { enabled: false };
    else if (es === 'val_loss' || es === 'val_accuracy') patch.earlyStopping = { enabled: true, monitor: es };
    else bad('es', es, 'expected off, val_loss or val_accuracy');
  }
  const restore = q.get('restore');
  if (restore !== null) {
    const r = flag(restore);
    if (r === undefined) bad('restore', restore, 'expected 0 or 1');
    else patch.earlyStopping = { ...patch.earlyStopping, restoreBestWeights: r };
  }
  return { patch, errors };
}

/**
 * `s` with a preset loaded: its network, dataset (classic nets keep the one
 * chosen), optimizer with its settings, epochs, batch size and early stopping.
 */
export function withPreset<T extends UrlSetup>(s: T, p: Preset): T {
  const es = p.train.earlyStopping;
  return {
    ...s,
    presetId: p.id,
    spec: p.spec,
    dataset: p.dataset ?? s.dataset,
    optimizer: p.train.optimizer.name,
    nesterov: p.train.optimizer.name === 'sgd' && p.train.optimizer.nesterov,
    earlyStopping: es ? { enabled: true, monitor: es.monitor, restoreBestWeights: es.restoreBestWeights } : { ...s.earlyStopping, enabled: false },
    form: {
      ...s.form,
      ...optimizerForm(p.train.optimizer),
      epochs: String(p.train.epochs),
      batchSize: String(p.train.batchSize),
      ...(es ? { patience: String(es.patience), minDelta: String(es.minDelta) } : {}),
    },
  };
}

/**
 * The query string for `s`: only what differs from what the reader will
 * rebuild (the defaults, with the named preset loaded over them), so the
 * plain page has a plain address and every link reopens exactly `s`. A
 * network equal to a preset's is written by name.
 */
export function setupToParams(s: UrlSetup, defaults: UrlSetup): Record<string, string> {
  const p: Record<string, string> = {};
  // `base` follows what parseUrlConfig + applyUrl will rebuild, step by step.
  let base = defaults;
  if (!sameSpec(s.spec, defaults.spec)) {
    const preset = PRESETS.find((x) => sameSpec(x.spec, s.spec));
    if (preset) {
      p.net = preset.id;
      base = withPreset(defaults, preset);
    } else {
      if (s.spec.inputShape.join('x') !== '28x28x1') p.input = encodeInputShape(s.spec.inputShape);
      p.arch = encodeArch(s.spec);
    }
  }
  if (s.dataset !== base.dataset) p.dataset = s.dataset;
  if (s.trainSize !== base.trainSize) p.n = String(s.trainSize);
  if (s.optimizer !== base.optimizer) {
    p.opt = s.optimizer;
    // The reader switches optimizer as the page does: its own Keras defaults, the learning rate kept.
    base = { ...base, form: { ...base.form, ...optimizerForm(KERAS_OPTIMIZER_DEFAULTS[s.optimizer]), learningRate: base.form.learningRate } };
  }
  if (s.nesterov !== base.nesterov) p.nesterov = s.nesterov ? '1' : '0';
  for (const [param, field] of FORM_PARAMS) if (s.form[field] !== base.form[field]) p[param] = s.form[field];
  const es = s.earlyStopping;
  if (es.enabled !== base.earlyStopping.enabled || (es.enabled && es.monitor !== base.earlyStopping.monitor)) p.es = es.enabled ? es.monitor : 'off';
  if (es.restoreBestWeights !== base.earlyStopping.restoreBestWeights) p.restore = es.restoreBestWeights ? '1' : '0';
  return p;
}
