import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { bestEpochOf } from '../../store/run/runState';
import { useAppStore } from '../../store/useAppStore';
import { formatLoss, formatPercent } from '../format';
import { EvaluationDetails } from './EvaluationDetails';

/** The per-epoch log as Keras prints it, and the test-set evaluation in detail: classification report, confusion matrix, galleries. */
export function ResultsPanel() {
  const { t } = useTranslation('results');
  // Only what this panel shows: a batch tick must not re-render the epoch log or the matrix.
  const run = useAppStore(useShallow((s) => ({ epochs: s.run.epochs, bestEpoch: bestEpochOf(s.run), restoredEpoch: s.run.restoredEpoch })));

  return (
    <section className="card results" aria-label={t('panel.title')}>
      <h2>{t('panel.title')}</h2>
      {run.epochs.length === 0 && <p className="hint">{t('panel.empty')}</p>}
      {run.epochs.length > 0 && (
        <div className="table-scroll">
          <table className="epoch-log" data-testid="epoch-log">
            <caption>{t('epochLog.caption')}</caption>
            <thead>
              <tr><th>{t('epochLog.epoch')}</th><th>loss</th><th>accuracy</th><th>val_loss</th><th>val_accuracy</th><th title={t('epochLog.tensorsTitle')}>{t('epochLog.tensors')}</th></tr>
            </thead>
            <tbody>
              {run.epochs.map((e) => (
                <tr key={e.epoch} className={e.epoch === run.bestEpoch ? 'best' : undefined}>
                  <td title={e.epoch === run.bestEpoch ? t('epochLog.bestTitle') : undefined}>
                    {e.epoch}{e.epoch === run.bestEpoch ? ` ${run.restoredEpoch === e.epoch ? t('epochLog.restored') : t('epochLog.best')}` : ''}
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
