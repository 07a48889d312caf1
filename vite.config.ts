import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { watPlugin } from './scripts/watPlugin.mjs';
import { DATASET_CACHE, DATASET_FILE, H5WASM_CACHE, H5WASM_FILE } from './src/offline/offlineCaches.ts';

/**
 * Cross-origin isolation (COOP + COEP): SharedArrayBuffer, which the threaded
 * wasm build needs. Everything the app loads comes from its own origin, so
 * require-corp blocks nothing. A static host must send the same two headers
 * (docs/USING.md, "Hosting: cross-origin isolation").
 */
const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * The offline copy (docs/ARCHITECTURE.md, "Offline: the service worker"): Workbox
 * precaches the app shell (html, js, css, the tfjs wasm binaries, icons) at the
 * first visit, and keeps each dataset file and the h5wasm chunk from their first
 * download on, in caches of their own that an app update leaves alone. The page
 * registers it itself (src/panels/OfflineStatus/serviceWorker.ts) and asks before
 * a new version takes over: registerType 'prompt', never a reload by itself.
 */
const pwa = VitePWA({
  registerType: 'prompt',
  injectRegister: false,
  manifest: {
    name: 'Convscope',
    short_name: 'Convscope',
    description: 'Train a convolutional network on MNIST or Fashion-MNIST in your browser and watch it learn.',
    theme_color: '#2563eb',
    background_color: '#ffffff',
    display: 'standalone',
    // Relative to the manifest, which sits beside index.html: right under any base.
    start_url: './',
    scope: './',
    icons: [
      { src: 'icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{html,js,css,wasm,svg,png,webmanifest}'],
    // Fetched when first needed, not at install: the datasets (1.6–26 MB each, one
    // learner may never use Fashion-MNIST) and h5wasm (4.8 MB, only for Keras files).
    globIgnores: ['data/**', '**/hdf5_hl-*.js'],
    // The training worker's bundle is 2.0 MB, just under Workbox's 2 MiB default: room to grow.
    maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
    cleanupOutdatedCaches: true,
    // The first visit is served offline-ready without a reload; an update still waits for the prompt.
    clientsClaim: true,
    navigateFallback: 'index.html',
    runtimeCaching: [
      {
        // A RegExp, not a function: Workbox copies it into sw.js as it is.
        urlPattern: DATASET_FILE,
        handler: 'CacheFirst',
        options: { cacheName: DATASET_CACHE, cacheableResponse: { statuses: [200] } },
      },
      {
        urlPattern: H5WASM_FILE,
        handler: 'CacheFirst',
        // One version at a time: each build names the chunk anew.
        options: { cacheName: H5WASM_CACHE, cacheableResponse: { statuses: [200] }, expiration: { maxEntries: 1 } },
      },
    ],
  },
});

export default defineConfig({
  // Relative base so the built app works from any sub-path (and from `vite preview`).
  base: './',
  plugins: [react(), watPlugin(), pwa],
  // The workers' bundles import the SIMD kernels' WebAssembly text too.
  worker: { format: 'es', plugins: () => [watPlugin()] },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  server: { headers: ISOLATION_HEADERS },
  preview: { headers: ISOLATION_HEADERS },
});
