import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { isActive } from '../../store/selectors';
import { useAppStore } from '../../store/useAppStore';
import { subscribeOffline, waitingUpdate } from './serviceWorker';
import './offlineStatus.css';

/**
 * Says that a new version has been downloaded and waits; Reload activates it
 * and reloads the page. Nothing reloads by itself, so a run in progress goes on
 * until the learner chooses (its finished epochs are saved either way).
 */
export function UpdateReady() {
  const { t } = useTranslation('offline');
  const apply = useSyncExternalStore(subscribeOffline, waitingUpdate);
  const training = useAppStore((s) => isActive(s.run));
  if (!apply) return null;
  return (
    <div className="update-ready" role="status" data-testid="update-ready">
      <span>{t('updateReady.text')}</span> {training && <span>{t('updateReady.duringRun')}</span>}{' '}
      <button type="button" data-testid="update-reload" onClick={apply}>
        {t('updateReady.reload')}
      </button>
    </div>
  );
}
