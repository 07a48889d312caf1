import { useRef, type JSX } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { drawingsFileName, serializeDrawings } from '../../drawings/drawingsFile';
import type { DrawingSet } from '../../drawings/drawingSet';
import { saveBlob } from '../../store/saveBlob';
import { isActive } from '../../store/selectors';
import { useAppStore } from '../../store/useAppStore';
import { ClassesEditor } from './ClassesEditor';
import { FineTuneSection } from './FineTuneSection';
import { DrawingRows } from './DrawingRows';
import './drawings.css';

/** Saves a set as one JSON file through the browser's downloads. */
function download(set: DrawingSet): void {
  saveBlob(new Blob([serializeDrawings(set)], { type: 'application/json' }), drawingsFileName(set, new Date()));
}

/**
 * The user's own drawings, kept in this browser: their handwriting (with
 * MNIST digits chosen), to fine-tune a digits model on; or their own classes
 * (with "Your classes" chosen), to train a network from scratch. Drawings are
 * added from the pad above; here they are named, counted, looked at, deleted,
 * exported and imported.
 */
export function DrawingsPanel(): JSX.Element {
  const { dataset, digits, classes, message, loaded, active } = useAppStore(
    useShallow((s) => ({
      dataset: s.dataset, digits: s.drawings.digits, classes: s.drawings.classes, message: s.drawings.message, loaded: s.drawings.loaded, active: isActive(s.run),
    })),
  );
  const setDataset = useAppStore((s) => s.setDataset);
  const showView = useAppStore((s) => s.showView);
  const importDrawings = useAppStore((s) => s.importDrawings);
  const dismiss = useAppStore((s) => s.dismissDrawingsMessage);
  const fileRef = useRef<HTMLInputElement | null>(null);
  const kind = dataset === 'own' ? 'classes' : 'digits';
  const set = kind === 'digits' ? digits : classes;

  const onImport = async (file: File | undefined) => {
    if (!file) return;
    importDrawings(await file.text(), file.name);
  };

  return (
    <section className="card drawings" aria-label="Your drawings" data-testid="drawings-panel" data-kind={kind} data-loaded={loaded}>
      <header className="card-header">
        <h2>{kind === 'digits' ? 'Your handwriting' : 'Your classes'}</h2>
        <span className="hint">
          {kind === 'digits'
            ? 'Digits you draw, kept in this browser: teach the network your own hand.'
            : 'Classes you name and draw, kept in this browser: a network learns them from scratch.'}
        </span>
        <div className="drawings-file">
          <button onClick={() => download(set)} disabled={set.drawings.length === 0} data-testid="export-drawings">Export</button>
          <button onClick={() => fileRef.current?.click()} disabled={!loaded} data-testid="import-drawings-button">Import…</button>
          <input
            ref={fileRef}
            type="file"
            accept="application/json,.json"
            hidden
            data-testid="import-drawings"
            onChange={(e) => {
              void onImport(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </div>
      </header>
      {message && (
        <p className={message.kind === 'error' ? 'field-error drawings-message' : 'drawings-message'} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="drawings-message" data-kind={message.kind}>
          {message.text} <button className="link" onClick={dismiss} aria-label="Dismiss">×</button>
        </p>
      )}
      {dataset !== 'fashion-mnist' && (
        <p className="hint" data-testid="drawings-how">
          Draw in the pad of the <button className="link" onClick={() => showView('train')} data-testid="go-to-pad">Train view</button>, then press{' '}
          {kind === 'digits' ? '“Add to your handwriting as” and its digit' : 'the class under it'}: the pad clears for the next one.
        </p>
      )}
      {dataset === 'fashion-mnist' && (
        <p className="hint">
          Your drawings work with digits and with classes of your own:{' '}
          <button className="link" disabled={active} onClick={() => setDataset('mnist')}>use MNIST digits</button> to teach the network your handwriting, or{' '}
          <button className="link" disabled={active} onClick={() => setDataset('own')} data-testid="use-own-classes">your classes</button> to invent some.
        </p>
      )}
      {dataset === 'mnist' && (
        <p className="hint">
          Or <button className="link" disabled={active} onClick={() => setDataset('own')} data-testid="use-own-classes">invent your own classes</button> and train a network on them.
        </p>
      )}
      {kind === 'classes' ? <ClassesEditor set={classes} /> : dataset === 'mnist' ? <FineTuneSection /> : <DrawingRows set={digits} kind="digits" />}
    </section>
  );
}
