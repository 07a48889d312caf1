import type { BackendChoice } from '../../model/backends';
import type { Command, WorkerEvent } from '../../protocol';
import { message } from '../../model/message';
import { Heartbeat, HEARTBEAT_MS } from './heartbeat';

export interface WorkerClient {
  send(cmd: Command): void;
}

export interface WorkerClientOptions {
  /** The backend choice and the cores in force, read at every (re)start. */
  backendChoice?: () => BackendChoice;
  cores?: () => number;
  /** Heartbeat period in ms (HEARTBEAT_MS); tests shorten it. */
  heartbeatMs?: number;
  /** Called after a new worker replaced one that died, to send it what the page wants again. */
  onRestart?: () => void;
}

/** Workers started after crashes, at most: one that dies as it starts would otherwise loop forever. */
const MAX_RESTARTS = 3;

/**
 * Starts the training worker and is the only code that talks to it. A worker
 * that fails to load or throws outside a command still reaches the page as an
 * error event. A worker that stops answering the heartbeat (killed for
 * memory, say) is replaced by a new one; the page hears `workerRestarted`,
 * and the saved runs bring its model back.
 */
export function createWorkerClient(onEvent: (e: WorkerEvent) => void, options: WorkerClientOptions = {}): WorkerClient {
  const { backendChoice = () => 'auto', cores = () => 0, heartbeatMs = HEARTBEAT_MS, onRestart } = options;
  let restarts = 0;
  let heart = new Heartbeat();
  const start = () => {
    const w = new Worker(new URL('../../worker/trainingWorker.ts', import.meta.url), { type: 'module', name: 'convscope-training' });
    w.onmessage = (e: MessageEvent<WorkerEvent>) => {
      heart.heard();
      if (e.data.type !== 'pong') onEvent(e.data);
    };
    w.onerror = (e) => {
      e.preventDefault();
      onEvent({ type: 'error', code: 'internal', message: e.message ? message('errors:worker.failed', { why: e.message }) : message('errors:worker.couldNotStart') });
      onEvent({ type: 'status', status: 'error' });
    };
    w.onmessageerror = () => onEvent({ type: 'error', code: 'internal', message: message('errors:worker.unreadable') });
    w.postMessage({ type: 'init', baseUrl: new URL(import.meta.env.BASE_URL, location.href).href, backendChoice: backendChoice(), cores: cores() } satisfies Command);
    return w;
  };
  let worker = start();
  const timer = setInterval(() => {
    const seq = heart.beat();
    if (seq !== null) {
      worker.postMessage({ type: 'ping', seq } satisfies Command);
      return;
    }
    worker.terminate();
    if (restarts >= MAX_RESTARTS) {
      clearInterval(timer);
      onEvent({ type: 'error', code: 'internal', message: message('errors:worker.stoppedTimes', { times: restarts + 1 }) });
      onEvent({ type: 'status', status: 'error' });
      return;
    }
    restarts++;
    heart = new Heartbeat();
    worker = start();
    onEvent({
      type: 'workerRestarted',
      message: message('errors:worker.restarted'),
    });
    onRestart?.();
  }, heartbeatMs);
  return { send: (cmd) => worker.postMessage(cmd) };
}
