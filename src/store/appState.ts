import type { StateCreator } from 'zustand';
import type { InspectSlice } from './inspectSlice';
import type { RunSlice } from './runSlice';
import type { SetupSlice } from './setupSlice';
import type { WorkerClient } from './workerClient';

/** The whole store: the setup on screen, the run, and what the inspection panels show. */
export type AppState = SetupSlice & RunSlice & InspectSlice;

/**
 * One slice of the store (zustand's slices pattern): its state and its
 * actions, over the whole store's `set` and `get`. Commands go through
 * `worker`, the real client or a fake in tests.
 */
export type SliceCreator<Slice> = (worker: WorkerClient) => StateCreator<AppState, [], [], Slice>;
