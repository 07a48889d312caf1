import { defineConfig } from 'vitest/config';

/** Measurements that print numbers (npm run measure:drawn), kept out of npm test. */
export default defineConfig({
  test: { include: ['scripts/measure/**/*.measure.ts'], environment: 'node', testTimeout: 3_600_000 },
});
