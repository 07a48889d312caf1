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
const PATHS = 'import-x/no-restricted-paths';
const CYCLE = 'import-x/no-cycle';

// The first lint loads the config and the TypeScript parser (seconds on a busy machine): do it once, outside the tests' timeout.
beforeAll(() => eslint.lintText('', { filePath: 'src/model/x.ts' }), 60_000);

async function lint(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => ({ rule: m.ruleId, message: m.message }));
}

describe('import boundaries', () => {
  it.each([
    ['src/model/x.ts', "import * as tf from '@tensorflow/tfjs';\nexport const t = tf;", IMPORTS, 'src/model/'],
    ['src/model/x.ts', "import { makeBatch } from '../data/makeBatch';\nexport const b = makeBatch;", PATHS, 'src/model/ must not import src/data/'],
    ['src/model/keras/x.ts', "import { sessionError } from '../../worker/sessionError';\nexport const s = sessionError;", PATHS, 'src/model/ must not import src/worker/'],
    ['src/data/x.ts', "import type { ModelSpec } from '../model/types';\nexport type S = ModelSpec;", PATHS, 'src/data/'],
    ['src/data/x.ts', "import { create } from 'zustand';\nexport const c = create;", IMPORTS, 'src/data/'],
    ['src/input/x.ts', "import { useState } from 'react';\nexport const u = useState;", IMPORTS, 'src/input/'],
    ['src/engine/x.ts', "import { useAppStore } from '../store/useAppStore';\nexport const s = useAppStore;", PATHS, 'src/engine/ must not import src/store/'],
    ['src/engine/x.ts', "import { TrainingSession } from '../worker/trainingSession';\nexport const s = TrainingSession;", PATHS, 'src/engine/ must not import src/worker/'],
    // The engine's results are the one part of the protocol it may see, and only as types.
    ['src/engine/x.ts', "import type { Command } from '../protocol/commands';\nexport type C = Command;", PATHS, 'only protocol/engineResults'],
    ['src/engine/x.ts', "import type { WorkerEvent } from '../protocol';\nexport type E = WorkerEvent;", PATHS, 'only protocol/engineResults'],
    ['src/engine/x.ts', "import { EpochRow } from '../protocol/engineResults';\nexport const f = (r: EpochRow) => r;", IMPORTS, 'import type'],
    ['src/engine/x.ts', "import * as d3 from 'd3';\nexport const d = d3;", IMPORTS, 'must not import d3'],
    ['src/engine/x.ts', 'export const title = () => document.title;', GLOBALS, 'no DOM'],
    ['src/engine/x.ts', 'export const frame = (f: () => void) => requestAnimationFrame(f);', GLOBALS, 'no DOM'],
    ['src/worker/x.ts', "import { useAppStore } from '../store/useAppStore';\nexport const s = useAppStore;", PATHS, 'src/worker/ must not import src/store/'],
    ['src/worker/runs/x.ts', "import { LineChart } from '../../charts/LineChart';\nexport const c = LineChart;", PATHS, 'src/worker/ must not import src/charts/'],
    ['src/worker/x.ts', 'export const w = () => window.innerWidth;', GLOBALS, 'no DOM'],
    // Worker-side folders that had no DOM rule before.
    ['src/protocol/x.ts', 'export const w = () => document.title;', GLOBALS, 'no DOM'],
    ['src/drawings/x.ts', 'export const w = () => localStorage.length;', GLOBALS, 'no DOM'],
    ['src/explain/x.ts', 'export const w = () => window.innerWidth;', GLOBALS, 'no DOM'],
    ['src/storage/x.ts', 'export const w = () => document.cookie;', GLOBALS, 'no DOM'],
    // The store could pull tfjs into the page through the engine, or reach into the worker.
    ['src/store/x.ts', "import { trainModel } from '../engine/trainModel';\nexport const t = trainModel;", PATHS, 'src/store/ must not import src/engine/'],
    ['src/store/run/x.ts', "import { trainModel } from '../../engine/trainModel';\nexport const t = trainModel;", PATHS, 'src/store/ must not import src/engine/'],
    ['src/store/x.ts', "import { RunQueue } from '../worker/runs/runQueue';\nexport const q = RunQueue;", PATHS, 'src/store/ must not import src/worker/'],
    ['src/store/x.ts', "import * as tf from '@tensorflow/tfjs';\nexport const t = tf;", IMPORTS, 'src/store/ must not import tfjs'],
    ['src/store/x.ts', "import { LineChart } from '../charts/LineChart';\nexport const c = LineChart;", PATHS, 'src/store/ must not import src/charts/'],
    // explain/ is pure maths.
    ['src/explain/x.ts', "import * as tf from '@tensorflow/tfjs';\nexport const t = tf;", IMPORTS, 'src/explain/ must not import tfjs'],
    ['src/explain/x.ts', "import { useMemo } from 'react';\nexport const u = useMemo;", IMPORTS, 'src/explain/ must not import React'],
    ['src/explain/x.ts', "import { trainModel } from '../engine/trainModel';\nexport const t = trainModel;", PATHS, 'src/explain/ must not import src/engine/'],
    ['src/charts/x.ts', "import { useAppStore } from '../store/useAppStore';\nexport const s = useAppStore;", PATHS, 'src/charts/ must not import src/store/'],
    ['src/charts/x.ts', "import * as tf from '@tensorflow/tfjs';\nexport const t = tf;", IMPORTS, 'src/charts/'],
    ['src/charts/x.ts', "import { RunPanel } from '../panels/RunPanel/RunPanel';\nexport const p = RunPanel;", PATHS, 'src/charts/ must not import src/panels/'],
    ['src/protocol/x.ts', "import { RunQueue } from '../worker/runs/runQueue';\nexport type Q = RunQueue;", PATHS, 'src/protocol/ must not import src/worker/'],
    ['src/protocol/x.ts', "import type { BuiltModel } from '../engine/buildModel';\nexport type B = BuiltModel;", PATHS, 'src/protocol/ must not import src/engine/'],
    ['src/panels/P/P.tsx', "import { trainModel } from '../../engine/trainModel';\nexport const t = trainModel;", PATHS, 'src/panels/ must not import src/engine/'],
    ['src/panels/P/P.tsx', "import * as tf from '@tensorflow/tfjs';\nexport const t = tf;", IMPORTS, 'tfjs'],
    ['src/panels/P/P.tsx', "import { transferablesOf } from '../../protocol';\nexport const t = transferablesOf;", IMPORTS, 'import type'],
    ['src/panels/P/P.tsx', "import { RunQueue } from '../../worker/runs/runQueue';\nexport const q = RunQueue;", PATHS, 'src/panels/ must not import src/worker/'],
    ['src/app/App.tsx', "import { TrainingSession } from '../worker/trainingSession';\nexport const s = TrainingSession;", PATHS, 'src/app/ must not import src/worker/'],
    ['src/main.tsx', "import { trainModel } from './engine/trainModel';\nexport const t = trainModel;", PATHS, 'src/app/ must not import src/engine/'],
  ])('%s: %j is reported', async (filePath, code, rule, says) => {
    const found = (await lint(filePath, code)).filter((m) => m.rule === rule);
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain(says);
  });

  it.each([
    ['src/panels/P/P.tsx', "import type { EpochRow } from '../../protocol';\nexport const f = (r: EpochRow) => r.epoch;"],
    ['src/panels/P/P.tsx', "import { type EpochRow } from '../../protocol';\nexport const f = (r: EpochRow) => r.epoch;"],
    ['src/app/App.tsx', "import { useAppStore } from '../store/useAppStore';\nexport const s = useAppStore;"],
    ['src/engine/x.ts', "import type { EpochRow } from '../protocol/engineResults';\nimport type { ModelSpec } from '../model/types';\nexport type T = [EpochRow, ModelSpec];"],
    ['src/engine/x.ts', "import * as tf from '@tensorflow/tfjs';\nimport { makeBatch } from '../data/makeBatch';\nexport const t = [tf, makeBatch];"],
    ['src/input/x.ts', "import { mulberry32 } from '../data/random';\nexport const r = mulberry32;"],
    ['src/charts/x.ts', "import * as d3 from 'd3';\nimport { useMemo } from 'react';\nexport const d = [d3, useMemo];"],
    ['src/model/x.ts', "import type { ModelSpec } from './types';\nexport type S = ModelSpec;"],
    ['src/worker/x.ts', "import { trainModel } from '../engine/trainModel';\nexport const t = trainModel;"],
    // Paths are resolved: worker/data/ is the worker's own feature folder, not src/data/ (which the worker may use too).
    ['src/worker/runs/x.ts', "import { DatasetCache } from '../data/datasetCache';\nimport type { Command } from '../../protocol';\nexport type T = [DatasetCache, Command];"],
    ['src/store/x.ts', "import type { Command } from '../protocol';\nimport { DEFAULT_TRAIN_CONFIG } from '../model/presets';\nexport const t: [Command | null, unknown] = [null, DEFAULT_TRAIN_CONFIG];"],
    ['src/explain/x.ts', "import { windowOutputSize } from '../model/inferShapes';\nexport const w = windowOutputSize;"],
  ])('%s: %j is allowed', async (filePath, code) => {
    expect(await lint(filePath, code)).toEqual([]);
  });
});

