import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// Lints small snippets as if they were files in each folder, with the project's
// own eslint.config.js, to show that every boundary rule fires where it should
// and stays quiet where the layering allows the import.
const eslint = new ESLint({ cwd: fileURLToPath(new URL('../..', import.meta.url)) });

const IMPORTS = '@typescript-eslint/no-restricted-imports';
const GLOBALS = 'no-restricted-globals';
const SYNTAX = 'no-restricted-syntax';

// The first lint loads the config and the TypeScript parser (seconds on a busy machine): do it once, outside the tests' timeout.
beforeAll(() => eslint.lintText('', { filePath: 'src/model/x.ts' }), 60_000);

async function lint(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => ({ rule: m.ruleId, message: m.message }));
}

describe('import boundaries', () => {
  it.each([
    ['src/model/x.ts', "import * as tf from '@tensorflow/tfjs';\nexport const t = tf;", IMPORTS, 'src/model/'],
    ['src/model/x.ts', "import { makeBatch } from '../data/makeBatch';\nexport const b = makeBatch;", IMPORTS, 'src/model/'],
    ['src/data/x.ts', "import type { ModelSpec } from '../model/types';\nexport type S = ModelSpec;", IMPORTS, 'src/data/'],
    ['src/data/x.ts', "import { create } from 'zustand';\nexport const c = create;", IMPORTS, 'src/data/'],
    ['src/input/x.ts', "import { useState } from 'react';\nexport const u = useState;", IMPORTS, 'src/input/'],
    ['src/engine/x.ts', "import { useAppStore } from '../store/useAppStore';\nexport const s = useAppStore;", IMPORTS, 'src/engine/'],
    ['src/engine/x.ts', "import { TrainingSession } from '../worker/trainingSession';\nexport const s = TrainingSession;", IMPORTS, 'worker/protocol'],
    ['src/engine/x.ts', "import { transferablesOf } from '../worker/protocol';\nexport const t = transferablesOf;", IMPORTS, 'import type'],
    ['src/engine/x.ts', "import * as d3 from 'd3';\nexport const d = d3;", IMPORTS, 'no d3'],
    ['src/engine/x.ts', 'export const title = () => document.title;', GLOBALS, 'no DOM'],
    ['src/engine/x.ts', 'export const frame = (f: () => void) => requestAnimationFrame(f);', GLOBALS, 'no DOM'],
    ['src/worker/x.ts', "import { useAppStore } from '../store/useAppStore';\nexport const s = useAppStore;", IMPORTS, 'src/worker/'],
    ['src/worker/x.ts', 'export const w = () => window.innerWidth;', GLOBALS, 'no DOM'],
    ['src/charts/x.ts', "import { useAppStore } from '../store/useAppStore';\nexport const s = useAppStore;", IMPORTS, 'src/charts/'],
    ['src/charts/x.ts', "import * as tf from '@tensorflow/tfjs';\nexport const t = tf;", IMPORTS, 'src/charts/'],
    ['src/panels/P/P.tsx', "import { trainModel } from '../../engine/trainModel';\nexport const t = trainModel;", IMPORTS, 'engine/'],
    ['src/panels/P/P.tsx', "import * as tf from '@tensorflow/tfjs';\nexport const t = tf;", IMPORTS, 'tfjs'],
    ['src/panels/P/P.tsx', "import { transferablesOf } from '../../worker/protocol';\nexport const t = transferablesOf;", IMPORTS, 'import type'],
    ['src/app/App.tsx', "import { TrainingSession } from '../worker/trainingSession';\nexport const s = TrainingSession;", IMPORTS, 'worker'],
  ])('%s: %j is reported', async (filePath, code, rule, says) => {
    const found = (await lint(filePath, code)).filter((m) => m.rule === rule);
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain(says);
  });

  it.each([
    ['src/panels/P/P.tsx', "import type { EpochRow } from '../../worker/protocol';\nexport const f = (r: EpochRow) => r.epoch;"],
    ['src/panels/P/P.tsx', "import { type EpochRow } from '../../worker/protocol';\nexport const f = (r: EpochRow) => r.epoch;"],
    ['src/app/App.tsx', "import { useAppStore } from '../store/useAppStore';\nexport const s = useAppStore;"],
    ['src/engine/x.ts', "import type { EpochRow } from '../worker/protocol';\nimport type { ModelSpec } from '../model/types';\nexport type T = [EpochRow, ModelSpec];"],
    ['src/engine/x.ts', "import * as tf from '@tensorflow/tfjs';\nimport { makeBatch } from '../data/makeBatch';\nexport const t = [tf, makeBatch];"],
    ['src/input/x.ts', "import { mulberry32 } from '../data/random';\nexport const r = mulberry32;"],
    ['src/charts/x.ts', "import * as d3 from 'd3';\nimport { useMemo } from 'react';\nexport const d = [d3, useMemo];"],
    ['src/model/x.ts', "import type { ModelSpec } from './types';\nexport type S = ModelSpec;"],
    ['src/worker/x.ts', "import { trainModel } from '../engine/trainModel';\nexport const t = trainModel;"],
  ])('%s: %j is allowed', async (filePath, code) => {
    expect(await lint(filePath, code)).toEqual([]);
  });
});

describe('the worker channel', () => {
  it.each([
    ['src/panels/P/P.tsx', "export const w = new Worker('w.js');"],
    ['src/store/useAppStore.ts', "export const w = new Worker(new URL('x.ts', import.meta.url));"],
    ['src/panels/P/P.tsx', 'export const send = (w: Worker) => w.postMessage({ type: "stop" });'],
    ['src/worker/trainingSession.ts', 'export const send = () => postMessage({ type: "done" });'],
  ])('%s: %j is reported', async (filePath, code) => {
    const found = (await lint(filePath, code)).filter((m) => m.rule === SYNTAX);
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain('Only src/store/workerClient.ts');
  });

  it.each([
    ['src/store/workerClient.ts', "export const w = new Worker('w.js');\nw.postMessage({ type: 'stop' });"],
    ['src/worker/trainingWorker.ts', "self.postMessage({ type: 'done' });"],
    ['src/engine/x.ts', 'const ch = new MessageChannel();\nch.port2.postMessage(null);'],
  ])('%s: %j is allowed', async (filePath, code) => {
    expect(await lint(filePath, code)).toEqual([]);
  });
});
