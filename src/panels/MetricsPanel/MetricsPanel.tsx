import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/useAppStore';
import { formatCount, formatLoss, formatPercent } from '../format';

/** How the last run ended, and its latest validation, test and training accuracy. */
export function MetricsPanel() {
  // Only what this panel shows: epoch ends and the test result, not every batch.
  const run = useAppStore(
    useShallow((s) => ({ epochs: s.run.epochs, test: s.run.test, status: s.run.status, outcome: s.run.outcome, restoredEpoch: s.run.restoredEpoch })),
  );
  const last = run.epochs[run.epochs.length - 1];
  // After early stopping put back an earlier epoch, the model is that epoch's: show its validation numbers.
  const current = (run.restoredEpoch && run.epochs.find((e) => e.epoch === run.restoredEpoch)) || last;
  const { test, status } = run;

  return (
    <section className="card metrics-panel" aria-label="Accuracy">
      {run.outcome && (
        <p className={`outcome ${status === 'diverged' ? 'outcome-bad' : ''}`} data-testid="run-outcome" role="status">
          {run.outcome}
        </p>
      )}
      <div className="metrics">
        <Metric
          label="Validation accuracy"
          testId="val-accuracy"
          value={formatPercent(current?.valAccuracy)}
          sub={current ? `loss ${formatLoss(current.valLoss)} · epoch ${current.epoch}${current === last ? '' : ' (restored)'}` : 'after each epoch'}
        />
        <Metric
          label="Test accuracy"
          testId="test-accuracy"
          value={formatPercent(test?.accuracy)}
          sub={test ? `loss ${formatLoss(test.loss)} · ${formatCount(test.count)} test images` : 'whole test set, at the end of a run'}
        />
        <Metric label="Training accuracy" testId="train-accuracy" value={formatPercent(last?.trainAccuracy)} sub={last ? `loss ${formatLoss(last.trainLoss)} · mean over epoch ${last.epoch}` : 'mean over each epoch'} />
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
