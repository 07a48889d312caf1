import { useShallow } from 'zustand/react/shallow';
import { bestEpochOf } from '../../store/run/runState';
import { useAppStore } from '../../store/useAppStore';
import { formatLoss, formatPercent } from '../format';
import { EvaluationDetails } from './EvaluationDetails';

/** The per-epoch log as Keras prints it, and the test-set evaluation in detail: classification report, confusion matrix, galleries. */
export function ResultsPanel() {
  // Only what this panel shows: a batch tick must not re-render the epoch log or the matrix.
  const run = useAppStore(useShallow((s) => ({ epochs: s.run.epochs, bestEpoch: bestEpochOf(s.run), restoredEpoch: s.run.restoredEpoch })));

  return (
    <section className="card results" aria-label="Results">
      <h2>Results</h2>
      {run.epochs.length === 0 && <p className="hint">Per-epoch numbers, the classification report and the confusion matrix appear here once a run has trained.</p>}
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
