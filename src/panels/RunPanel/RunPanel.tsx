import { hasTestSet } from '../../data/datasets';
import { useShallow } from 'zustand/react/shallow';
import { setupCheck, isActive, trainBlocker } from '../../store/selectors';
import { useAppStore } from '../../store/useAppStore';
import { formatBytes, formatCount, formatDuration } from '../format';
import { RunEstimate } from './RunEstimate';

/** Train / Pause / Resume / Stop, the run's status, progress and speed. */
export function RunPanel() {
  const run = useAppStore((s) => s.run);
  const actions = useAppStore(useShallow((s) => ({ train: s.train, pause: s.pause, resume: s.resume, stop: s.stop, evaluate: s.evaluate })));
  const blocker = useAppStore(trainBlocker);
  const invalid = blocker !== null;
  // A classic net at its own input size is for study: say so on the button instead of offering Train.
  const studyOnly = useAppStore((s) => setupCheck(s).studyOnly);
  const active = isActive(run);
  const { status, info, progress } = run;
  const epochsDone = run.epochs.length;
  const currentEpoch = status === 'training' || status === 'paused' ? Math.min((progress?.epoch ?? 0) + 1, info?.epochs ?? 1) : epochsDone;
  // Your classes have no test set: their validation split is the held-out measure.
  const testable = hasTestSet(run.dataset ?? 'mnist');
  const canEvaluate = testable && !active && run.runId > 0 && status !== 'error' && !run.evaluation && info !== null;
  const downloads = Object.entries(run.downloads);
  const loading = status === 'loading' && downloads.some(([, d]) => d.loaded < d.total);
  const trainTitle = blocker ?? (active ? 'A run is in progress' : 'Start a new run');

  return (
    <section className="card run" aria-label="Run">
      <div className="buttons">
        <button className="primary" data-testid="train-button" disabled={invalid || active} title={trainTitle} onClick={actions.train}>
          {studyOnly && !active ? 'Study only' : run.runId > 0 && !active ? 'Train again' : 'Train'}
        </button>
        {status === 'paused' ? (
          <button data-testid="resume-button" onClick={actions.resume}>Resume</button>
        ) : (
          <button data-testid="pause-button" disabled={status !== 'training' || run.evaluation !== null} onClick={actions.pause}>Pause</button>
        )}
        <button data-testid="stop-button" disabled={!active} onClick={actions.stop}>Stop</button>
      </div>
      {invalid && !active && <p className="field-error" data-testid="train-disabled-reason">Train is disabled. {blocker}</p>}
      {!active && !invalid && <RunEstimate />}
      {run.notice && <p className="notice" data-testid="run-notice">{run.notice}</p>}
      {run.backendLosses.map((m, i) => <p key={i} className="notice" data-testid="backend-notice">{m}</p>)}
      <dl className="stats">
        <dt>Status</dt>
        <dd><span className={`status status-${status}`} data-testid="training-status">{status}</span></dd>
        <dt>Epoch</dt>
        <dd data-testid="epoch-counter">{info ? `${currentEpoch} / ${info.epochs}` : '—'}</dd>
        <dt>Speed</dt>
        <dd data-testid="examples-per-sec">{progress ? `${formatCount(Math.round(progress.examplesPerSec))} images/s` : '—'}</dd>
        <dt>Elapsed</dt>
        <dd data-testid="elapsed">{formatDuration(progress?.elapsedMs)}</dd>
        <dt>Remaining</dt>
        <dd data-testid="eta">{active ? formatDuration(progress?.etaMs) : '—'}</dd>
      </dl>
      {info && <EpochProgress at={run.batches.x.at(-1) ?? 0} perEpoch={info.batchesPerEpoch} epochs={info.epochs} />}
      {loading && (
        <div className="downloads" data-testid="download-progress">
          {downloads.map(([file, d]) => (
            <label key={file}>
              <span>{file} · {formatBytes(d.loaded)} / {formatBytes(d.total)}</span>
              <progress max={d.total || 1} value={d.loaded} />
            </label>
          ))}
        </div>
      )}
      {run.evaluation && (
        <label className="downloads" data-testid="evaluation-progress">
          <span>Testing on {formatCount(run.evaluation.total)} test images…</span>
          <progress max={run.evaluation.total || 1} value={run.evaluation.done} />
        </label>
      )}
      <button data-testid="evaluate-button" disabled={!canEvaluate} onClick={actions.evaluate} title={testable ? 'Evaluate the current weights on the whole test set' : 'Your classes have no test set: the validation accuracy is their held-out measure'}>
        Evaluate on test set
      </button>
    </section>
  );
}

/**
 * Batches done out of the run's, from the position of the last one (in epochs): a
 * continued run's earlier epochs may have had another number of batches each (fine-tuning
 * mixes drawings into every batch, so its epochs have more).
 */
function EpochProgress({ at, perEpoch, epochs }: { at: number; perEpoch: number; epochs: number }) {
  const total = perEpoch * epochs;
  const batches = Math.min(total, Math.round(at * perEpoch));
  return (
    <label className="downloads">
      <span>Batch {formatCount(batches)} / {formatCount(total)}</span>
      <progress max={total || 1} value={batches} />
    </label>
  );
}
