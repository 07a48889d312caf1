import type { BackendSlice, SliceCreator } from '../appState';
import { loadBackendChoice, loadCores } from './backendChoiceStorage';
import { INITIAL_BACKEND_STATE } from './backendState';

/** The backends: which is in use, how fast each is, and the user's override. */
export const createBackendSlice: SliceCreator<BackendSlice> = (worker) => (set) => ({
  backend: { ...INITIAL_BACKEND_STATE, choice: loadBackendChoice(), cores: loadCores() },

  chooseBackend(choice) {
    set((s) => ({ backend: { ...s.backend, choice } }));
    worker.send({ type: 'chooseBackend', choice });
  },

  chooseCores(cores) {
    set((s) => ({ backend: { ...s.backend, cores } }));
    worker.send({ type: 'setCores', cores });
  },
});
