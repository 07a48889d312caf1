/**
 * The offline copy's caches, named once: the service worker's runtime caches
 * (vite.config.ts), the worker that fills the datasets' cache, and the page
 * that shows how much they hold. Workbox's precache (the app shell) is named
 * by Workbox itself: `workbox-precache-v2-<scope>`.
 */

/** Each dataset file, kept from its first download on, across app updates. */
export const DATASET_CACHE = 'convscope-datasets';
/** The on-demand h5wasm chunk (Open model file), kept once it was fetched. */
export const H5WASM_CACHE = 'convscope-h5wasm';

/** The files the datasets' cache holds: `data/<id>-<part>.bin.gz` under the app's base. */
export const DATASET_FILE = /\/data\/[a-z0-9-]+\.bin\.gz$/;
/** The h5wasm chunk, as Vite names it (`assets/hdf5_hl-<hash>.js`). */
export const H5WASM_FILE = /\/assets\/hdf5_hl-[\w-]+\.js$/;

/** What a cache holds, for the storage line: the app (shell and h5wasm), the datasets, or nothing of ours. */
export type CacheKind = 'app' | 'datasets';

export function cacheKind(name: string): CacheKind | null {
  if (name === DATASET_CACHE) return 'datasets';
  if (name === H5WASM_CACHE || name.startsWith('workbox-precache-')) return 'app';
  return null;
}
