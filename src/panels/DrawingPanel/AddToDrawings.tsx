import { useEffect, useRef, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { countByClass, MIN_PER_CLASS } from '../../drawings/drawingSet';
import { wordMessage } from '../../i18n/i18n';
import { useAppStore } from '../../store/useAppStore';

/**
 * Under the pad: adds the drawing (or upload) on screen to your handwriting
 * (a digit's button) or to one of your classes, then clears the pad for the
 * next one, so that ten examples take ten drawings and ten clicks.
 */
export function AddToDrawings({ onAdded }: { onAdded: () => void }): JSX.Element | null {
  const { t } = useTranslation('inspect');
  const { dataset, digits, classes, addError, added, loaded } = useAppStore(
    useShallow((s) => ({ dataset: s.dataset, digits: s.drawings.digits, classes: s.drawings.classes, addError: s.drawings.addError, added: s.drawings.added, loaded: s.drawings.loaded })),
  );
  const addDrawing = useAppStore((s) => s.addDrawing);
  const lastAdded = useRef(added);
  useEffect(() => {
    if (added !== lastAdded.current) onAdded();
    lastAdded.current = added;
  }, [added, onAdded]);
  if (dataset === 'fashion-mnist') return null;
  const kind = dataset === 'own' ? 'classes' : 'digits';
  const set = kind === 'digits' ? digits : classes;
  const counts = countByClass(set);
  return (
    <div className="add-to-drawings" role="group" aria-label={t(kind === 'digits' ? 'addTo.digitsGroup' : 'addTo.classesGroup')}>
      <span className="hint">{t(kind === 'digits' ? 'addTo.digits' : 'addTo.classes')}</span>
      <div className="add-chips">
        {set.classNames.map((name, i) => (
          <button
            key={i}
            className={`add-chip${kind === 'classes' && counts[i] < MIN_PER_CLASS ? ' short' : ''}`}
            data-testid={`add-drawing-${i}`}
            disabled={!loaded}
            title={t('addTo.chipTitle', { name, added: counts[i] })}
            onClick={() => addDrawing(kind, i)}
          >
            {name.trim() || t('addTo.classFallback', { number: i + 1 })} <small data-testid={`add-count-${i}`}>{counts[i]}</small>
          </button>
        ))}
      </div>
      {addError && (
        <p className="field-error" role="alert" data-testid="add-drawing-error">
          {wordMessage(addError, t)}
        </p>
      )}
    </div>
  );
}
