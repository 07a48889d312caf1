import { message } from '../../model/message';
import { optimizerConfig } from '../../model/optimizerDefaults';
import { ownClassesData, sameClassNames } from '../../drawings/drawingSet';
import type { TrainConfig } from '../../model/types';
import type { RunsSlice, SliceCreator } from '../appState';
import { modelFileName } from './downloadModelFiles';
import { INITIAL_RUN_STATE } from '../run/runState';
import { INITIAL_RUNS_STATE, MAX_COMPARE } from './runsState';
import { checkSetup, isActive } from '../selectors';

/** The largest model upload read into memory: far above any network the editor can build. */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

/** Saved runs, their comparison, the galleries of test images, and model files in and out. */
export const createRunsSlice: SliceCreator<RunsSlice> = (worker) => (set, get) => ({
  runs: INITIAL_RUNS_STATE,

  openRun(id, { adoptSetup = true } = {}) {
    const s = get();
    if (isActive(s.run)) {
      set({ run: { ...s.run, error: message('runs:errors.stopBeforeOpen') } });
      return;
    }
    // The worker answers with the run (`runOpened`), or keeps its model under this number and says why not.
    const runId = s.run.runId + 1;
    set({ run: { ...s.run, runId }, runs: { ...s.runs, openNewest: false, reopenId: null, gallery: null, adoptSetupOf: adoptSetup ? id : null } });
    worker.send({ type: 'openRun', runId, id });
  },
  // Shown at once; the worker's next list confirms (it may be busy measuring for a second or two).
  renameRun(id, name) {
    const trimmed = name.trim().slice(0, 80);
    if (trimmed) set((s) => ({ runs: { ...s.runs, list: s.runs.list.map((r) => (r.id === id ? { ...r, name: trimmed } : r)) } }));
    worker.send({ type: 'renameRun', id, name });
  },
  pinRun(id, pinned) {
    set((s) => ({ runs: { ...s.runs, list: s.runs.list.map((r) => (r.id === id ? { ...r, pinned } : r)) } }));
    worker.send({ type: 'pinRun', id, pinned });
  },
  deleteRun(id) {
    set((s) => ({ runs: { ...s.runs, compare: s.runs.compare.filter((c) => c !== id) } }));
    worker.send({ type: 'deleteRun', id });
  },
  // The records follow from the selection (followSavedRuns fetches what is missing or stale).
  toggleCompare(id) {
    const { runs } = get();
    const compare = runs.compare.includes(id) ? runs.compare.filter((c) => c !== id) : [...runs.compare, id].slice(-MAX_COMPARE);
    set({ runs: { ...runs, compare } });
  },
  continueRun(id, epochs, extra = {}) {
    const s = get();
    const saved = s.runs.list.find((r) => r.id === id);
    if (!saved || isActive(s.run) || !(Number.isInteger(epochs) && epochs >= 1 && epochs <= 1000)) return;
    // A run on your classes goes on with the drawings as they are now, if its classes are still the same.
    const own = saved.setup.dataset === 'own' ? ownClassesData(s.drawings.classes) : null;
    const was = saved.setup.classNames ?? [];
    if (own && !sameClassNames(was, own.classNames)) {
      set({ run: { ...s.run, error: message('runs:errors.classesChanged', { name: saved.name, classes: was.join(', ') }) } });
      return;
    }
    const runId = s.run.runId + 1;
    const config = { ...saved.setup.config, epochs };
    set({
      run: { ...INITIAL_RUN_STATE, downloads: s.run.downloads, runId, status: 'loading', dataset: saved.setup.dataset, spec: saved.setup.spec, classNames: saved.setup.classNames ?? null },
      runs: { ...s.runs, gallery: null },
      inspect: { ...s.inspect, histograms: [], trained: false, at: 0 },
    });
    const { dataset, trainSize, spec } = saved.setup;
    worker.send({ type: 'train', request: { runId, dataset, trainSize, spec, config, continueFrom: id, ...(own ? { own } : {}), ...extra } });
  },
  showGallery(cell) {
    const s = get();
    const requestId = s.runs.requestId + 1;
    set({ runs: { ...s.runs, requestId, gallery: { requestId, runId: s.run.runId, cell, total: null, items: [], pixels: null } } });
    worker.send({ type: 'gallery', requestId, cell });
  },
  closeGallery: () => set((s) => ({ runs: { ...s.runs, gallery: null } })),
  downloadModel(format) {
    const s = get();
    worker.send({ type: 'downloadModel', name: modelFileName(s.runs.list.find((r) => r.id === s.run.savedId)?.name ?? null), format });
  },
  prepareModelFiles() {
    if (!get().runs.filesPrepared) {
      worker.send({ type: 'prepareModelFiles' });
      set((s) => ({ runs: { ...s.runs, filesPrepared: true } }));
    }
  },
  async uploadModel(files) {
    const s = get();
    if (isActive(s.run)) {
      set({ run: { ...s.run, error: message('runs:errors.stopBeforeUpload') } });
      return;
    }
    const tooBig = files.find((f) => f.size > MAX_UPLOAD_BYTES);
    if (tooBig) {
      set({ run: { ...s.run, error: message('runs:errors.tooLarge', { file: tooBig.name, size: Math.round(tooBig.size / 2 ** 20) }) } });
      return;
    }
    const read = await Promise.all(files.map(async (f) => ({ name: f.name, data: await f.arrayBuffer() })));
    const now = get();
    if (isActive(now.run)) return; // Train was pressed while the files were read: the run keeps its model
    const runId = now.run.runId + 1;
    // As for openRun: the worker answers under this number (`modelUploaded`), or keeps its model under it.
    set({ run: { ...now.run, runId, error: null }, runs: { ...now.runs, gallery: null } });
    worker.send({
      type: 'uploadModel', runId, files: read,
      setup: {
        dataset: now.dataset, trainSize: now.trainSize, config: checkSetup(now).values ?? FINE_TUNE_DEFAULTS,
        ...(now.dataset === 'own' ? { classNames: [...now.drawings.classes.classNames] } : {}),
      },
    });
  },
});

/** Settings saved with an uploaded model when the form has an error: a short fine-tune with Keras's Adam. */
const FINE_TUNE_DEFAULTS: TrainConfig = {
  epochs: 1, batchSize: 32, validationSplit: 0.1, seed: 1, earlyStopping: null, optimizer: optimizerConfig('adam'),
};
