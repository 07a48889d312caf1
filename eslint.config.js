// @ts-check
// Lint, and the import boundaries of docs/ARCHITECTURE.md, built from the one
// table of lint/layers.js: what every folder of src/ may import of ours and why
// (LAYERS), which folders may import the packages that bring a runtime along
// (PACKAGES), and which folders run in the worker (WORKER_SIDE). tests/lint/
// proves that each rule fires on a violating import and that the worker
// imports nothing else.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { LAYERS, PACKAGES, WORKER_SIDE } from './lint/layers.js';

/**
 * The files of a layer: app/ includes the entry beside it.
 * @param {string} name
 */
const filesOf = (name) => (name === 'app' ? ['src/app/**', 'src/main.tsx'] : [`src/${name}/**`]);

/** @typedef {{ target: string[]; from: string[]; except?: string[]; message: string }} Zone */

/** A layer's paths, as no-restricted-paths takes them: app/ includes the entry beside it. */
const pathsOf = (/** @type {string} */ name) => (name === 'app' ? ['./src/app', './src/main.tsx'] : [`./src/${name}`]);

/**
 * One no-restricted-paths zone per pair of layers that must not meet: every
 * other folder of ours that a layer does not use.
 * @returns {Zone[]}
 */
function layerZones() {
  const names = Object.keys(LAYERS);
  return names.flatMap((name) => {
    const { uses, why } = LAYERS[name];
    const allowed = uses.length ? `only ${uses.map((u) => `${u}/`).join(', ')}` : 'nothing of ours beyond itself';
    /** @type {Zone[]} */
    const zones = names
      .filter((other) => other !== name && !uses.includes(other))
      .map((other) => ({
        target: pathsOf(name),
        from: pathsOf(other),
        message: `src/${name}/ must not import src/${other}/: it may import ${allowed}, because ${why}.`,
      }));
    if (name === 'engine') {
      // The engine's one way into protocol/: the types of its own results.
      zones.push({ target: pathsOf('engine'), from: pathsOf('protocol'), except: ['./engineResults.ts'], message: `src/engine/ may import only protocol/engineResults (its results' types), because ${why}.` });
    }
    return zones;
  });
}

/**
 * The package bans of one layer, as no-restricted-imports patterns.
 * @param {string} name
 */
function packageBans(name) {
  return PACKAGES.filter((p) => !p.allowed.includes(name)).map((p) => ({
    regex: p.regex,
    message: `src/${name}/ must not import ${p.name}: ${p.why}.`,
  }));
}

/**
 * Type-only imports from protocol/: the engine sees only its results' types; the page's commands go through the store.
 * @type {Record<string, { regex: string; message: string }>}
 */
const TYPES_ONLY = {
  engine: { regex: '^(\\.\\./)+protocol/engineResults$', message: 'src/engine/ may import only types from protocol/engineResults (use `import type`).' },
  panels: { regex: '^(\\.\\./)+protocol(/.*)?$', message: 'panels/ may import only types from protocol/ (use `import type`); commands go through the store.' },
  app: { regex: '^(\\.\\./)+protocol(/.*)?$', message: 'app/ may import only types from protocol/ (use `import type`); commands go through the store.' },
};

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
  message: `${name} is page-only: worker-side code (${WORKER_SIDE.map((f) => `${f}/`).join(', ')}) has no DOM; it runs in the worker and in Node tests.`,
}));

const WORKER_CLIENT = 'src/store/channel/workerClient.ts';
/** The helper workers' channel: the training worker's entry starts them, one peer posts to each, and their entry answers. */
const HELPER_ENDS = ['src/worker/parallel/gradientWorker.ts', 'src/worker/parallel/workerPeer.ts'];
const WORKER_ENDS = `Only ${WORKER_CLIENT} creates the training worker and posts to it (src/worker/trainingWorker.ts posts events back, and starts the helper workers that ${HELPER_ENDS.join(' and ')} talk over); everything else goes through the store.`;

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

  // The layers, on resolved paths, and no import cycle anywhere in src/.
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
      // The files a cycle runs through are read with the TypeScript parser too.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layerZones() }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  // A test words the messages its module returns, to check the English a person reads: tests may import i18n/ from any layer.
  {
    files: ['src/**/*.test.ts', 'src/**/testing/**'],
    rules: { 'import-x/no-restricted-paths': ['error', { zones: layerZones().filter((z) => !z.from.includes('./src/i18n')) }] },
  },
  // The packages of each layer, and the type-only imports of protocol/ (a later block's options would replace, not extend, an earlier one's: one block per layer).
  ...Object.keys(LAYERS).map((name) => ({
    files: filesOf(name),
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [...packageBans(name), ...(TYPES_ONLY[name] ? [{ ...TYPES_ONLY[name], allowTypeImports: true }] : [])] },
      ],
    },
  })),
  {
    files: WORKER_SIDE.map((f) => `src/${f}/**`),
    rules: { 'no-restricted-globals': ['error', ...DOM_GLOBALS] },
  },

  // Only the ends of the worker channels create workers or post to them.
  {
    files: ['src/**/*.{ts,tsx}', 'tests/**/*.ts'],
    ignores: [WORKER_CLIENT, 'src/worker/trainingWorker.ts', ...HELPER_ENDS],
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
