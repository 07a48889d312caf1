import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { isActive } from '../../store/selectors';
import { useAppStore } from '../../store/useAppStore';
import type { ModelFormat } from '../../model/modelFormat';
import { formatBytes } from '../format';
import { RunRow } from './RunRow';
import { sortRuns } from './runLabels';

/**
 * The formats a model downloads as. No `accept` filter on the open button:
 * converters write weight shards without an extension (`group1-shard1of1`),
 * which a filter by extension would hide.
 */
const FORMATS: Record<ModelFormat, { label: string; title: string }> = {
  keras: { label: '.keras (Keras 3)', title: 'One .keras file: keras.models.load_model("….keras") opens it in Keras 3' },
  h5: { label: '.h5 (Keras 2)', title: 'One .h5 file, as Keras 2 saves whole models: tf.keras.models.load_model("….h5") opens it, and so does Keras 3' },
  tfjs: { label: 'TensorFlow.js', title: 'model.json and its weights, in the TensorFlow.js Layers format (tf.loadLayersModel, tensorflowjs_converter)' },
};

/**
 * Saved runs (IndexedDB, kept across reloads): open, rename, pin, delete,
 * pick for comparison; continue training the current one; the current
 * model's files out, and a model's files in.
 */
export function RunsPanel() {
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
  const current = list.find((r) => r.id === savedId) ?? null;
  const moreEpochs = Number(more);
  const moreError = Number.isInteger(moreEpochs) && moreEpochs >= 1 && moreEpochs <= 1000 ? null : 'a whole number from 1 to 1000';
  const canContinue = current !== null && current.weights.latest !== null && !busy && moreError === null;

  return (
    <section className="card runs" aria-label="Saved runs">
      <h2>
        Saved runs
        <small data-testid="storage-usage">
          {storage?.usedBytes != null ? `${formatBytes(storage.usedBytes)} used${storage.quotaBytes ? ` of ${formatBytes(storage.quotaBytes)}` : ''}` : ''}
        </small>
      </h2>
      {storage && !storage.available && <p className="notice" data-testid="storage-notice">Runs are not saved: {storage.message}</p>}
      {storage?.available && storage.message && <p className="notice" data-testid="storage-notice">{storage.message}</p>}
      {runs.loaded && list.length === 0 && damaged.length === 0 && <p className="hint">Every run is saved here as it trains, with its weights, and comes back after a reload.</p>}
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
            <span className="saved-run-meta">A saved run could not be read: {d.reason}</span>
            <button type="button" onClick={() => a.deleteRun(d.id)}>Delete</button>
          </li>
        ))}
      </ul>
      {runs.compare.length === 1 && <p className="hint">Pick one more run to compare.</p>}
      <div className="continue">
        <label>
          Continue{current ? ` "${current.name}"` : ''} for{' '}
          <input type="number" min={1} max={1000} value={more} onChange={(e) => setMore(e.target.value)} aria-invalid={moreError !== null} data-testid="continue-epochs" />{' '}
          more epochs
        </label>
        <button
          type="button"
          onClick={() => a.continueRun(current!.id, moreEpochs)}
          disabled={!canContinue}
          data-testid="continue-training"
          title={current ? (current.weights.optimizer ? 'From its latest weights and optimizer state' : 'From its latest weights; the optimizer starts fresh (its state was not stored)') : 'Train or open a saved run first'}
        >
          Continue training
        </button>
        {moreError && <p className="field-error">Epochs: {moreError}</p>}
      </div>
      <div className="model-files">
        <div className="download-model">
          <button type="button" onClick={() => a.downloadModel(format)} disabled={!hasModel || busy} data-testid="download-model" title={FORMATS[format].title}>
            Download model
          </button>
          <select aria-label="Model file format" data-testid="model-format-select" value={format} onChange={(e) => setFormat(e.target.value as ModelFormat)}>
            {(Object.keys(FORMATS) as ModelFormat[]).map((f) => <option key={f} value={f}>{FORMATS[f].label}</option>)}
          </select>
        </div>
        <label
          className={`button${busy ? ' disabled' : ''}`}
          title="A Keras .h5 or .keras file, or a TensorFlow.js model.json selected together with its weight files"
          onPointerEnter={a.prepareModelFiles}
          onFocus={a.prepareModelFiles}
        >
          Open model file…
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