describe('import cycles', () => {
  it('an import that closes a cycle is reported', async () => {
    // model/presets.ts imports optimizerConfig from model/optimizerDefaults.ts: importing presets back closes the loop.
    // (Type-only imports are erased at build time and make no cycle.)
    const code = "import { DEFAULT_TRAIN_CONFIG } from './presets';\nexport const c = DEFAULT_TRAIN_CONFIG;";
    const found = (await lint('src/model/optimizerDefaults.ts', code)).filter((m) => m.rule === CYCLE);
    expect(found).toHaveLength(1);
  });

  it('the same import without the cycle is not', async () => {
    const code = "import { DEFAULT_TRAIN_CONFIG } from '../model/presets';\nexport const c = DEFAULT_TRAIN_CONFIG;";
    expect((await lint('src/store/x.ts', code)).filter((m) => m.rule === CYCLE)).toEqual([]);
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
    expect(found[0].message).toContain('Only src/store/channel/workerClient.ts');
  });

  it.each([
    ['src/store/channel/workerClient.ts', "export const w = new Worker('w.js');\nw.postMessage({ type: 'stop' });"],
    ['src/worker/trainingWorker.ts', "self.postMessage({ type: 'done' });"],
    ['src/engine/x.ts', 'const ch = new MessageChannel();\nch.port2.postMessage(null);'],
  ])('%s: %j is allowed', async (filePath, code) => {
    expect(await lint(filePath, code)).toEqual([]);
  });
});
