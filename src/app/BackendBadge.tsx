import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { wordMessage } from '../i18n/i18n';
import { BACKEND_CHOICES, type BackendChoice } from '../model/backends';
import { formatCount } from '../panels/format';
import { backendName } from '../panels/RunPanel/backendName';
import { isActive } from '../store/selectors';
import { useAppStore } from '../store/useAppStore';

/**
 * Which tfjs backend trains and why, every backend's measured speed on the
 * network set up, and the overrides (remembered in this browser): the
 * backend, and on wasm how many cores train.
 */
export function BackendBadge() {
  const { t } = useTranslation('app');
  const b = useAppStore((s) => s.backend);
  const { chooseBackend, chooseCores, running } = useAppStore(
    useShallow((s) => ({ chooseBackend: s.chooseBackend, chooseCores: s.chooseCores, running: isActive(s.run) })),
  );
  const active = b.active;
  const cores = active?.availableCores ?? 0;
  return (
    <div className={`backend ${active?.slow ? 'backend-slow' : ''}`}>
      <div className="backend-line" title={active?.reason ? t('backend.inUse', { reason: wordMessage(active.reason, t) }) : undefined}>
        {t('backend.label')} <strong data-testid="backend-name">{active ? backendName(active.name, t) : t('backend.starting')}</strong>
        {active && <span className="backend-detail" data-testid="backend-detail"> · {wordMessage(active.detail, t)}</span>}
        <select
          data-testid="backend-select"
          aria-label={t('backend.select')}
          value={b.choice}
          disabled={running}
          title={running ? t('backend.selectRunning') : t('backend.selectTitle')}
          onChange={(e) => chooseBackend(e.target.value as BackendChoice)}
        >
          {BACKEND_CHOICES.map((c) => <option key={c} value={c}>{t(`backend.choices.${c}`)}</option>)}
        </select>
        {active?.name === 'wasm' && cores > 1 && (
          <select
            data-testid="cores-select"
            aria-label={t('backend.cores')}
            value={Math.min(b.cores, cores)}
            title={t('backend.coresTitle')}
            onChange={(e) => chooseCores(Number(e.target.value))}
          >
            <option value={0}>{t('backend.allCores', { count: cores })}</option>
            {Array.from({ length: cores - 1 }, (_, i) => cores - 1 - i).map((n) => (
              <option key={n} value={n}>{t('backend.someCores', { count: n })}</option>
            ))}
          </select>
        )}
      </div>
      <div className="backend-rates" data-testid="backend-rates" aria-live="polite">
        {b.rates.length === 0 && (b.measuring || !active ? t('backend.measuring') : '')}
        {b.rates.map((r) => (
          <span key={r.name} className={r.name === active?.name ? 'rate rate-active' : 'rate'} data-backend={r.name} data-rate={r.imagesPerSec ?? ''} title={r.error}>
            {backendName(r.name, t)} {r.imagesPerSec === null ? t('backend.unavailable') : t('backend.rate', { rate: formatCount(Math.round(r.imagesPerSec)) })}
          </span>
        ))}
        {b.rates.length > 0 && b.measuring && <span className="rate">{t('backend.measuringMore')}</span>}
      </div>
    </div>
  );
}
