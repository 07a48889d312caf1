import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { classesBlocker, MAX_CLASSES, type DrawingSet } from '../../drawings/drawingSet';
import { wordMessage } from '../../i18n/i18n';
import { useAppStore } from '../../store/useAppStore';
import { DrawingRows } from './DrawingRows';

/** Your classes: their rows, a button for one more, and whether they can train yet. */
export function ClassesEditor({ set }: { set: DrawingSet }): JSX.Element {
  const { t } = useTranslation('drawings');
  const addClass = useAppStore((s) => s.addClass);
  const blocker = classesBlocker(set);
  return (
    <>
      <DrawingRows set={set} kind="classes" />
      <div className="classes-foot">
        <button onClick={addClass} disabled={set.classNames.length >= MAX_CLASSES} data-testid="add-class">{t('classes.add')}</button>
        <span className={blocker ? 'hint' : 'ok'} data-testid="classes-status">
          {blocker ? wordMessage(blocker, t) : t('classes.ready', { drawings: set.drawings.length, classes: set.classNames.length })}
        </span>
      </div>
    </>
  );
}
