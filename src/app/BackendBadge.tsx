import { useShallow } from 'zustand/react/shallow';
import { BACKEND_CHOICES, type BackendChoice } from '../model/backends';
import { formatCount } from '../panels/format';
import { isActive } from '../store/selectors';
import { useAppStore } from '../store/useAppStore';

const CHOICE_LABEL: Record<BackendChoice, string> = {
  auto: 'Auto (fastest)',
  wasm: 'wasm · CPU',
  webgl: 'webgl · GPU',
  cpu: 'cpu · plain JS',
};

/**
 * Which tfjs backend trains and why, every backend's measured speed on the
 * network set up, and the overrides (remembered in this browser): the
 * backend, and on wasm how many cores train.
 */
export function BackendBadge() {
  const b = useAppStore((s) => s.backend);
  const { chooseBackend, chooseCores, running } = useAppStore(
    useShallow((s) => ({ chooseBackend: s.chooseBackend, chooseCores: s.chooseCores, running: isActive(s.run) })),
  );
  const active = b.active;
  const cores = active?.availableCores ?? 0;
  return (
    <div className={`backend ${active?.slow ? 'backend-slow' : ''}`}>
      <div className="backend-line" title={active?.reason ? `In use: ${active.reason}` : undefined}>
        backend: <strong data-testid="backend-name">{active?.name ?? 'starting…'}</strong>
        {active && <span className="backend-detail" data-testid="backend-detail"> · {active.detail}</span>}
        <select
          data-testid="backend-select"
          aria-label="Backend"
          value={b.choice}
          disabled={running}
          title={running ? 'The backend changes between runs' : 'Train on the fastest backend measured, or on the one you pick'}
          onChange={(e) => chooseBackend(e.target.value as BackendChoice)}
        >
          {BACKEND_CHOICES.map((c) => <option key={c} value={c}>{CHOICE_LABEL[c]}</option>)}
        </select>
        {active?.name === 'wasm' && cores > 1 && (
          <select
            data-testid="cores-select"
            aria-label="CPU cores"
            value={Math.min(b.cores, cores)}
            title="Cores that train, one worker each; fewer leave more for the rest of the computer (applies from the next step)"
            onChange={(e) => chooseCores(Number(e.target.value))}
          >
            <option value={0}>all {cores} cores</option>
            {Array.from({ length: cores - 1 }, (_, i) => cores - 1 - i).map((n) => (
              <option key={n} value={n}>{n} core{n === 1 ? '' : 's'}</option>
            ))}
          </select>
        )}
      </div>
      <div className="backend-rates" data-testid="backend-rates" aria-live="polite">
        {b.rates.length === 0 && (b.measuring || !active ? 'measuring training speed…' : '')}
        {b.rates.map((r) => (
          <span key={r.name} className={r.name === active?.name ? 'rate rate-active' : 'rate'} data-backend={r.name} data-rate={r.imagesPerSec ?? ''} title={r.error}>
            {r.name} {r.imagesPerSec === null ? 'unavailable' : `${formatCount(Math.round(r.imagesPerSec))} images/s`}
          </span>
        ))}
        {b.rates.length > 0 && b.measuring && <span className="rate">measuring…</span>}
      </div>
    </div>
  );
}
