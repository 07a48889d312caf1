import { useShallow } from 'zustand/react/shallow';
import { DATASET_IDS, DATASETS, type DatasetId } from '../../data/datasets';
import { OPTIMIZERS } from '../../model/optimizerDefaults';
import { fieldError, OPTIMIZER_FIELDS, trainingImages, type TrainFormField } from '../../model/parseTrainForm';
import { PRESETS } from '../../model/presets';
import type { Monitor, OptimizerName } from '../../model/types';
import { checkSetup, imageCount, isActive, TRAIN_SIZES } from '../../store/selectors';
import { useAppStore } from '../../store/useAppStore';
import type { TrainSize } from '../../data/datasets';
import { formatCount } from '../format';
import { TextField } from './TextField';

const SIZES: readonly TrainSize[] = [...TRAIN_SIZES, 'all'];

/** Label, testid and hint of each typed field. */
const FIELD_INFO: Record<TrainFormField, { label: string; testId: string; hint: string; inputMode?: 'numeric' }> = {
  epochs: { label: 'Epochs', testId: 'epochs-input', hint: 'passes over the training images', inputMode: 'numeric' },
  batchSize: { label: 'Batch size', testId: 'batch-size-input', hint: 'images per step (Keras default 32)', inputMode: 'numeric' },
  learningRate: { label: 'Learning rate', testId: 'learning-rate-input', hint: 'Keras defaults: SGD 0.01, the others 0.001' },
  validationPercent: { label: 'Validation %', testId: 'validation-input', hint: 'held out, stratified by class' },
  seed: { label: 'Seed', testId: 'seed-input', hint: 'weights, dropout, split and shuffling: same seed, same first epoch', inputMode: 'numeric' },
  momentum: { label: 'Momentum', testId: 'momentum-input', hint: '0 = plain SGD; 0.9 is usual' },
  beta1: { label: 'β₁', testId: 'beta1-input', hint: '1st-moment decay' },
  beta2: { label: 'β₂', testId: 'beta2-input', hint: '2nd-moment decay' },
  epsilon: { label: 'ε', testId: 'epsilon-input', hint: 'Keras default 1e-7' },
  rho: { label: 'ρ', testId: 'rho-input', hint: 'decay of the squared-gradient average' },
  patience: { label: 'Patience', testId: 'patience-input', hint: 'epochs without improvement', inputMode: 'numeric' },
  minDelta: { label: 'min_delta', testId: 'min-delta-input', hint: 'smallest change that counts' },
};

