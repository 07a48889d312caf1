import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll } from 'vitest';
import { registerWasmKernels } from '../wasm/registerWasmKernels';

/** The backends engine tests run on in Node: the reference `cpu`, and `wasm` with the project's gradient kernels. */
export const TEST_BACKENDS = ['cpu', 'wasm'] as const;

/** Switches the calling `describe` block to `backend` before its tests. */
export function useTestBackend(backend: (typeof TEST_BACKENDS)[number]): void {
  beforeAll(async () => {
    if (!(await tf.setBackend(backend))) throw new Error(`The ${backend} backend did not start`);
    if (backend === 'wasm') registerWasmKernels();
  });
}
