import { useMemo, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { ByteThumb } from '../../charts/ByteThumb';
import { checkClassNames, MIN_PER_CLASS, type DrawingSet, type DrawingSetKind } from '../../drawings/drawingSet';
import { wordMessage } from '../../i18n/i18n';
import { preprocessDigit } from '../../input/preprocessDigit';
import { message, MessageError, type MessageValue } from '../../model/message';
import { useAppStore } from '../../store/useAppStore';
import { readImageFile } from '../DrawingPanel/readImageFile';

/** Reads uploaded files as drawings: each decoded, then preprocessed as the pad's drawings are. */
async function readUploads(files: readonly File[]): Promise<{ name: string; pixels: Float32Array | null; problem?: MessageValue }[]> {
  return Promise.all(
    files.map(async (file) => {
      try {
        const { input, empty } = preprocessDigit(await readImageFile(file));
        return empty ? { name: file.name, pixels: null, problem: message('drawings:upload.noInk') } : { name: file.name, pixels: input };
      } catch (e) {
        const problem = e instanceof MessageError ? e.detail : e instanceof Error ? e.message : String(e);
        return { name: file.name, pixels: null, problem };
      }
    }),
  );
}

/**
 * One row per class: its name (editable for your classes), how many drawings
 * it has, and the drawings themselves, each with a delete button. After a
 * fine-tuning, a held-out digit shows what the model now reads it as.
 */
export function DrawingRows({ set, kind }: { set: DrawingSet; kind: DrawingSetKind }): JSX.Element {
  const { t } = useTranslation('drawings');
  const removeDrawing = useAppStore((s) => s.removeDrawing);
  const renameClass = useAppStore((s) => s.renameClass);
  const removeClass = useAppStore((s) => s.removeClass);
  const addImages = useAppStore((s) => s.addImages);
  const fineTune = useAppStore((s) => (kind === 'digits' ? s.drawings.fineTune : null));
  // What the fine-tuned model read each held-out drawing as: only while that model is the current one.
  const readByCurrent = useAppStore((s) => fineTune !== null && fineTune.runId === s.run.runId);
  const nameErrors = kind === 'classes' ? checkClassNames(set.classNames) : [];
  /** Held-out drawings by id, with the digit the model read after fine-tuning (when it has). */
  const heldOut = useMemo(() => {
    const m = new Map<string, number | null>();
    fineTune?.heldOutIds.forEach((id, i) => m.set(id, fineTune.after && readByCurrent ? fineTune.after.predicted[i] : null));
    return m;
  }, [fineTune, readByCurrent]);
  const byClass = useMemo(() => set.classNames.map((_, c) => set.drawings.filter((d) => d.label === c)), [set]);

  return (
    <div className={`drawing-rows ${kind}`} data-testid={`drawing-rows-${kind}`}>
      {set.classNames.map((name, c) => {
        const list = byClass[c];
        const short = kind === 'classes' && list.length < MIN_PER_CLASS;
        return (
          <div className="drawing-row" key={c} data-testid={`class-row-${c}`}>
            <div className="drawing-row-head">
              {kind === 'classes' ? (
                <>
                  <input
                    className="class-name"
                    value={name}
                    maxLength={40}
                    aria-label={t('classes.nameLabel', { n: c + 1 })}
                    aria-invalid={nameErrors[c] ? 'true' : 'false'}
                    data-testid={`class-name-${c}`}
                    onChange={(e) => renameClass(c, e.target.value)}
                  />
                  {nameErrors[c] && <span className="field-error" data-testid={`class-name-error-${c}`}>{wordMessage(nameErrors[c], t)}</span>}
                </>
              ) : (
                <strong className="digit-name">{name}</strong>
              )}
              <span className={short ? 'class-count short' : 'class-count'} data-testid={`class-count-${c}`} data-count={list.length}>
                {kind === 'classes' ? `${list.length} / ${MIN_PER_CLASS}` : list.length}
              </span>
              {kind === 'classes' && (
                <>
                  <label className="upload small" title={t('classes.uploadTitle')}>
                    {t('classes.upload')}
                    <input
                      type="file"
                      multiple
                      accept="image/png,image/jpeg,image/webp"
                      data-testid={`upload-to-class-${c}`}
                      onChange={(e) => {
                        const files = Array.from(e.target.files ?? []);
                        e.target.value = '';
                        if (files.length) void readUploads(files).then((images) => addImages(kind, c, name, images));
                      }}
                    />
                  </label>
                  <button
                    className="link"
                    disabled={set.classNames.length <= 2}
                    title={list.length ? t('classes.removeTitleWith', { name, n: list.length }) : t('classes.removeTitle', { name })}
                    data-testid={`remove-class-${c}`}
                    onClick={() => {
                      if (list.length === 0 || window.confirm(t('classes.removeConfirm', { name, n: list.length }))) removeClass(c);
                    }}
                  >
                    {t('classes.remove')}
                  </button>
                </>
              )}
            </div>
            <ul className="drawing-thumbs">
              {list.map((d) => {
                const held = heldOut.has(d.id);
                const read = heldOut.get(d.id);
                const verdict = read === undefined || read === null ? '' : read === d.label ? ' right' : ' wrong';
                return (
                  <li key={d.id} className={`drawing-thumb${held ? ' held-out' : ''}${verdict}`} data-testid="drawing-thumb" data-id={d.id} title={held ? (read !== undefined && read !== null ? t('classes.heldOutRead', { digit: read }) : t('classes.heldOut')) : undefined}>
                    <ByteThumb pixels={d.pixels} />
                    {read !== undefined && read !== null && <span className="thumb-read">{read}</span>}
                    <button className="thumb-delete" aria-label={t('classes.deleteDrawing', { name })} data-testid="delete-drawing" onClick={() => removeDrawing(kind, d.id)}>×</button>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </div>
  );
}
