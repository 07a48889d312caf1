import { create } from 'zustand';
import type { AppState } from './appState';
import { rememberBackendChoice } from './backendChoiceStorage';
import { createBackendSlice } from './backendSlice';
import { createDrawingsSlice } from './drawingsSlice';
import { followOwnClasses } from './followOwnClasses';
import type { DrawingsStorage } from '../drawings/drawingsStorage';
import { createExplainSlice } from './explainSlice';
import { sendExplainRequests } from './explainRequest';
import { createInspectSlice } from './inspectSlice';
import { sendInspectRequests } from './inspectRequest';
import { sendBackendRequests } from './measureRequest';
import { createRunSlice } from './runSlice';
import { createRunsSlice } from './runsSlice';
import { followSavedRuns } from './savedRunRequests';
import { createSetupSlice } from './setupSlice';
import type { WorkerClient } from './workerClient';

/** A store of the seven slices whose commands go to `worker` (the real client, or a fake in tests); drawings are kept in `drawings` (IndexedDB by default). */
export function createAppStore(worker: WorkerClient, drawings?: DrawingsStorage) {
  const store = create<AppState>()((...a) => ({
    ...createSetupSlice(worker)(...a),
    ...createRunSlice(worker)(...a),
    ...createInspectSlice(worker)(...a),
    ...createBackendSlice(worker)(...a),
    ...createRunsSlice(worker)(...a),
    ...createExplainSlice(worker)(...a),
    ...createDrawingsSlice(worker, drawings)(...a),
  }));
  followOwnClasses(store);
  return store;
}

let client: WorkerClient | null = null;

/** The page's store. Its commands go nowhere until connectWorker. */
export const useAppStore = createAppStore({ send: (cmd) => client?.send(cmd) });

/**
 * Connects the page's store to the worker (once, from main.tsx): commands go
 * to `c`; the backend measurement and the inspection request follow the store from now on.
 */
export function connectWorker(c: WorkerClient): void {
  client = c;
  rememberBackendChoice(useAppStore);
  followWorker(c);
  followSavedRuns(useAppStore, c);
  void useAppStore.getState().loadDrawings();
}

let unfollow: (() => void)[] = [];

/** A new worker replaced one that died: it knows nothing yet, so the page's requests go again. */
export function reconnectWorker(): void {
  unfollow.forEach((f) => f());
  if (client) followWorker(client);
}

function followWorker(c: WorkerClient): void {
  unfollow = [sendBackendRequests(useAppStore, c), sendInspectRequests(useAppStore, c), sendExplainRequests(useAppStore, c)];
}
