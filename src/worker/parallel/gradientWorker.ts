/** A helper worker's entry: computes shares of training steps on one core, for the training worker. */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { ShareComputer } from '../../engine/parallel/shareComputer';
import { configureWasm } from '../../engine/wasm/configureWasm';
import { WASM_FILES } from '../backend/wasmFiles';
import type { HelperCommand, HelperReply } from './helperMessages';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const computer = new ShareComputer();
configureWasm(WASM_FILES);
const ready = tf.setBackend('wasm').then((ok) => {
  if (!ok) throw new Error('the wasm backend did not start in a helper worker');
});

// One command at a time, in order: a share must not start before its network is built.
let queue: Promise<unknown> = Promise.resolve();

scope.onmessage = (e: MessageEvent<HelperCommand>) => {
  const cmd = e.data;
  if (cmd.type === 'crash') {
    scope.close();
    return;
  }
  queue = queue.then(() => answer(cmd)).then(
    (reply) => scope.postMessage(reply, reply.type === 'shared' ? [...reply.grads, ...reply.state].map((a) => a.buffer) : []),
    (err: unknown) => scope.postMessage({ type: 'failed', id: cmd.id, message: err instanceof Error ? err.message : String(err) } satisfies HelperReply),
  );
};

async function answer(cmd: Exclude<HelperCommand, { type: 'crash' }>): Promise<HelperReply> {
  await ready;
  if (cmd.type === 'prepare') {
    await computer.prepare(cmd.spec);
    return { type: 'prepared', id: cmd.id };
  }
  const { type: _type, id, ...request } = cmd;
  return { type: 'shared', id, ...(await computer.compute(request)) };
}
