import { DATASETS } from '../../data/datasets';
import { ownClassesData } from '../../drawings/drawingSet';
import { fieldError } from '../../model/parseTrainForm';
import type { RunSlice, SliceCreator } from '../appState';
import { INITIAL_RUN_STATE, startRun } from './runState';
import { checkSetup, isActive, modelDataset, trainBlocker } from '../selectors';
import { runNameFor } from '../pageWords';

/** The run and the commands that drive it; the worker's events update `run` through the bridge. */
export const createRunSlice: SliceCreator<RunSlice> = (worker) => (set, get) => ({
  run: INITIAL_RUN_STATE,

  train() {
    const s = get();
    const { values } = checkSetup(s);
    if (!values || trainBlocker(s) || isActive(s.run)) return;
    const runId = s.run.runId + 1;
    // The old model's snapshots go: the new one sends its own as soon as it is built.
    const own = s.dataset === 'own' ? ownClassesData(s.drawings.classes) : null;
    set({
      run: startRun(s.run, runId, s.dataset, s.spec, values, own?.classNames ?? null),
      inspect: { ...s.inspect, histograms: [], probs: null, activations: null, kernels: null, trained: false, at: 0 },
    });
    const name = runNameFor({ dataset: s.dataset, classNames: own?.classNames ?? null, epochs: values.epochs, optimizer: values.optimizer.name, learningRate: values.optimizer.learningRate });
    worker.send({ type: 'train', request: { runId, dataset: s.dataset, trainSize: s.trainSize, spec: s.spec, config: values, ...(own ? { own } : {}), ...(name ? { name } : {}) } });
  },
  pause: () => worker.send({ type: 'pause' }),
  resume: () => worker.send({ type: 'resume' }),
  stop: () => worker.send({ type: 'stop' }),
  applyLearningRate() {
    const s = get();
    const raw = s.form.learningRate;
    if ((s.run.status !== 'training' && s.run.status !== 'paused') || fieldError('learningRate', raw)) return;
    worker.send({ type: 'setLearningRate', runId: s.run.runId, learningRate: Number(raw) });
    set({ run: { ...s.run, pendingLearningRate: Number(raw) } });
  },
  evaluate() {
    worker.send({ type: 'evaluate' });
    set((s) => ({ run: { ...s.run, test: null, evaluation: { done: 0, total: DATASETS[modelDataset(s)].testCount } } }));
  },
  dismissError: () => set((s) => ({ setupError: null, run: { ...s.run, error: null } })),
});
