import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunSummary } from '../../protocol';
import { runMeta } from './runLabels';

export interface RunRowProps {
  run: RunSummary;
  current: boolean;
  comparing: boolean;
  /** True while a run trains: opening another would take its model away. */
  busy: boolean;
  onOpen: () => void;
  onRename: (name: string) => void;
  onPin: (pinned: boolean) => void;
  onDelete: () => void;
  onCompare: () => void;
}

/** One saved run: open it, rename, pin, delete (asked twice), pick it for comparison. */
export function RunRow({ run, current, comparing, busy, onOpen, onRename, onPin, onDelete, onCompare }: RunRowProps) {
  const { t } = useTranslation('runs');
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const noWeights = run.weights.latest === null;
  const title = t(noWeights ? 'row.noWeightsTitle' : 'row.openTitle');
  return (
    <li data-run-id={run.id} className={`saved-run${current ? ' current' : ''}`} aria-current={current ? 'true' : undefined}>
      <div className="saved-run-main">
        {editing ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const name = new FormData(e.currentTarget).get('name');
              if (typeof name === 'string' && name.trim()) onRename(name);
              setEditing(false);
            }}
          >
            <input name="name" defaultValue={run.name} aria-label={t('row.name')} maxLength={80} autoFocus onBlur={(e) => e.currentTarget.form?.requestSubmit()} onKeyDown={(e) => e.key === 'Escape' && setEditing(false)} />
          </form>
        ) : (
          <span className="saved-run-title">
            <button
              type="button"
              className={`pin${run.pinned ? ' pinned' : ''}`}
              onClick={() => onPin(!run.pinned)}
              aria-pressed={run.pinned}
              aria-label={t(run.pinned ? 'row.unpin' : 'row.pin')}
              title={t(run.pinned ? 'row.pinnedTitle' : 'row.pinTitle')}
            >
              {run.pinned ? '★' : '☆'}
            </button>
            <button type="button" className="link saved-run-name" onClick={onOpen} disabled={busy || current} title={current ? t('row.currentTitle') : title}>
              {run.name}
            </button>
          </span>
        )}
        <span className={`saved-run-meta status-word-${run.status}`}>{runMeta(run, Date.now(), t)}{noWeights ? t('row.noWeights') : ''}</span>
      </div>
      <div className="saved-run-actions">
        <label title={t('row.compareTitle')}>
          <input type="checkbox" checked={comparing} onChange={onCompare} data-testid="compare-toggle" /> {t('row.compare')}
        </label>
        <button type="button" onClick={() => setEditing(true)} title={t('row.rename')}>{t('row.rename')}</button>
        {confirming ? (
          <>
            <button type="button" className="danger" onClick={onDelete} data-testid="confirm-delete">{t('row.confirmDelete')}</button>
            <button type="button" onClick={() => setConfirming(false)}>{t('row.keep')}</button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirming(true)} disabled={run.pinned || (current && busy)} title={t(run.pinned ? 'row.unpinFirst' : 'row.deleteTitle')}>
            {t('row.delete')}
          </button>
        )}
      </div>
    </li>
  );
}
