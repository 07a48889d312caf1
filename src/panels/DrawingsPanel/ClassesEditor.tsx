import type { JSX } from 'react';
import { classesBlocker, MAX_CLASSES, type DrawingSet } from '../../drawings/drawingSet';
import { useAppStore } from '../../store/useAppStore';
import { DrawingRows } from './DrawingRows';

/** Your classes: their rows, a button for one more, and whether they can train yet. */
export function ClassesEditor({ set }: { set: DrawingSet }): JSX.Element {
  const addClass = useAppStore((s) => s.addClass);
  const blocker = classesBlocker(set);
  return (
    <>
      <DrawingRows set={set} kind="classes" />
      <div className="classes-foot">
        <button onClick={addClass} disabled={set.classNames.length >= MAX_CLASSES} data-testid="add-class">+ Add a class</button>
        <span className={blocker ? 'hint' : 'ok'} data-testid="classes-status">
          {blocker ?? `Ready: ${set.drawings.length} drawings of ${set.classNames.length} classes. Press Train: a stratified validation split is held out, and augmentation is on by default.`}
        </span>
      </div>
    </>
  );
}
