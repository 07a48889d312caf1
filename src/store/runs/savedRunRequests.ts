import type { StoreApi } from 'zustand';
import type { AppState } from '../appState';
import { runToReopen } from './runsState';
import { isActive } from '../selectors';
import type { WorkerClient } from '../channel/workerClient';

/**
 * Follows the saved runs for the page. Once the worker lists them after a
 * page load (or after a new worker started), a run becomes the current model
 * unless a run has started meanwhile: the one that was open when a worker
 * died, else the newest with weights (the editor keeps the setup the address
 * gave). The runs being compared are fetched again whenever one of them
 * changed (a run still training). Returns the unsubscribe function.
 */
export function followSavedRuns(store: StoreApi<AppState>, worker: WorkerClient): () => void {
  let asked = '';
  let persisting = false;
  return store.subscribe((s) => {
    const { runs } = s;
    if (!persisting && runs.list.length > 0) {
      // Asks the browser not to evict saved runs under storage pressure (Chrome decides without a prompt).
      persisting = true;
      void globalThis.navigator?.storage?.persist?.().catch(() => false);
    }
    if (runs.loaded && runs.openNewest) {
      const reopen = runToReopen(runs.list, runs.reopenId);
      if (reopen && !isActive(s.run)) s.openRun(reopen.id, { adoptSetup: false });
      else store.setState({ runs: { ...store.getState().runs, openNewest: false } });
      return;
    }
    const stale = runs.compare.filter((id) => {
      const summary = runs.list.find((r) => r.id === id);
      return summary && summary.updatedAt !== runs.records[id]?.updatedAt;
    });
    const key = stale.map((id) => `${id}@${runs.list.find((r) => r.id === id)?.updatedAt}`).join();
    if (stale.length === 0 || key === asked) return;
    asked = key;
    worker.send({ type: 'loadRuns', ids: stale });
  });
}
