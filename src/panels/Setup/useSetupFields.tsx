import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { wordMessage } from '../../i18n/i18n';
import { useShallow } from 'zustand/react/shallow';
import { fieldError, type TrainFormField } from '../../model/parseTrainForm';
import { checkSetup, isActive } from '../../store/selectors';
import { useAppStore } from '../../store/useAppStore';
import { FIELD_INFO } from './fieldInfo';
import { TextField } from './TextField';

/**
 * The setup's typed fields, checked as the page checks them before Train,
 * shared by the setup strip and the training settings: a field is disabled
 * while a run is active, its error shown beside it. The learning rate alone
 * stays editable during a run: Apply (or Enter) sends it to the next batch.
 */
export function useSetupFields() {
  const { t } = useTranslation('setup');
  const s = useAppStore(
    useShallow((x) => ({
      dataset: x.dataset, trainSize: x.trainSize, form: x.form, presetId: x.presetId, optimizer: x.optimizer,
      nesterov: x.nesterov, earlyStopping: x.earlyStopping, augment: x.augment, classes: x.drawings.classes,
    })),
  );
  const setField = useAppStore((x) => x.setField);
  const applyLearningRate = useAppStore((x) => x.applyLearningRate);
  const run = useAppStore(
    useShallow((x) => ({ active: isActive(x.run), status: x.run.status, learningRate: x.run.learningRate, pending: x.run.pendingLearningRate })),
  );
  const { active } = run;
  const view = { ...s, drawings: { classes: s.classes } };
  const { errors, values } = checkSetup(view);

  const field = (f: TrainFormField, extra: Partial<ComponentProps<typeof TextField>> = {}) => (
    <TextField
      key={f}
      id={`field-${f}`}
      {...FIELD_INFO[f]}
      label={t(`fields.${f}.label`)}
      hint={t(`fields.${f}.hint`)}
      value={s.form[f]}
      error={errors[f] && wordMessage(errors[f], t)}
      disabled={active}
      onChange={(v) => setField(f, v)}
      {...extra}
    />
  );

  // The worker takes a new rate only once the run's model exists: not while its data loads.
  const canApply = run.status === 'training' || run.status === 'paused';
  const lrProblem = active ? fieldError('learningRate', s.form.learningRate) : errors.learningRate;
  const lrError = lrProblem && wordMessage(lrProblem, t);
  const lrChanged = canApply && !lrError && Number(s.form.learningRate) !== (run.pending ?? run.learningRate);
  const lrHint = active
    ? run.pending !== null
      ? t('learningRate.sent', { rate: String(run.pending) })
      : t('learningRate.inUse', { rate: String(run.learningRate) })
    : t('fields.learningRate.hint');
  const learningRateField = (extra: Partial<ComponentProps<typeof TextField>> = {}) =>
    field('learningRate', {
      error: lrError,
      hint: lrHint,
      showHint: active,
      disabled: active && !canApply,
      onEnter: canApply ? applyLearningRate : undefined,
      after: active && (
        <button type="button" data-testid="apply-learning-rate" disabled={!lrChanged} onClick={applyLearningRate} title={t('learningRate.applyTitle')}>{t('learningRate.apply')}</button>
      ),
      ...extra,
    });

  return { setup: view, errors, values, active, field, learningRateField };
}
