// @ts-check
// Lint, and the import boundaries of DESIGN.md's layout: each folder's rules say
// what it may not import and why. Syntax only (no type information), so it stays fast.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Packages, as regular expressions over the import source. */
const TFJS = '^@tensorflow/';
const REACT = '^react(-dom)?(/|$)';
const ZUSTAND = '^zustand(/|$)';
const D3 = '^d3(-[a-z-]+)?(/|$)';

/** A relative import that climbs out of the importing folder into one of ours: '../store/x', '../../worker'. */
const ours = (...folders) => `^(\\.\\./)+(${folders.join('|')})(/|$)`;
/** worker/protocol itself, and everything else under worker/. */
const PROTOCOL = '^(\\.\\./)+worker/protocol$';
const WORKER_NOT_PROTOCOL = '^(\\.\\./)+worker(/(?!protocol$).*)?$';

const banned = (regex, message) => ({ regex, message });
const restrictImports = (...patterns) => ({ '@typescript-eslint/no-restricted-imports': ['error', { patterns }] });

/** What a pure folder other than model/ and data/ may use of ours. */
const PURE_USES = {
  input: 'the drawing-pad image code uses only model/ and data/',
  augment: 'augmentation runs per batch in the worker and in Node: it uses only model/ and data/',
  drawings: 'the drawing sets are plain data and their storage: they use only model/, data/ and storage/',
  storage: 'opening IndexedDB and reading its errors, shared by the worker and the page: nothing of ours',
};

/** Pure folders: model/ and data/ import nothing of ours beyond themselves; input/ (the drawing-pad image code) may use them. */
const pure = (folder, others) =>
  restrictImports(
    banned(TFJS, `src/${folder}/ is pure TypeScript: no tfjs (only engine/ and worker/ use it).`),
    banned(REACT, `src/${folder}/ is pure TypeScript: no React (it belongs to app/, panels/, charts/).`),
    banned(ZUSTAND, `src/${folder}/ is pure TypeScript: no zustand (state lives in store/).`),
    banned(ours(...others), `src/${folder}/ must not import ${others.map((f) => `${f}/`).join(', ')}: ${
      PURE_USES[folder] ?? 'it imports nothing of ours beyond itself'
    }.`),
  );
const UI = ['store', 'panels', 'engine', 'worker', 'charts', 'app'];

/** Page-only globals: worker-side code runs in the worker and in Node tests, where there is no DOM. */
const DOM_GLOBALS = [
  'window',
  'document',
  'HTMLElement',
  'HTMLCanvasElement',
  'HTMLImageElement',
  'Image',
  'localStorage',
  'sessionStorage',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'getComputedStyle',
  'alert',
].map((name) => ({
  name,
  message: `${name} is page-only: worker-side code (engine/, worker/, model/, data/) has no DOM; it runs in the worker and in Node tests.`,
}));

const WORKER_ENDS = 'Only src/store/workerClient.ts creates the training worker and posts to it (src/worker/trainingWorker.ts posts events back); everything else goes through the store.';

export default defineConfig([
  globalIgnores(['dist/', 'public/', 'node_modules/', '.scratch/', 'test-results/']),

  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      // tsc's noUnusedParameters already allows a leading underscore; agree with it.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Node-side JavaScript: build scripts and config files.
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    // The benchmarks' page.evaluate callbacks run in the page.
    files: ['scripts/bench*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // The two classic hook rules only: the React Compiler rules of v6+ are not used here.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },

  // Import boundaries, one block per folder (a later block's options would replace, not extend, an earlier one's).
  { files: ['src/model/**'], rules: pure('model', [...UI, 'input', 'data', 'augment', 'drawings']) },
  { files: ['src/data/**'], rules: pure('data', [...UI, 'input', 'model', 'augment', 'drawings']) },
  { files: ['src/input/**'], rules: pure('input', [...UI, 'augment', 'drawings']) },
  { files: ['src/augment/**'], rules: pure('augment', [...UI, 'input', 'drawings']) },
  { files: ['src/drawings/**'], rules: pure('drawings', [...UI, 'input', 'augment']) },
  { files: ['src/storage/**'], rules: pure('storage', [...UI, 'input', 'augment', 'drawings', 'model', 'data']) },
  {
    files: ['src/engine/**'],
    rules: restrictImports(
      banned(REACT, 'src/engine/ runs in the worker and in Node: no React.'),
      banned(ZUSTAND, 'src/engine/ never knows the UI: no zustand (it reports through callbacks).'),
      banned(D3, 'src/engine/ runs in the worker and in Node: no d3 (drawing belongs to charts/).'),
      banned(ours('store', 'panels', 'charts', 'app'), 'src/engine/ never knows the UI: no store/, panels/, charts/, app/ (it reports through callbacks).'),
      { regex: PROTOCOL, allowTypeImports: true, message: 'src/engine/ may import only types from worker/protocol (use `import type`).' },
      banned(WORKER_NOT_PROTOCOL, 'src/engine/ never knows the worker: only type imports from worker/protocol.'),
    ),
  },
  {
    files: ['src/worker/**'],
    rules: restrictImports(
      banned(REACT, 'src/worker/ runs in the worker: no React.'),
      banned(ZUSTAND, 'src/worker/ runs in the worker: no zustand (the page store is reached only by protocol events).'),
      banned(ours('store', 'panels', 'charts', 'app'), 'src/worker/ talks to the page only through protocol messages: no store/, panels/, charts/, app/.'),
    ),
  },
  {
    files: ['src/engine/**', 'src/worker/**', 'src/model/**', 'src/data/**', 'src/augment/**'],
    rules: { 'no-restricted-globals': ['error', ...DOM_GLOBALS] },
  },
  {
    files: ['src/charts/**'],
    rules: restrictImports(
      banned(TFJS, 'src/charts/ is presentational (props in, SVG or canvas out): no tfjs.'),
      banned(ZUSTAND, 'src/charts/ is presentational (props in, SVG or canvas out): no store, no zustand.'),
      banned(ours('store', 'engine', 'worker'), 'src/charts/ is presentational (props in, SVG or canvas out): no store/, engine/, worker/.'),
    ),
  },
  {
    files: ['src/panels/**', 'src/app/**'],
    rules: restrictImports(
      banned(TFJS, 'The page (panels/, app/) never runs tfjs: the model lives in the worker.'),
      banned(ours('engine'), 'The page (panels/, app/) never imports engine/: the model lives in the worker, reached through the store.'),
      { regex: PROTOCOL, allowTypeImports: true, message: 'panels/ and app/ may import only types from worker/protocol (use `import type`).' },
      banned(WORKER_NOT_PROTOCOL, 'panels/ and app/ never talk to the worker: only type imports from worker/protocol; commands go through the store.'),
    ),
  },

  // Only the two ends of the worker channel create the worker or post to it.
  {
    files: ['src/**/*.{ts,tsx}', 'tests/**/*.ts'],
    ignores: ['src/store/workerClient.ts', 'src/worker/trainingWorker.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'NewExpression[callee.name=/^(Shared)?Worker$/]', message: WORKER_ENDS },
        { selector: "CallExpression[callee.name='postMessage']", message: WORKER_ENDS },
        {
          // A MessageChannel's own ports (port1, port2) are not the worker: engine/yieldToEventLoop.ts uses one.
          selector:
            "CallExpression[callee.property.name='postMessage']:not([callee.object.name=/^port[12]$/]):not([callee.object.property.name=/^port[12]$/])",
          message: WORKER_ENDS,
        },
      ],
    },
  },
]);
