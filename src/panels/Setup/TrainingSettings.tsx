import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { wordMessage } from '../../i18n/i18n';
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
  const { t } = useTranslation('setup');
  const { setup: s, values, active, field } = useSetupFields();
  const a = useAppStore(useShallow((x) => ({ setNesterov: x.setNesterov, setEarlyStopping: x.setEarlyStopping })));
  const preset = PRESETS.find((p) => p.id === s.presetId);
  const images = imageCount(s);
  const split = values ? values.validationSplit : 0;
  const es = s.earlyStopping;

  return (
    <section className="card setup" aria-label={t('settings.ariaLabel')}>
      <h2>{t('settings.title')}</h2>
      <p className="hint" data-testid="preset-note">{preset ? wordMessage(preset.note, t) : t('settings.editedNote')}</p>
      <div className="field-pair">
        {field('validationPercent')}
        {field('batchSize')}
      </div>
      <p className="hint" data-testid="split-hint">
        {t('settings.split', { train: formatCount(trainingImages(images, split)), validation: formatCount(images - trainingImages(images, split)) })}
      </p>
      {field('seed', { hint: t('settings.seedHint') })}

      <fieldset className="group">
        <legend>{t('settings.optimizer', { name: t(`optimizers.${s.optimizer}`) })}</legend>
        <small className="hint">{t('settings.optimizerHint')}</small>
        <div className="field-pair">{OPTIMIZER_FIELDS[s.optimizer].map((f) => field(f))}</div>
        {s.optimizer === 'sgd' && (
          <label className="check">
            <input type="checkbox" data-testid="nesterov-input" checked={s.nesterov} disabled={active} onChange={(e) => a.setNesterov(e.target.checked)} />
            {t('settings.nesterov')}
          </label>
        )}
      </fieldset>

      <fieldset className="group">
        <legend>
          <label className="check">
            <input type="checkbox" data-testid="early-stopping-input" checked={es.enabled} disabled={active} onChange={(e) => a.setEarlyStopping({ enabled: e.target.checked })} />
            {t('settings.earlyStopping')}
          </label>
        </legend>
        {es.enabled ? (
          <>
            <label className="field">
              <span>{t('settings.monitor')}</span>
              <select data-testid="monitor-select" value={es.monitor} disabled={active} onChange={(e) => a.setEarlyStopping({ monitor: e.target.value as Monitor })}>
                <option value="val_loss">{t('settings.valLoss')}</option>
                <option value="val_accuracy">{t('settings.valAccuracy')}</option>
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
              {t('settings.restoreBest')}
            </label>
          </>
        ) : (
          <small className="hint">{t('settings.earlyStoppingHint')}</small>
        )}
      </fieldset>
    </section>
  );
}
