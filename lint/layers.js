// @ts-check
// The layers of src/, written once. eslint.config.js builds its import rules
// from these lists; tests/lint/ checks the rules and the worker's real imports.

/**
 * The layers of src/: each folder, what of ours it may import (paths are
 * resolved, so a feature folder such as worker/data/ is never taken for
 * src/data/), and why. Imports point one way, from the page or the worker
 * down to pure code; a folder not named in `uses` is out of bounds.
 * @type {Record<string, { uses: string[]; why: string }>}
 */
export const LAYERS = {
  model: { uses: [], why: 'network specs, shapes, presets and Keras files are pure TypeScript that everything builds on' },
  data: { uses: [], why: 'the dataset catalogue, decoding, splitting and batching are pure TypeScript' },
  storage: { uses: [], why: 'opening IndexedDB and reading its errors is shared by the worker and the page' },
  offline: { uses: [], why: "the offline copy's cache names are shared by the service worker's config, the worker that fills the datasets' cache and the page that shows its size" },
  explain: { uses: ['model', 'data'], why: "the explainer's maths (receptive fields, im2col, hand-set kernels) is pure" },
  input: { uses: ['model', 'data'], why: 'the drawing-pad image code is pure' },
  augment: { uses: ['model', 'data'], why: 'augmentation runs per batch in the worker and in Node' },
  drawings: { uses: ['model', 'data', 'storage'], why: 'the drawing sets are plain data and their storage' },
  protocol: { uses: ['model', 'data', 'explain'], why: 'the types both sides share are built from pure types only' },
  engine: {
    uses: ['model', 'data', 'augment', 'protocol'],
    why: 'the engine trains and reports through callbacks, in the worker and in Node; of protocol/ it uses only the types of its own results (engineResults)',
  },
  worker: {
    uses: ['engine', 'protocol', 'model', 'data', 'augment', 'drawings', 'explain', 'storage', 'offline'],
    why: 'the worker talks to the page only through protocol messages',
  },
  store: {
    uses: ['protocol', 'model', 'data', 'input', 'augment', 'drawings', 'explain', 'storage'],
    why: 'the store reaches the worker only through its messages (store/channel/), so no tfjs comes into the page',
  },
  i18n: { uses: ['model', 'data', 'store'], why: "the message catalogues and the page's language; code without a page words nothing and passes messages (model/message.ts)" },
  charts: { uses: ['model', 'data', 'explain', 'i18n'], why: 'charts are presentational: props in, SVG or canvas out' },
  panels: {
    uses: ['store', 'charts', 'i18n', 'protocol', 'model', 'data', 'input', 'augment', 'drawings', 'explain', 'offline'],
    why: 'panels read the store and call its actions; the model lives in the worker',
  },
  app: {
    uses: ['panels', 'store', 'charts', 'i18n', 'protocol', 'model', 'data', 'input', 'augment', 'drawings', 'explain', 'offline'],
    why: 'the shell lays out panels; the model lives in the worker',
  },
};

/**
 * Folders whose code runs in the worker (and in Node tests), where there is no
 * DOM. tests/lint/workerSide.test.ts checks that the worker imports exactly these.
 */
export const WORKER_SIDE = ['worker', 'engine', 'protocol', 'model', 'data', 'augment', 'drawings', 'explain', 'storage', 'offline'];

/**
 * Packages that bring a runtime along, as regular expressions over the import
 * source, and the folders that may import them.
 * @type {{ name: string; regex: string; allowed: string[]; why: string }[]}
 */
export const PACKAGES = [
  { name: 'tfjs', regex: '^@tensorflow/', allowed: ['engine', 'worker'], why: 'the model lives in the worker: only engine/ (and worker/, for types and the wasm files) use tfjs' },
  { name: 'React', regex: '^react(-dom)?(/|$)', allowed: ['app', 'panels', 'charts'], why: 'React belongs to app/, panels/ and charts/' },
  { name: 'zustand', regex: '^zustand(/|$)', allowed: ['store', 'panels', 'app'], why: 'state lives in store/; panels and the shell read it' },
  { name: 'i18next', regex: '^(react-)?i18next(/|$)', allowed: ['i18n', 'app', 'panels', 'charts'], why: 'wording belongs to the page; the worker and pure code pass messages (keys and values)' },
  { name: 'd3', regex: '^d3(-[a-z-]+)?(/|$)', allowed: ['charts', 'panels'], why: 'drawing belongs to charts/ (and the panels that size them)' },
];
