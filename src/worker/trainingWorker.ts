/** The worker entry: receives commands, hands them to the session, posts events. */
import { configureWasm } from '../engine/wasm/configureWasm';
import { isBackendChoice } from '../model/backends';
import { transferablesOf, type Command, type WorkerEvent } from '../protocol';
import { TrainingSession } from './trainingSession';
import { WASM_FILES } from './backend/wasmFiles';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (event: WorkerEvent) => scope.postMessage(event, transferablesOf(event));
let session: TrainingSession | null = null;

/**
 * The session starts with the page's first message, `init`: the wasm backend
 * must know its build and thread count before any backend starts.
 */
function sessionFor(cmd: Command): TrainingSession {
  if (session) return session;
  // Threads need SharedArrayBuffer, which only a cross-origin isolated page has. They also
  // need the unbundled wasm backend (`vite dev`): in a production bundle tfjs 4.22 starts
  // its pthread workers from `factory.toString()`, which the bundler has turned into a
  // lazy-require wrapper ("ReferenceError: e is not defined"), and the backend never
  // starts. Unbundled, on this project's 2-core machine, 2 threads trained 4% faster than 1
  // (docs/PERFORMANCE.md, "Threads"): not worth the core the page needs for drawing.
  const threads = cmd.type === 'init' && scope.crossOriginIsolated && import.meta.env.DEV ? cmd.wasmThreads : 1;
  configureWasm({ paths: WASM_FILES, threads });
  session = new TrainingSession(post, { backendChoice: cmd.type === 'init' && isBackendChoice(cmd.backendChoice) ? cmd.backendChoice : 'auto' });
  return session;
}

scope.onmessage = (e: MessageEvent<Command>) => {
  if (e.data.type === 'ping') {
    post({ type: 'pong', seq: e.data.seq });
    return;
  }
  if (e.data.type === 'injectFault' && e.data.fault === 'crashWorker') {
    // As a worker killed for memory ends: at once, without a word. The page's heartbeat notices.
    scope.close();
    return;
  }
  const s = sessionFor(e.data);
  try {
    s.handle(e.data);
  } catch (err) {
    s.fail(err);
  }
};
// Reported, but they do not end a run: every run's own failures are caught where they happen.
scope.addEventListener('unhandledrejection', (e) => session?.fail(e.reason, false));
scope.addEventListener('error', (e) => session?.fail(e.error ?? e.message, false));
