import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { classNamesIn } from '../../i18n/datasetWords';
import { modelClassNames, modelDataset } from '../../store/selectors';
import { useAppStore } from '../../store/useAppStore';

/** Every class's probability for the current input, and the top class. */
export function PredictionPanel() {
  const { t, i18n } = useTranslation('results');
  const { probs, trained, input, at, sample } = useAppStore(
    useShallow((s) => ({ probs: s.inspect.probs, trained: s.inspect.trained, input: s.inspect.input, at: s.inspect.at, sample: s.inspect.testSample })),
  );
  const dataset = useAppStore(modelDataset);
  const starting = useAppStore((s) => s.run.status === 'loading' || s.run.status === 'training');
  const modelNames = useAppStore(modelClassNames);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the names follow the page's language
  const names = useMemo(() => classNamesIn(dataset, modelNames, t), [dataset, modelNames, t, i18n.language]);
  // A verdict only for a test image of the dataset the model knows (the dataset may have been switched since).
  const truth = sample?.dataset === dataset ? sample : null;
  const shown = input && probs ? probs : null;
  let top = -1;
  if (shown) for (let i = 0; i < shown.length; i++) if (top < 0 || shown[i] > shown[top]) top = i;

  return (
    <section className="card prediction" aria-label={t('prediction.title')} data-testid="prediction-panel">
      <h2>
        {t('prediction.title')}{' '}
        <small data-testid="prediction-model-state">
          {!shown ? '' : trained ? t('prediction.live', { epoch: at.toFixed(2) }) : starting ? t('prediction.starting') : t('prediction.untrained')}
        </small>
      </h2>
      {!shown ? (
        <p className="hint">{t('prediction.hint')}</p>
      ) : (
        <>
          <p className="top-class" data-testid="prediction-top" data-class-index={top}>
            {names[top]} <span>{(shown[top] * 100).toFixed(1)}%</span>
            {truth && (
              <span className={truth.label === top ? 'verdict-ok' : 'verdict-bad'}>
                {` ${truth.label === top ? t('prediction.correct') : t('prediction.wrong', { name: names[truth.label] })}`}
              </span>
            )}
          </p>
          <ol className="bars" data-testid="prediction-bars">
            {Array.from(shown, (p, i) => (
              <li key={i} className={i === top ? 'bar-top' : undefined} data-prob={p}>
                <span className="bar-label">{names[i]}</span>
                <span className="bar-track"><span className="bar-fill" style={{ width: `${p * 100}%` }} /></span>
                <span className="bar-value">{(p * 100).toFixed(1)}%</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
