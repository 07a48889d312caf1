import { useRef, type JSX } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { drawingsFileName, serializeDrawings } from '../../drawings/drawingsFile';
import type { DrawingSet } from '../../drawings/drawingSet';
import { wordMessage } from '../../i18n/i18n';
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
  const { t } = useTranslation('drawings');
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
    <section className="card drawings" aria-label={t('panel.label')} data-testid="drawings-panel" data-kind={kind} data-loaded={loaded}>
      <header className="card-header">
        <h2>{t(kind === 'digits' ? 'panel.titleDigits' : 'panel.titleClasses')}</h2>
        <span className="hint">
          {t(kind === 'digits' ? 'panel.hintDigits' : 'panel.hintClasses')}
        </span>
        <div className="drawings-file">
          <button onClick={() => download(set)} disabled={set.drawings.length === 0} data-testid="export-drawings">{t('panel.export')}</button>
          <button onClick={() => fileRef.current?.click()} disabled={!loaded} data-testid="import-drawings-button">{t('panel.import')}</button>
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
          {wordMessage(message.text, t)} <button className="link" onClick={dismiss} aria-label={t('panel.dismiss')}>×</button>
        </p>
      )}
      {dataset !== 'fashion-mnist' && (
        <p className="hint" data-testid="drawings-how">
          <Trans
            t={t}
            i18nKey={kind === 'digits' ? 'panel.howDigits' : 'panel.howClasses'}
            components={{ pad: <button className="link" onClick={() => showView('train')} data-testid="go-to-pad" /> }}
          />
        </p>
      )}
      {dataset === 'fashion-mnist' && (
        <p className="hint">
          <Trans
            t={t}
            i18nKey="panel.fashion"
            components={{
              mnist: <button className="link" disabled={active} onClick={() => setDataset('mnist')} />,
              own: <button className="link" disabled={active} onClick={() => setDataset('own')} data-testid="use-own-classes" />,
            }}
          />
        </p>
      )}
      {dataset === 'mnist' && (
        <p className="hint">
          <Trans
            t={t}
            i18nKey="panel.mnist"
            components={{ own: <button className="link" disabled={active} onClick={() => setDataset('own')} data-testid="use-own-classes" /> }}
          />
        </p>
      )}
      {kind === 'classes' ? <ClassesEditor set={classes} /> : dataset === 'mnist' ? <FineTuneSection /> : <DrawingRows set={digits} kind="digits" />}
    </section>
  );
}
