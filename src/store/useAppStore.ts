import { create } from 'zustand';
import type { AppState } from './appState';
import { rememberBackendChoice } from './backend/backendChoiceStorage';
import { createBackendSlice } from './backend/backendSlice';
import { createDrawingsSlice } from './drawings/drawingsSlice';
import { followOwnClasses } from './setup/followOwnClasses';
import type { DrawingsStorage } from '../drawings/drawingsStorage';
import { createExplainSlice } from './explain/explainSlice';
import { sendExplainRequests } from './explain/explainRequest';
import { createInspectSlice } from './inspect/inspectSlice';
import { sendInspectRequests } from './inspect/inspectRequest';
import { sendBackendRequests } from './backend/measureRequest';
import { createRunSlice } from './run/runSlice';
import { createRunsSlice } from './runs/runsSlice';
import { followSavedRuns } from './runs/savedRunRequests';
import { createSetupSlice } from './setup/setupSlice';
import type { WorkerClient } from './channel/workerClient';
import { createViewSlice } from './view/viewSlice';

/** A store of the eight slices whose commands go to `worker` (the real client, or a fake in tests); drawings are kept in `drawings` (IndexedDB by default). */
export function createAppStore(worker: WorkerClient, drawings?: DrawingsStorage) {
  const store = create<AppState>()((...a) => ({
    ...createSetupSlice(worker)(...a),
    ...createRunSlice(worker)(...a),
    ...createInspectSlice(worker)(...a),
    ...createBackendSlice(worker)(...a),
    ...createRunsSlice(worker)(...a),
    ...createExplainSlice(worker)(...a),
    ...createDrawingsSlice(worker, drawings)(...a),
    ...createViewSlice(worker)(...a),
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
