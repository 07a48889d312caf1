#!/usr/bin/env node
// Runs every test: the type check, the lint (import boundaries included), then
// Vitest's unit, engine and end-to-end projects in one run. Ends with one line
// "N passed, N failed" for CI.
// Extra arguments go to Vitest (e.g. `npm test -- --project unit`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;

if (!existsSync('public/data/manifest.json')) {
  console.log('Datasets not converted yet: running scripts/prepareData.mjs');
  if (run('node', ['scripts/prepareData.mjs']) !== 0) process.exit(1);
}

console.log('Type check (tsc -b)');
const typecheck = run('npx', ['tsc', '-b']);

console.log('Lint (eslint .)');
const lint = run('npx', ['eslint', '.']);

mkdirSync('test-results', { recursive: true });
const report = 'test-results/vitest.json';
rmSync(report, { force: true });
const vitest = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)]);

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed = r.numPassedTests;
  failed = r.numFailedTests;
  skipped = r.numPendingTests + (r.numTodoTests ?? 0);
}
if (typecheck !== 0) {
  console.log('The type check failed.');
  failed += 1;
}
if (lint !== 0) {
  console.log('The lint failed.');
  failed += 1;
}
if (vitest !== 0 && failed === 0) failed = 1; // e.g. a file that failed to load, or a setup error
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(typecheck === 0 && lint === 0 && vitest === 0 ? 0 : 1);
