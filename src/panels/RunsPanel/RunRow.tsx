import { useState } from 'react';
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
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const noWeights = run.weights.latest === null;
  const title = noWeights ? 'Its weights were not kept (dropped to make room): opening it shows its history with an untrained model' : 'Open: this run\'s model becomes the current one, its curves and results shown';
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
            <input name="name" defaultValue={run.name} aria-label="Run name" maxLength={80} autoFocus onBlur={(e) => e.currentTarget.form?.requestSubmit()} onKeyDown={(e) => e.key === 'Escape' && setEditing(false)} />
          </form>
        ) : (
          <span className="saved-run-title">
            <button
              type="button"
              className={`pin${run.pinned ? ' pinned' : ''}`}
              onClick={() => onPin(!run.pinned)}
              aria-pressed={run.pinned}
              aria-label={run.pinned ? 'Unpin' : 'Pin'}
              title={run.pinned ? 'Pinned: listed first, its weights never dropped to make room, not deletable. Click to unpin' : 'Pin: list it first and never drop its weights to make room'}
            >
              {run.pinned ? '★' : '☆'}
            </button>
            <button type="button" className="link saved-run-name" onClick={onOpen} disabled={busy || current} title={current ? 'This is the current model' : title}>
              {run.name}
            </button>
          </span>
        )}
        <span className={`saved-run-meta status-word-${run.status}`}>{runMeta(run)}{noWeights ? ' · no weights' : ''}</span>
      </div>
      <div className="saved-run-actions">
        <label title="Overlay this run's curves with others (2 to 4)">
          <input type="checkbox" checked={comparing} onChange={onCompare} data-testid="compare-toggle" /> compare
        </label>
        <button type="button" onClick={() => setEditing(true)} title="Rename">Rename</button>
        {confirming ? (
          <>
            <button type="button" className="danger" onClick={onDelete} data-testid="confirm-delete">Delete it</button>
            <button type="button" onClick={() => setConfirming(false)}>Keep</button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirming(true)} disabled={run.pinned || (current && busy)} title={run.pinned ? 'Unpin it first' : 'Delete this run and its weights'}>
            Delete
          </button>
        )}
      </div>
    </li>
  );
}
