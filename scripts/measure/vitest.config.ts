import { defineConfig } from 'vitest/config';
import { watPlugin } from '../watPlugin.mjs';

/** Measurements that print numbers (npm run measure:drawn), kept out of npm test. */
export default defineConfig({
  plugins: [watPlugin()],
  test: { include: ['scripts/measure/**/*.measure.ts'], environment: 'node', testTimeout: 3_600_000 },
});
