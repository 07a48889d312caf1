import { useEffect, useRef, type JSX } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { countByClass, MIN_PER_CLASS } from '../../drawings/drawingSet';
import { useAppStore } from '../../store/useAppStore';

/**
 * Under the pad: adds the drawing (or upload) on screen to your handwriting
 * (a digit's button) or to one of your classes, then clears the pad for the
 * next one, so that ten examples take ten drawings and ten clicks.
 */
export function AddToDrawings({ onAdded }: { onAdded: () => void }): JSX.Element | null {
  const { dataset, digits, classes, error, added, loaded } = useAppStore(
    useShallow((s) => ({ dataset: s.dataset, digits: s.drawings.digits, classes: s.drawings.classes, error: s.drawings.addError, added: s.drawings.added, loaded: s.drawings.loaded })),
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
    <div className="add-to-drawings" role="group" aria-label={kind === 'digits' ? 'Add this drawing to your handwriting as' : 'Add this drawing to your class'}>
      <span className="hint">{kind === 'digits' ? 'Add to your handwriting as:' : 'Add to your class:'}</span>
      <div className="add-chips">
        {set.classNames.map((name, i) => (
          <button
            key={i}
            className={`add-chip${kind === 'classes' && counts[i] < MIN_PER_CLASS ? ' short' : ''}`}
            data-testid={`add-drawing-${i}`}
            disabled={!loaded}
            title={`Add the drawing on the pad as “${name}” (${counts[i]} so far)`}
            onClick={() => addDrawing(kind, i)}
          >
            {name.trim() || `Class ${i + 1}`} <small data-testid={`add-count-${i}`}>{counts[i]}</small>
          </button>
        ))}
      </div>
      {error && <p className="field-error" role="alert" data-testid="add-drawing-error">{error}</p>}
    </div>
  );
}
