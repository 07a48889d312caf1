import { useAppStore } from '../../store/useAppStore';
import { formatCount, formatDuration } from '../format';
import { useRunEstimate } from './useRunEstimate';

/**
 * How long the run set up will take on the backend in use, before Train; for
 * a run over half an hour, the largest training set that fits, one click away.
 */
export function RunEstimate() {
  const { estimate, measuring } = useRunEstimate();
  const setTrainSize = useAppStore((s) => s.setTrainSize);
  const chooseBackend = useAppStore((s) => s.chooseBackend);
  if (!estimate) {
    return <p className="estimate hint" data-testid="run-estimate">{measuring ? 'Measuring how fast this network trains here…' : ''}</p>;
  }
  const { seconds, backend, imagesPerSec, suggestion, faster, long } = estimate;
  return (
    <div className={`estimate ${long ? 'estimate-long' : ''}`} data-testid="run-estimate">
      <span>
        About <strong>{formatDuration(seconds * 1000)}</strong> on {backend}
        <span className="hint"> ({formatCount(Math.round(imagesPerSec))} images/s{measuring ? ', measuring again…' : ''})</span>
      </span>
      {long && (
        <span className="estimate-suggest">
          Over 30 minutes.
          {suggestion && (
            <>
              {' '}
              <button type="button" className="link" data-testid="use-suggested-size" onClick={() => setTrainSize(suggestion.trainSize)}>
                Train on {formatCount(suggestion.trainSize)} images
              </button>{' '}
              (about {formatDuration(suggestion.seconds * 1000)}){suggestion.fits ? ' to see it learn sooner.' : '.'}
            </>
          )}
          {faster && (
            <>
              {' '}
              <button type="button" className="link" data-testid="use-faster-backend" onClick={() => chooseBackend('auto')}>
                Train on {faster.backend}
              </button>{' '}
              (about {formatDuration(faster.seconds * 1000)}).
            </>
          )}
          {!suggestion && !faster && ' Fewer epochs or a smaller network would help.'}
        </span>
      )}
    </div>
  );
}
