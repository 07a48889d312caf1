import { defineConfig } from 'vitest/config';
import { watPlugin } from './scripts/watPlugin.mjs';

export default defineConfig({
  // The engine's SIMD kernels are WebAssembly text, assembled as they are imported.
  plugins: [watPlugin()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'tests/lint/**/*.test.ts', 'tests/docs/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/globalSetup.ts'],
          // Each file drives one Chromium whose WebGL is CPU-emulated: run them one at a time.
          fileParallelism: false,
          testTimeout: 600_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
