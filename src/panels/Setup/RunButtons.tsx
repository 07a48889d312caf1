import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { wordMessage } from '../../i18n/i18n';
import { isActive, setupCheck, trainBlockerOf } from '../../store/selectors';
import { useAppStore } from '../../store/useAppStore';
import { formatCount, formatDuration } from '../format';
import { useRunEstimate } from '../RunPanel/useRunEstimate';

/** Train / Pause / Resume / Stop, the run's status and epoch: in the setup strip, so that every view has them. */
export function RunButtons() {
  const { t } = useTranslation('setup');
  const run = useAppStore(
    useShallow((s) => ({
      status: s.run.status, runId: s.run.runId, evaluating: s.run.evaluation !== null, info: s.run.info,
      epoch: s.run.progress?.epoch, etaMs: s.run.progress?.etaMs ?? null, epochsDone: s.run.epochs.length, active: isActive(s.run),
      // The position of the last batch, in epochs: what the progress bar shows in every view.
      at: s.run.batches.x.at(-1) ?? 0,
    })),
  );
  const actions = useAppStore(useShallow((s) => ({ train: s.train, pause: s.pause, resume: s.resume, stop: s.stop })));
  const blocker = useAppStore(trainBlockerOf);
  // A classic net at its own input size is for study: say so on the button instead of offering Train.
  const studyOnly = useAppStore((s) => setupCheck(s).studyOnly);
  const { status, info, active } = run;
  const currentEpoch = status === 'training' || status === 'paused' ? Math.min((run.epoch ?? 0) + 1, info?.epochs ?? 1) : run.epochsDone;
  const { estimate } = useRunEstimate();
  // Before a run, what it would take; during one, what is left.
  const time = active
    ? run.etaMs !== null ? t('buttons.timeLeft', { time: formatDuration(run.etaMs) }) : '—'
    : estimate && blocker === null ? t('buttons.timeAbout', { time: formatDuration(estimate.seconds * 1000) }) : '—';
  const trainTitle = blocker ? wordMessage(blocker, t) : active ? t('buttons.inProgress') : t('buttons.startNew');
  // Batches done out of the run's (a continued run's earlier epochs count too).
  const total = info ? info.batchesPerEpoch * info.epochs : 0;
  const batches = Math.min(total, Math.round(run.at * (info?.batchesPerEpoch ?? 0)));

  return (
    <div className="run-buttons">
      <div className="buttons">
        <button className="primary" data-testid="train-button" disabled={blocker !== null || active} title={trainTitle} onClick={actions.train}>
          {studyOnly && !active ? t('buttons.studyOnly') : run.runId > 0 && !active ? t('buttons.trainAgain') : t('buttons.train')}
        </button>
        {status === 'paused' ? (
          <button data-testid="resume-button" onClick={actions.resume}>{t('buttons.resume')}</button>
        ) : (
          <button data-testid="pause-button" disabled={status !== 'training' || run.evaluating} onClick={actions.pause}>{t('buttons.pause')}</button>
        )}
        <button data-testid="stop-button" disabled={!active} onClick={actions.stop}>{t('buttons.stop')}</button>
      </div>
      <div className="run-state-box">
        <dl className="run-state">
          <dt>{t('buttons.status')}</dt>
          <dd><span className={`status status-${status}`} data-testid="training-status">{t(`status.${status}`)}</span></dd>
          <dt>{t('buttons.epoch')}</dt>
          <dd data-testid="epoch-counter">{info ? t('buttons.epochOf', { epoch: currentEpoch, epochs: info.epochs }) : '—'}</dd>
          <dt>{t('buttons.time')}</dt>
          <dd data-testid="strip-time" title={active ? t('buttons.timeLeftTitle') : t('buttons.timeEstimateTitle')}>{time}</dd>
        </dl>
        <progress
          className="run-progress"
          data-testid="run-progress"
          data-batches={batches}
          max={total || 1}
          value={batches}
          title={info ? t('buttons.batchOf', { done: formatCount(batches), total: formatCount(total) }) : t('buttons.noRun')}
          aria-label={t('buttons.progress')}
        />
      </div>
    </div>
  );
}
