import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { WORKER_SIDE } from '../../lint/layers.js';

// The folders whose code runs in the worker are listed once (WORKER_SIDE, in
// lint/layers.js; eslint.config.js applies its no-DOM rule to them). This checks the list
// against what the worker really imports, file by file from its entry, the way
// the bundler and tsconfig.worker.json follow it.
const root = fileURLToPath(new URL('../..', import.meta.url));
const src = path.join(root, 'src');
/** The training worker and the helper workers it starts (one per further core). */
const ENTRIES = ['worker/trainingWorker.ts', 'worker/parallel/gradientWorker.ts'].map((f) => path.join(src, f));

/** Relative imports and re-exports of a file, type-only ones included (they are type-checked without the DOM too). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
  return specs.filter((s) => s.startsWith('.') && !s.includes('?'));
}

function resolve(from: string, spec: string): string {
  const base = path.resolve(path.dirname(from), spec);
  const found = ['', '.ts', '.tsx', '/index.ts'].map((x) => base + x).find((p) => existsSync(p) && statSync(p).isFile());
  if (!found) throw new Error(`${path.relative(root, from)}: cannot resolve ${spec}`);
  return found;
}

/** Every source file the worker entry reaches. */
function workerFiles(): Set<string> {
  const seen = new Set<string>();
  const todo = [...ENTRIES];
  while (todo.length) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const spec of importsOf(file)) todo.push(resolve(file, spec));
  }
  return seen;
}

const folderOf = (file: string) => path.relative(src, file).split(path.sep)[0];

describe('the worker-side folders', () => {
  it('are exactly the folders the worker imports from', () => {
    const folders = new Set([...workerFiles()].map(folderOf));
    expect([...folders].sort()).toEqual([...WORKER_SIDE].sort());
  });

  it('the walk finds what the entry reaches through several folders', () => {
    const files = [...workerFiles()].map((f) => path.relative(src, f).split(path.sep).join('/'));
    // entry → worker/trainingSession → worker/runs/runQueue → … → engine/trainModel → protocol/engineResults
    expect(files).toEqual(expect.arrayContaining(['worker/runs/runQueue.ts', 'engine/trainModel.ts', 'protocol/engineResults.ts']));
    expect(files.some((f) => f.startsWith('store/') || f.startsWith('panels/'))).toBe(false);
  });
});
