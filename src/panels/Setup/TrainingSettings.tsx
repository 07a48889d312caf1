import { useShallow } from 'zustand/react/shallow';
import { OPTIMIZERS } from '../../model/optimizerDefaults';
import { OPTIMIZER_FIELDS, trainingImages } from '../../model/parseTrainForm';
import { PRESETS } from '../../model/presets';
import type { Monitor } from '../../model/types';
import { imageCount } from '../../store/selectors';
import { useAppStore } from '../../store/useAppStore';
import { formatCount } from '../format';
import { useSetupFields } from './useSetupFields';

/**
 * The training settings beyond the setup strip: what the network set up is,
 * the validation split, batch size and seed, the optimizer's own parameters
 * and early stopping, each checked as it is typed.
 */
export function TrainingSettings() {
  const { setup: s, values, active, field } = useSetupFields();
  const a = useAppStore(useShallow((x) => ({ setNesterov: x.setNesterov, setEarlyStopping: x.setEarlyStopping })));
  const preset = PRESETS.find((p) => p.id === s.presetId);
  const images = imageCount(s);
  const split = values ? values.validationSplit : 0;
  const es = s.earlyStopping;

  return (
    <section className="card setup" aria-label="Training settings">
      <h2>Training settings</h2>
      <p className="hint" data-testid="preset-note">{preset ? preset.note : 'Edited in the architecture editor.'}</p>
      <div className="field-pair">
        {field('validationPercent')}
        {field('batchSize')}
      </div>
      <p className="hint" data-testid="split-hint">
        {formatCount(trainingImages(images, split))} train / {formatCount(images - trainingImages(images, split))} validation
      </p>
      {field('seed', { hint: 'same seed, same run' })}

      <fieldset className="group">
        <legend>Optimizer: {OPTIMIZERS.find((o) => o.name === s.optimizer)?.label}</legend>
        <small className="hint">The optimizer and its learning rate are chosen above every view; here, its other parameters.</small>
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
