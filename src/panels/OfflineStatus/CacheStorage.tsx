import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { cacheLine, measureCaches, type CacheTotals } from './cacheUsage';
import { offlineCacheVersion, subscribeOffline } from './serviceWorker';

/** How often the line is measured again while the page is shown: a dataset's first download lands in the cache meanwhile. */
const REFRESH_MS = 15_000;

/**
 * What the offline copy takes in this browser, beside the saved runs' storage:
 * "Offline copy: app 5.2 MB · datasets 12.0 MB"; nothing when there is none
 * (`npm run dev`, or a browser without the Cache API).
 */
export function CacheStorage() {
  const { t } = useTranslation('offline');
  const version = useSyncExternalStore(subscribeOffline, offlineCacheVersion);
  const [totals, setTotals] = useState<CacheTotals | null>(null);

  useEffect(() => {
    if (typeof caches === 'undefined') return;
    let live = true;
    const measure = () => {
      if (document.visibilityState !== 'visible') return;
      measureCaches(caches).then(
        (t) => live && setTotals(t),
        () => {},
      );
    };
    measure();
    const timer = setInterval(measure, REFRESH_MS);
    document.addEventListener('visibilitychange', measure);
    return () => {
      live = false;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', measure);
    };
  }, [version]);

  const line = totals && cacheLine(totals);
  if (!line) return null;
  return (
    <small data-testid="cache-storage" title={t('cacheStorage.title')}>
      {t('cacheStorage.line', line)}
    </small>
  );
}