/** Dataset, training-set size and hyperparameters, with inline validation. */
export function SetupPanel() {
  const s = useAppStore(
    useShallow((x) => ({
      dataset: x.dataset, trainSize: x.trainSize, form: x.form, presetId: x.presetId, optimizer: x.optimizer,
      nesterov: x.nesterov, earlyStopping: x.earlyStopping, augment: x.augment, classes: x.drawings.classes,
    })),
  );
  const a = useAppStore(
    useShallow((x) => ({
      setDataset: x.setDataset, setTrainSize: x.setTrainSize, setField: x.setField, applyPreset: x.applyPreset,
      setOptimizer: x.setOptimizer, setNesterov: x.setNesterov, setEarlyStopping: x.setEarlyStopping, applyLearningRate: x.applyLearningRate,
    })),
  );
  const run = useAppStore(
    useShallow((x) => ({ active: isActive(x.run), status: x.run.status, learningRate: x.run.learningRate, pending: x.run.pendingLearningRate })),
  );
  const { active } = run;
  // The worker takes a new rate only once the run's model exists: not while its data loads.
  const canApply = run.status === 'training' || run.status === 'paused';
  const preset = PRESETS.find((p) => p.id === s.presetId);
  const view = { ...s, drawings: { classes: s.classes } };
  const { errors, values } = checkSetup(view);
  const images = imageCount(view);
  const sizes = s.dataset === 'own' ? ['all' as const] : SIZES.includes(s.trainSize) ? SIZES : [...SIZES.slice(0, -1), s.trainSize, 'all' as const];
  const split = values ? values.validationSplit : 0;
  const es = s.earlyStopping;

  const field = (f: TrainFormField, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField
      key={f}
      id={`field-${f}`}
      {...FIELD_INFO[f]}
      value={s.form[f]}
      error={errors[f]}
      disabled={active}
      onChange={(v) => a.setField(f, v)}
      {...extra}
    />
  );

  // During a run only the learning rate stays editable: Apply (or Enter) sends it to the next batch.
  const lrError = active ? fieldError('learningRate', s.form.learningRate) : errors.learningRate;
  const lrChanged = canApply && !lrError && Number(s.form.learningRate) !== (run.pending ?? run.learningRate);
  const lrHint = active
    ? run.pending !== null
      ? `sent: ${run.pending} from the next batch`
      : `in use: ${run.learningRate}; type a new one and Apply`
    : FIELD_INFO.learningRate.hint;

  return (
    <section className="card setup" aria-label="Training setup">
      <h2>Setup</h2>
      <label className="field">
        <span>Network</span>
        <select data-testid="preset-select" value={s.presetId ?? ''} disabled={active} onChange={(e) => a.applyPreset(e.target.value)}>
          {s.presetId === null && <option value="">Custom network</option>}
          <optgroup label="Recipes for this page">
            {PRESETS.filter((p) => p.kind === 'recipe').map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
          </optgroup>
          <optgroup label="From the tutorials, trainable at 28×28">
            {PRESETS.filter((p) => p.kind === 'tutorial').map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
          </optgroup>
          <optgroup label="Classic nets at full size, for study">
            {PRESETS.filter((p) => p.kind === 'classic').map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
          </optgroup>
        </select>
        <small className="hint" data-testid="preset-note">{preset ? preset.note : 'Edited in the architecture editor.'}</small>
      </label>
      <label className="field">
        <span>Dataset</span>
        <select data-testid="dataset-select" value={s.dataset} disabled={active} onChange={(e) => a.setDataset(e.target.value as DatasetId)}>
          {DATASET_IDS.map((id) => <option key={id} value={id}>{DATASETS[id].label}</option>)}
        </select>
      </label>
      <label className="field">
        <span>Training images</span>
        <select
          data-testid="train-size-select"
          value={s.dataset === 'own' ? 'all' : String(s.trainSize)}
          disabled={active || s.dataset === 'own'}
          title={s.dataset === 'own' ? 'Your classes train on every drawing (see Your classes, below the pad)' : undefined}
          onChange={(e) => a.setTrainSize(e.target.value === 'all' ? 'all' : Number(e.target.value))}
        >
          {sizes.map((n) => (
            <option key={n} value={String(n)}>{n === 'all' ? `All (${formatCount(s.dataset === 'own' ? images : DATASETS[s.dataset].trainCount)})` : formatCount(n)}</option>
          ))}
        </select>
        <small className="hint" data-testid="split-hint">
          {formatCount(trainingImages(images, split))} train / {formatCount(images - trainingImages(images, split))} validation
        </small>
      </label>
      <div className="field-pair">
        {field('validationPercent')}
        {field('epochs')}
      </div>
      <div className="field-pair">
        {field('batchSize')}
        {field('seed', { hint: 'same seed, same run' })}
      </div>

      <fieldset className="group">
        <legend>Optimizer</legend>
        <label className="field">
          <select data-testid="optimizer-select" aria-label="Optimizer" value={s.optimizer} disabled={active} onChange={(e) => a.setOptimizer(e.target.value as OptimizerName)}>
            {OPTIMIZERS.map((o) => <option key={o.name} value={o.name}>{o.label}</option>)}
          </select>
        </label>
        {field('learningRate', {
          error: lrError,
          hint: lrHint,
          disabled: active && !canApply,
          onEnter: canApply ? a.applyLearningRate : undefined,
          after: active && (
            <button type="button" data-testid="apply-learning-rate" disabled={!lrChanged} onClick={a.applyLearningRate}>Apply</button>
          ),
        })}
        <div className="field-pair">{OPTIMIZER_FIELDS[s.optimizer].map((f) => field(f))}</div>
        {s.optimizer === 'sgd' && (
          <label className="check">
            <input type="checkbox" data-testid="nesterov-input" checked={s.nesterov} disabled={active} onChange={(e) => a.setNesterov(e.target.checked)} />
            Nesterov momentum
          </label>
        )}
      </fieldset>

      <fieldset className="group">
        <legend>
          <label className="check">
            <input type="checkbox" data-testid="early-stopping-input" checked={es.enabled} disabled={active} onChange={(e) => a.setEarlyStopping({ enabled: e.target.checked })} />
            Early stopping
          </label>
        </legend>
        {es.enabled ? (
          <>
            <label className="field">
              <span>Monitor</span>
              <select data-testid="monitor-select" value={es.monitor} disabled={active} onChange={(e) => a.setEarlyStopping({ monitor: e.target.value as Monitor })}>
                <option value="val_loss">val_loss (lower is better)</option>
                <option value="val_accuracy">val_accuracy (higher is better)</option>
              </select>
            </label>
            <div className="field-pair">
              {field('patience')}
              {field('minDelta')}
            </div>
            <label className="check">
              <input
                type="checkbox"
                data-testid="restore-best-input"
                checked={es.restoreBestWeights}
                disabled={active}
                onChange={(e) => a.setEarlyStopping({ restoreBestWeights: e.target.checked })}
              />
              Restore the best epoch's weights
            </label>
          </>
        ) : (
          <small className="hint">Stop when the validation score stops improving, as Keras's EarlyStopping.</small>
        )}
      </fieldset>
    </section>
  );
}
