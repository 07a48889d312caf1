import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { watPlugin } from './scripts/watPlugin.mjs';

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

export default defineConfig({
  // Relative base so the built app works from any sub-path (and from `vite preview`).
  base: './',
  plugins: [react(), watPlugin()],
  // The workers' bundles import the SIMD kernels' WebAssembly text too.
  worker: { format: 'es', plugins: () => [watPlugin()] },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  server: { headers: ISOLATION_HEADERS },
  preview: { headers: ISOLATION_HEADERS },
});
