import { Workbox } from 'workbox-window';
import { DATASET_CACHE } from '../../offline/offlineCaches';

/**
 * The service worker of the offline copy (vite-plugin-pwa's Workbox build,
 * vite.config.ts): registered by the built page only, so `npm run dev` has
 * none. A new version installs in the background and waits: it takes over only
 * when the learner clicks Reload in UpdateReady, never by itself, so a run in
 * progress is never cut off by an update.
 */

type Listener = () => void;
const listeners = new Set<Listener>();
/** Activates the waiting version and reloads into it; null while none waits. */
let applyUpdate: (() => void) | null = null;
/** Bumped whenever the caches may have changed (a version installed or took over). */
let cacheVersion = 0;

const notify = () => {
  for (const l of listeners) l();
};

/** Registers the service worker (the built page only). */
export function registerServiceWorker(): void {
  // Not under the dev server (import.meta.hot), which has no sw.js; `import.meta.env.PROD`
  // would also leave out the tests' builds, which run with NODE_ENV=test.
  if (import.meta.hot || !('serviceWorker' in navigator)) return;
  // The offline copy is on: the training worker keeps each dataset it downloads in this
  // cache (fetchDatasetPart.ts), also on this first visit, before the service worker runs.
  void caches.open(DATASET_CACHE).catch(() => {});
  const wb = new Workbox(new URL('sw.js', new URL(import.meta.env.BASE_URL, location.href)).href, { scope: './' });
  wb.addEventListener('waiting', () => {
    applyUpdate = () => {
      wb.addEventListener('controlling', () => location.reload());
      wb.messageSkipWaiting();
    };
    notify();
  });
  const changed = () => {
    cacheVersion++;
    notify();
  };
  wb.addEventListener('activated', changed);
  wb.addEventListener('controlling', changed);
  wb.register().catch((e: unknown) => console.warn('Convscope: no offline copy, the service worker did not register:', e));
}

export function subscribeOffline(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The update that waits, as a function that applies it (activate, then reload), or null. */
export const waitingUpdate = (): (() => void) | null => applyUpdate;

/** Changes whenever the offline caches may have changed. */
export const offlineCacheVersion = (): number => cacheVersion;
