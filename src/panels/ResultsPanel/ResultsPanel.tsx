import { useShallow } from 'zustand/react/shallow';
import { bestEpochOf } from '../../store/run/runState';
import { useAppStore } from '../../store/useAppStore';
import { formatCount, formatLoss, formatPercent } from '../format';
import { EvaluationDetails } from './EvaluationDetails';

/** Latest validation and test numbers, the per-epoch log and the confusion matrix. */
export function ResultsPanel() {
  // Only what this panel shows: a batch tick must not re-render the epoch log or the matrix.
  const run = useAppStore(
    useShallow((s) => ({
      epochs: s.run.epochs, test: s.run.test, status: s.run.status, outcome: s.run.outcome,
      bestEpoch: bestEpochOf(s.run), restoredEpoch: s.run.restoredEpoch,
    })),
  );
  const last = run.epochs[run.epochs.length - 1];
  // After early stopping put back an earlier epoch, the model is that epoch's: show its validation numbers.
  const current = (run.restoredEpoch && run.epochs.find((e) => e.epoch === run.restoredEpoch)) || last;
  const { test, status } = run;

  return (
    <section className="card results" aria-label="Results">
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
      {run.epochs.length > 0 && (
        <div className="table-scroll">
          <table className="epoch-log" data-testid="epoch-log">
            <caption>Per epoch, as Keras prints it</caption>
            <thead>
              <tr><th>epoch</th><th>loss</th><th>accuracy</th><th>val_loss</th><th>val_accuracy</th><th title="tf.memory().numTensors in the worker">tensors</th></tr>
            </thead>
            <tbody>
              {run.epochs.map((e) => (
                <tr key={e.epoch} className={e.epoch === run.bestEpoch ? 'best' : undefined}>
                  <td title={e.epoch === run.bestEpoch ? 'the best epoch so far by early stopping\'s monitor' : undefined}>
                    {e.epoch}{e.epoch === run.bestEpoch ? (run.restoredEpoch === e.epoch ? ' ★ restored' : ' ★') : ''}
                  </td>
                  <td>{formatLoss(e.trainLoss)}</td>
                  <td>{formatPercent(e.trainAccuracy)}</td>
                  <td>{formatLoss(e.valLoss)}</td>
                  <td>{formatPercent(e.valAccuracy)}</td>
                  <td>{e.numTensors}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <EvaluationDetails />
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
