import { Trans, useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/useAppStore';
import { formatCount, formatDuration } from '../format';
import { backendName } from './backendName';
import { useRunEstimate } from './useRunEstimate';

/**
 * How long the run set up will take on the backend in use, before Train; for
 * a run over half an hour, the largest training set that fits, one click away.
 */
export function RunEstimate() {
  const { t } = useTranslation('setup');
  const { estimate, measuring } = useRunEstimate();
  const setTrainSize = useAppStore((s) => s.setTrainSize);
  const chooseBackend = useAppStore((s) => s.chooseBackend);
  if (!estimate) {
    return <p className="estimate hint" data-testid="run-estimate">{measuring ? t('estimate.measuring') : ''}</p>;
  }
  const { seconds, backend, imagesPerSec, suggestion, faster, long } = estimate;
  const rate = formatCount(Math.round(imagesPerSec));
  return (
    <div className={`estimate ${long ? 'estimate-long' : ''}`} data-testid="run-estimate">
      <span>
        <Trans t={t} i18nKey="estimate.about" values={{ time: formatDuration(seconds * 1000), backend: backendName(backend, t) }} components={{ b: <strong /> }} />
        <span className="hint">{measuring ? t('estimate.rateMeasuring', { rate }) : t('estimate.rate', { rate })}</span>
      </span>
      {long && (
        <span className="estimate-suggest">
          {t('estimate.long')}
          {suggestion && (
            <>
              {' '}
              <button type="button" className="link" data-testid="use-suggested-size" onClick={() => setTrainSize(suggestion.trainSize)}>
                {t('estimate.trainOn', { images: formatCount(suggestion.trainSize) })}
              </button>{' '}
              {t(suggestion.fits ? 'estimate.suggestionFits' : 'estimate.suggestion', { time: formatDuration(suggestion.seconds * 1000) })}
            </>
          )}
          {faster && (
            <>
              {' '}
              <button type="button" className="link" data-testid="use-faster-backend" onClick={() => chooseBackend('auto')}>
                {t('estimate.trainOnBackend', { backend: backendName(faster.backend, t) })}
              </button>{' '}
              {t('estimate.faster', { time: formatDuration(faster.seconds * 1000) })}
            </>
          )}
          {!suggestion && !faster && ` ${t('estimate.nothingHelps')}`}
        </span>
      )}
    </div>
  );
}
