import type { BackendChoice } from '../model/backends';
import type { Command, WorkerEvent } from '../worker/protocol';

export interface WorkerClient {
  send(cmd: Command): void;
}

/**
 * Starts the training worker and is the only code that talks to it. A worker
 * that fails to load or throws outside a command still reaches the page as an
 * error event.
 */
export function createWorkerClient(
  onEvent: (e: WorkerEvent) => void,
  { wasmThreads = 1, backendChoice = 'auto' }: { wasmThreads?: number; backendChoice?: BackendChoice } = {},
): WorkerClient {
  const worker = new Worker(new URL('../worker/trainingWorker.ts', import.meta.url), { type: 'module', name: 'convscope-training' });
  worker.onmessage = (e: MessageEvent<WorkerEvent>) => onEvent(e.data);
  worker.onerror = (e) => {
    e.preventDefault();
    onEvent({ type: 'error', code: 'internal', message: `The training worker failed: ${e.message || 'it could not start'}` });
    onEvent({ type: 'status', status: 'error' });
  };
  worker.onmessageerror = () => onEvent({ type: 'error', code: 'internal', message: 'A message from the training worker could not be read' });
  const client: WorkerClient = { send: (cmd) => worker.postMessage(cmd) };
  client.send({ type: 'init', baseUrl: new URL(import.meta.env.BASE_URL, location.href).href, wasmThreads, backendChoice });
  return client;
}
