import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { wordMessage } from '../../i18n/i18n';
import { datasetLabel } from '../../i18n/datasetWords';
import { DATASET_IDS, DATASETS, type DatasetId, type TrainSize } from '../../data/datasets';
import { OPTIMIZERS } from '../../model/optimizerDefaults';
import { PRESETS } from '../../model/presets';
import type { OptimizerName } from '../../model/types';
import { imageCount, TRAIN_SIZES, trainBlockerOf } from '../../store/selectors';
import { useAppStore } from '../../store/useAppStore';
import { formatCount } from '../format';
import { RunButtons } from './RunButtons';
import { useSetupFields } from './useSetupFields';

const SIZES: readonly TrainSize[] = [...TRAIN_SIZES, 'all'];

/**
 * The setup that matters most, in one row above every view (as TensorFlow
 * Playground's top bar): network, dataset, size, epochs, optimizer and
 * learning rate, then Train and the run's state. The rest of the settings are
 * in the Design view.
 */
export function SetupStrip() {
  const { t } = useTranslation('setup');
  const { setup: s, active, field, learningRateField } = useSetupFields();
  const a = useAppStore(
    useShallow((x) => ({ setDataset: x.setDataset, setTrainSize: x.setTrainSize, applyPreset: x.applyPreset, setOptimizer: x.setOptimizer })),
  );
  const blocker = useAppStore(trainBlockerOf);
  const images = imageCount(s);
  const sizes = s.dataset === 'own' ? ['all' as const] : SIZES.includes(s.trainSize) ? SIZES : [...SIZES.slice(0, -1), s.trainSize, 'all' as const];

  return (
    <section className="strip" aria-label={t('strip.ariaLabel')}>
      <div className="strip-fields">
        <label className="field strip-network">
          <span>{t('strip.network')}</span>
          <select data-testid="preset-select" value={s.presetId ?? ''} disabled={active} onChange={(e) => a.applyPreset(e.target.value)}>
            {s.presetId === null && <option value="">{t('strip.customNetwork')}</option>}
            <optgroup label={t('strip.groups.recipe')}>
              {PRESETS.filter((p) => p.kind === 'recipe').map((p) => <option key={p.id} value={p.id}>{wordMessage(p.label, t)}</option>)}
            </optgroup>
            <optgroup label={t('strip.groups.tutorial')}>
              {PRESETS.filter((p) => p.kind === 'tutorial').map((p) => <option key={p.id} value={p.id}>{wordMessage(p.label, t)}</option>)}
            </optgroup>
            <optgroup label={t('strip.groups.classic')}>
              {PRESETS.filter((p) => p.kind === 'classic').map((p) => <option key={p.id} value={p.id}>{wordMessage(p.label, t)}</option>)}
            </optgroup>
          </select>
        </label>
        <label className="field">
          <span>{t('strip.dataset')}</span>
          <select data-testid="dataset-select" value={s.dataset} disabled={active} onChange={(e) => a.setDataset(e.target.value as DatasetId)}>
            {DATASET_IDS.map((id) => <option key={id} value={id}>{datasetLabel(id, t)}</option>)}
          </select>
        </label>
        <label className="field">
          <span>{t('strip.trainImages')}</span>
          <select
            data-testid="train-size-select"
            value={s.dataset === 'own' ? 'all' : String(s.trainSize)}
            disabled={active || s.dataset === 'own'}
            title={s.dataset === 'own' ? t('strip.ownSizeTitle') : undefined}
            onChange={(e) => a.setTrainSize(e.target.value === 'all' ? 'all' : Number(e.target.value))}
          >
            {sizes.map((n) => (
              <option key={n} value={String(n)}>{n === 'all' ? t('strip.allImages', { images: formatCount(s.dataset === 'own' ? images : DATASETS[s.dataset].trainCount) }) : formatCount(n)}</option>
            ))}
          </select>
        </label>
        <div className="strip-epochs">{field('epochs', { compact: true })}</div>
        <label className="field">
          <span>{t('strip.optimizer')}</span>
          <select data-testid="optimizer-select" value={s.optimizer} disabled={active} onChange={(e) => a.setOptimizer(e.target.value as OptimizerName)}>
            {OPTIMIZERS.map((o) => <option key={o.name} value={o.name}>{t(`optimizers.${o.name}`)}</option>)}
          </select>
        </label>
        <div className="strip-lr">{learningRateField({ compact: true })}</div>
      </div>
      <RunButtons />
      {blocker !== null && !active && <p className="field-error strip-reason" data-testid="train-disabled-reason">{t('strip.disabled', { reason: wordMessage(blocker, t) })}</p>}
    </section>
  );
}
