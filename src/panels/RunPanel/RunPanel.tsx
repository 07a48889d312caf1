import { useTranslation } from 'react-i18next';
import { hasTestSet } from '../../data/datasets';
import { isActive, trainBlockerOf } from '../../store/selectors';
import { useAppStore } from '../../store/useAppStore';
import { formatBytes, formatCount, formatDuration } from '../format';
import { RunEstimate } from './RunEstimate';

/** The run beyond its buttons and progress (those are in the setup strip) and its notices: what it will take, its speed, downloads and the test-set evaluation. */
export function RunPanel() {
  const { t } = useTranslation('setup');
  const run = useAppStore((s) => s.run);
  const evaluate = useAppStore((s) => s.evaluate);
  const invalid = useAppStore(trainBlockerOf) !== null;
  const active = isActive(run);
  const { status, progress } = run;
  // Your classes have no test set: their validation split is the held-out measure.
  const testable = hasTestSet(run.dataset ?? 'mnist');
  // Any model the worker holds: trained here, reopened, or opened from a file (which has no run info).
  const canEvaluate = testable && !active && run.runId > 0 && status !== 'error' && !run.evaluation;
  const downloads = Object.entries(run.downloads);
  const loading = status === 'loading' && downloads.some(([, d]) => d.loaded < d.total);

  return (
    <section className="card run" aria-label={t('run.ariaLabel')}>
      <h2>{t('run.title')}</h2>
      {!active && !invalid && <RunEstimate />}
      <dl className="stats">
        <dt>{t('run.speed')}</dt>
        <dd data-testid="examples-per-sec">{progress ? t('run.rate', { rate: formatCount(Math.round(progress.examplesPerSec)) }) : '—'}</dd>
        <dt>{t('run.elapsed')}</dt>
        <dd data-testid="elapsed">{formatDuration(progress?.elapsedMs)}</dd>
        <dt>{t('run.remaining')}</dt>
        <dd data-testid="eta">{active ? formatDuration(progress?.etaMs) : '—'}</dd>
      </dl>
      {loading && (
        <div className="downloads" data-testid="download-progress">
          {downloads.map(([file, d]) => (
            <label key={file}>
              <span>{t('run.download', { file, loaded: formatBytes(d.loaded), total: formatBytes(d.total) })}</span>
              <progress max={d.total || 1} value={d.loaded} />
            </label>
          ))}
        </div>
      )}
      {run.evaluation && (
        <label className="downloads" data-testid="evaluation-progress">
          <span>{t('run.testing', { images: formatCount(run.evaluation.total) })}</span>
          <progress max={run.evaluation.total || 1} value={run.evaluation.done} />
        </label>
      )}
      <button data-testid="evaluate-button" disabled={!canEvaluate} onClick={evaluate} title={testable ? t('run.evaluateTitle') : t('run.noTestSet')}>
        {t('run.evaluate')}
      </button>
    </section>
  );
}
