import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { wordText } from '../../i18n/i18n';
import { useAppStore } from '../../store/useAppStore';
import { formatCount, formatLoss, formatPercent } from '../format';

/** How the last run ended, and its latest validation, test and training accuracy. */
export function MetricsPanel() {
  const { t } = useTranslation('train');
  // Only what this panel shows: epoch ends and the test result, not every batch.
  const run = useAppStore(
    useShallow((s) => ({ epochs: s.run.epochs, test: s.run.test, status: s.run.status, outcome: s.run.outcome, restoredEpoch: s.run.restoredEpoch })),
  );
  const last = run.epochs[run.epochs.length - 1];
  // After early stopping put back an earlier epoch, the model is that epoch's: show its validation numbers.
  const current = (run.restoredEpoch && run.epochs.find((e) => e.epoch === run.restoredEpoch)) || last;
  const { test, status } = run;

  return (
    <section className="card metrics-panel" aria-label={t('metrics.ariaLabel')}>
      {run.outcome && (
        <p className={`outcome ${status === 'diverged' ? 'outcome-bad' : ''}`} data-testid="run-outcome" role="status">
          {wordText(run.outcome, t)}
        </p>
      )}
      <div className="metrics">
        <Metric
          label={t('metrics.validation.label')}
          testId="val-accuracy"
          value={formatPercent(current?.valAccuracy)}
          sub={
            current
              ? t(current === last ? 'metrics.validation.sub' : 'metrics.validation.subRestored', { loss: formatLoss(current.valLoss), epoch: current.epoch })
              : t('metrics.validation.empty')
          }
        />
        <Metric
          label={t('metrics.test.label')}
          testId="test-accuracy"
          value={formatPercent(test?.accuracy)}
          sub={test ? t('metrics.test.sub', { loss: formatLoss(test.loss), images: formatCount(test.count) }) : t('metrics.test.empty')}
        />
        <Metric
          label={t('metrics.training.label')}
          testId="train-accuracy"
          value={formatPercent(last?.trainAccuracy)}
          sub={last ? t('metrics.training.sub', { loss: formatLoss(last.trainLoss), epoch: last.epoch }) : t('metrics.training.empty')}
        />
      </div>
    </section>
  );
}

function Metric({ label, value, sub, testId }: { label: string; value: string; sub: string; testId: string }) {
  return (
    <div className="metric">
      <div className="metric-label">{label}</div>
      <div className="metric-value" data-testid={testId}>{value}</div>
      <div className="metric-sub">{sub}</div>
    </div>
  );
}
