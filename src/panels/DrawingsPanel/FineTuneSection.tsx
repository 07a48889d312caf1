import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { fineTuneBlockerOf } from '../../store/drawings/drawingsSlice';
import { wordMessage } from '../../i18n/i18n';
import { useAppStore } from '../../store/useAppStore';
import { afterMessage, lastFineTune, scoreText, shownFineTune } from '../heldOutText';
import { DrawingRows } from './DrawingRows';

/**
 * Your handwriting: the digits drawn, and fine-tuning the current MNIST model
 * on them mixed with MNIST, measured on drawings it never trains on.
 */
export function FineTuneSection(): JSX.Element {
  const { t } = useTranslation('drawings');
  const blocker = useAppStore(fineTuneBlockerOf);
  const { form, fineTune, status, runId } = useAppStore(
    useShallow((s) => ({ form: s.drawings.fineTuneForm, fineTune: s.drawings.fineTune, status: s.run.status, runId: s.run.runId })),
  );
  const setField = useAppStore((s) => s.setFineTuneField);
  const start = useAppStore((s) => s.fineTune);
  const digits = useAppStore((s) => s.drawings.digits);
  const running = fineTune !== null && runId === fineTune.runId && (status === 'loading' || status === 'training' || status === 'paused');
  const saved = useAppStore((s) => {
    const run = s.runs.list.find((r) => r.id === s.run.savedId);
    return run ? lastFineTune(run) : null;
  });
  const shown = shownFineTune(fineTune, runId, saved);
  const own = shown !== null && !shown.saved;
  return (
    <>
      <DrawingRows set={digits} kind="digits" />
      <div className="fine-tune" data-testid="fine-tune-section">
        <h3>{t('fineTune.title')}</h3>
        <p className="hint">{t('fineTune.hint')}</p>
        <div className="fine-tune-fields">
          <label>
            {t('fineTune.share')}
            <input type="number" min={5} max={95} step={5} value={form.sharePercent} data-testid="fine-tune-share" onChange={(e) => setField({ sharePercent: e.target.value })} /> %
          </label>
          <label>
            {t('fineTune.epochs')}
            <input type="number" min={1} max={100} value={form.epochs} data-testid="fine-tune-epochs" onChange={(e) => setField({ epochs: e.target.value })} />
          </label>
          <label>
            <input type="checkbox" checked={form.augment} data-testid="fine-tune-augment" onChange={(e) => setField({ augment: e.target.checked })} /> {t('fineTune.augment')}
          </label>
          <button className="primary" disabled={!!blocker} onClick={start} data-testid="fine-tune" aria-describedby="fine-tune-blocker">
            {t('fineTune.start')}
          </button>
        </div>
        {blocker && <p className="hint" id="fine-tune-blocker" data-testid="fine-tune-blocker">{wordMessage(blocker, t)}</p>}
        {shown && (
          <p
            className="held-out"
            data-testid="held-out-accuracy"
            data-saved={own ? undefined : 'true'}
            data-before={shown.before ? shown.before.correct / Math.max(1, shown.before.count) : ''}
            data-after={shown.after ? shown.after.correct / Math.max(1, shown.after.count) : ''}
          >
            {own
              ? t('fineTune.ownHeldOut')
              : t('fineTune.savedHeldOut', { drawings: saved?.handwriting.drawings, share: saved?.handwriting.sharePercent })}
            :{' '}{t('fineTune.before')} {shown.before ? <strong>{scoreText(shown.before)}</strong> : own && running ? '…' : '—'}
            {' → '}
            {shown.after ? (
              <>
                {wordMessage(afterMessage(shown.from, shown.after), t)}: <strong>{scoreText(shown.after)}</strong>
              </>
            ) : own && running ? t('fineTune.training') : '—'}
          </p>
        )}
      </div>
    </>
  );
}
