import { useShallow } from 'zustand/react/shallow';
import { DATASET_IDS, DATASETS, type DatasetId } from '../../data/datasets';
import { trainingImages, type TrainFormField } from '../../model/parseTrainForm';
import { PRESETS } from '../../model/presets';
import type { OptimizerName } from '../../model/types';
import { checkSetup, imagesFor, isActive, useAppStore } from '../../store/useAppStore';
import type { TrainSize } from '../../worker/protocol';
import { formatCount } from '../format';

const SIZES: readonly TrainSize[] = [1000, 5000, 10000, 'all'];

const FIELDS: { field: TrainFormField; label: string; testId: string; hint: string; inputMode: 'numeric' | 'decimal' }[] = [
  { field: 'epochs', label: 'Epochs', testId: 'epochs-input', hint: 'passes over the training images', inputMode: 'numeric' },
  { field: 'batchSize', label: 'Batch size', testId: 'batch-size-input', hint: 'images per step (Keras default 32)', inputMode: 'numeric' },
  { field: 'learningRate', label: 'Learning rate', testId: 'learning-rate-input', hint: 'Keras defaults: Adam and RMSProp 0.001, SGD 0.01', inputMode: 'decimal' },
  { field: 'validationPercent', label: 'Validation %', testId: 'validation-input', hint: 'held out, stratified by class', inputMode: 'decimal' },
];

/** Dataset, training-set size and hyperparameters, with inline validation. */
export function SetupPanel() {
  const { dataset, trainSize, form, setDataset, setTrainSize, setField } = useAppStore(
    useShallow((s) => ({ dataset: s.dataset, trainSize: s.trainSize, form: s.form, setDataset: s.setDataset, setTrainSize: s.setTrainSize, setField: s.setField })),
  );
  const { presetId, optimizer, applyPreset, setOptimizer } = useAppStore(
    useShallow((s) => ({ presetId: s.presetId, optimizer: s.optimizer, applyPreset: s.applyPreset, setOptimizer: s.setOptimizer })),
  );
  const preset = PRESETS.find((p) => p.id === presetId);
  const active = useAppStore((s) => isActive(s.run));
  const { errors, values } = checkSetup({ dataset, trainSize, form });
  const images = imagesFor(dataset, trainSize);
  const sizes = SIZES.includes(trainSize) ? SIZES : [...SIZES.slice(0, -1), trainSize, 'all' as const];
  const split = values ? values.validationSplit : 0;

  return (
    <section className="card setup" aria-label="Training setup">
      <h2>Setup</h2>
      <label className="field">
        <span>Network</span>
        <select data-testid="preset-select" value={presetId} disabled={active} onChange={(e) => applyPreset(e.target.value)}>
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id}>{p.label}</option>
          ))}
        </select>
        {preset && <small className="hint" data-testid="preset-note">{preset.note}</small>}
      </label>
      <label className="field">
        <span>Dataset</span>
        <select data-testid="dataset-select" value={dataset} disabled={active} onChange={(e) => setDataset(e.target.value as DatasetId)}>
          {DATASET_IDS.map((id) => (
            <option key={id} value={id}>{DATASETS[id].label}</option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Training images</span>
        <select
          data-testid="train-size-select"
          value={String(trainSize)}
          disabled={active}
          onChange={(e) => setTrainSize(e.target.value === 'all' ? 'all' : Number(e.target.value))}
        >
          {sizes.map((n) => (
            <option key={n} value={String(n)}>
              {n === 'all' ? `All (${formatCount(DATASETS[dataset].trainCount)})` : formatCount(n)}
            </option>
          ))}
        </select>
        <small className="hint" data-testid="split-hint">
          {formatCount(trainingImages(images, split))} train / {formatCount(images - trainingImages(images, split))} validation
        </small>
      </label>
      <label className="field">
        <span>Optimizer</span>
        <select data-testid="optimizer-select" value={optimizer} disabled={active} onChange={(e) => setOptimizer(e.target.value as OptimizerName)}>
          <option value="adam">Adam</option>
          <option value="rmsprop">RMSProp (ρ 0.9)</option>
          <option value="sgd">SGD</option>
        </select>
      </label>
      {FIELDS.map(({ field, label, testId, hint, inputMode }) => {
        const error = errors[field];
        const id = `field-${field}`;
        return (
          <label className="field" key={field}>
            <span>{label}</span>
            <input
              id={id}
              data-testid={testId}
              value={form[field]}
              inputMode={inputMode}
              disabled={active}
              aria-invalid={error ? true : undefined}
              aria-describedby={`${id}-msg`}
              onChange={(e) => setField(field, e.target.value)}
            />
            <small id={`${id}-msg`} className={error ? 'field-error' : 'hint'} data-testid={error ? `${testId}-error` : undefined} role={error ? 'alert' : undefined}>
              {error ?? hint}
            </small>
          </label>
        );
      })}
    </section>
  );
}
