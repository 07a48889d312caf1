/** The worker entry: receives commands, hands them to the session, posts events. */
import { configureWasm } from '../engine/wasm/configureWasm';
import { isBackendChoice } from '../model/backends';
import { transferablesOf, type Command, type WorkerEvent } from '../protocol';
import { TrainingSession } from './trainingSession';
import { BROWSER_BACKENDS } from './backend/browserBackends';
import { WASM_FILES } from './backend/wasmFiles';
import { MAX_CORES } from './parallel/helperPool';
import type { HelperPort } from './parallel/workerPeer';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (event: WorkerEvent) => scope.postMessage(event, transferablesOf(event));
let session: TrainingSession | null = null;

/** Helper workers, one per further core, each training a share of every step on wasm. */
const spawnHelper = (): HelperPort =>
  new Worker(new URL('./parallel/gradientWorker.ts', import.meta.url), { type: 'module', name: 'convscope-helper' }) as unknown as HelperPort;

/**
 * The session starts with the page's first message, `init`, which carries the
 * backend choice and cores remembered by the page.
 */
function sessionFor(cmd: Command): TrainingSession {
  if (session) return session;
  configureWasm(WASM_FILES);
  const init = cmd.type === 'init' ? cmd : null;
  session = new TrainingSession(post, {
    backendChoice: init && isBackendChoice(init.backendChoice) ? init.backendChoice : 'auto',
    cores: init && Number.isInteger(init.cores) && init.cores >= 0 ? init.cores : 0,
    backends: { ...BROWSER_BACKENDS, cores: Math.min(MAX_CORES, scope.navigator.hardwareConcurrency || 1) },
    spawnHelper,
  });
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
