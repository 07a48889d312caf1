/** The worker entry: receives commands, hands them to the session, posts events. */
import { configureWasm } from '../engine/wasm/configureWasm';
import { transferablesOf, type Command, type WorkerEvent } from './protocol';
import { TrainingSession } from './trainingSession';
import { WASM_FILES } from './wasmFiles';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (event: WorkerEvent) => scope.postMessage(event, transferablesOf(event));
// Before the session starts a backend: the wasm binaries come from the app's own origin.
configureWasm({ paths: WASM_FILES, threads: false });
const session = new TrainingSession(post);

scope.onmessage = (e: MessageEvent<Command>) => {
  try {
    session.handle(e.data);
  } catch (err) {
    session.fail(err);
  }
};
// Reported, but they do not end a run: every run's own failures are caught where they happen.
scope.addEventListener('unhandledrejection', (e) => session.fail(e.reason, false));
scope.addEventListener('error', (e) => session.fail(e.error ?? e.message, false));
