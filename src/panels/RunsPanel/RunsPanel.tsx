import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { wordText } from '../../i18n/i18n';
import { isActive } from '../../store/selectors';
import { useAppStore } from '../../store/useAppStore';
import type { ModelFormat } from '../../model/modelFormat';
import { formatBytes } from '../format';
import { RunRow } from './RunRow';
import { sortRuns } from './runLabels';
import { CacheStorage } from '../OfflineStatus/CacheStorage';

/**
 * The formats a model downloads as. No `accept` filter on the open button:
 * converters write weight shards without an extension (`group1-shard1of1`),
 * which a filter by extension would hide.
 */
const FORMATS = {
  keras: { label: 'model.kerasLabel', title: 'model.kerasTitle' },
  h5: { label: 'model.h5Label', title: 'model.h5Title' },
  tfjs: { label: 'model.tfjsLabel', title: 'model.tfjsTitle' },
} as const satisfies Record<ModelFormat, { label: string; title: string }>;


/**
 * Saved runs (IndexedDB, kept across reloads): open, rename, pin, delete,
 * pick for comparison; continue training the current one; the current
 * model's files out, and a model's files in.
 */
export function RunsPanel() {
  const { t } = useTranslation('runs');
  const { runs, savedId, busy, hasModel } = useAppStore(
    useShallow((s) => ({ runs: s.runs, savedId: s.run.savedId, busy: isActive(s.run), hasModel: s.run.runId > 0 && s.run.status !== 'error' })),
  );
  const a = useAppStore(
    useShallow((s) => ({
      openRun: s.openRun, renameRun: s.renameRun, pinRun: s.pinRun, deleteRun: s.deleteRun, toggleCompare: s.toggleCompare,
      continueRun: s.continueRun, downloadModel: s.downloadModel, uploadModel: s.uploadModel, prepareModelFiles: s.prepareModelFiles,
    })),
  );
  const [more, setMore] = useState('2');
  const [format, setFormat] = useState<ModelFormat>('keras');
  const { list, damaged, storage } = runs;
  const storageMessage = storage?.message;
  const current = list.find((r) => r.id === savedId) ?? null;
  const moreEpochs = Number(more);
  const moreError = !(Number.isInteger(moreEpochs) && moreEpochs >= 1 && moreEpochs <= 1000);
  const canContinue = current !== null && current.weights.latest !== null && !busy && !moreError;

  return (
    <section className="card runs" aria-label={t('panel.label')}>
      <h2>
        {t('panel.title')}
        <small data-testid="storage-usage">
          {storage?.usedBytes != null
            ? storage.quotaBytes
              ? t('panel.usedOf', { used: formatBytes(storage.usedBytes), quota: formatBytes(storage.quotaBytes) })
              : t('panel.used', { used: formatBytes(storage.usedBytes) })
            : ''}
        </small>
        <CacheStorage />
      </h2>
      {storage && !storage.available && <p className="notice" data-testid="storage-notice">{t('panel.notSaved', { why: wordText(storageMessage, t) })}</p>}
      {storage?.available && storageMessage && <p className="notice" data-testid="storage-notice">{wordText(storageMessage, t)}</p>}
      {runs.loaded && list.length === 0 && damaged.length === 0 && <p className="hint">{t('panel.empty')}</p>}
      <ul className="saved-runs" data-testid="run-list">
        {sortRuns(list).map((r) => (
          <RunRow
            key={r.id}
            run={r}
            current={r.id === savedId}
            comparing={runs.compare.includes(r.id)}
            busy={busy}
            onOpen={() => a.openRun(r.id)}
            onRename={(name) => a.renameRun(r.id, name)}
            onPin={(pinned) => a.pinRun(r.id, pinned)}
            onDelete={() => a.deleteRun(r.id)}
            onCompare={() => a.toggleCompare(r.id)}
          />
        ))}
        {damaged.map((d) => (
          <li key={d.id} data-run-id={d.id} className="saved-run damaged">
            <span className="saved-run-meta">{t('panel.damaged', { why: d.reason })}</span>
            <button type="button" onClick={() => a.deleteRun(d.id)}>{t('panel.delete')}</button>
          </li>
        ))}
      </ul>
      {runs.compare.length === 1 && <p className="hint">{t('panel.pickOne')}</p>}
      <div className="continue">
        <label>
          {current ? t('continue.forNamed', { name: current.name }) : t('continue.for')}{' '}
          <input type="number" min={1} max={1000} value={more} onChange={(e) => setMore(e.target.value)} aria-invalid={moreError} data-testid="continue-epochs" />{' '}
          {t('continue.moreEpochs')}
        </label>
        <button
          type="button"
          onClick={() => a.continueRun(current!.id, moreEpochs)}
          disabled={!canContinue}
          data-testid="continue-training"
          title={t(current ? (current.weights.optimizer ? 'continue.withOptimizer' : 'continue.freshOptimizer') : 'continue.noRun')}
        >
          {t('continue.start')}
        </button>
        {moreError && <p className="field-error">{t('continue.epochsError')}</p>}
      </div>
      <div className="model-files">
        <div className="download-model">
          <button type="button" onClick={() => a.downloadModel(format)} disabled={!hasModel || busy} data-testid="download-model" title={t(FORMATS[format].title)}>
            {t('model.download')}
          </button>
          <select aria-label={t('model.format')} data-testid="model-format-select" value={format} onChange={(e) => setFormat(e.target.value as ModelFormat)}>
            {(Object.keys(FORMATS) as ModelFormat[]).map((f) => <option key={f} value={f}>{t(FORMATS[f].label)}</option>)}
          </select>
        </div>
        <label
          className={`button${busy ? ' disabled' : ''}`}
          title={t('model.openTitle')}
          onPointerEnter={a.prepareModelFiles}
          onFocus={a.prepareModelFiles}
        >
          {t('model.open')}
          <input
            type="file"
            multiple
            hidden
            disabled={busy}
            data-testid="upload-model"
            onChange={(e) => {
              const files = Array.from(e.currentTarget.files ?? []);
              e.currentTarget.value = '';
              if (files.length) void a.uploadModel(files);
            }}
          />
        </label>
      </div>
    </section>
  );
}
