import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { registerWasmKernels } from './registerWasmKernels';

/** The three builds of tfjs-backend-wasm: plain, SIMD, and SIMD with threads. */
export type WasmFileName = 'tfjs-backend-wasm.wasm' | 'tfjs-backend-wasm-simd.wasm' | 'tfjs-backend-wasm-threaded-simd.wasm';

export interface WasmSetup {
  /** Where each binary is served: the app's own origin, never a CDN. */
  paths: Record<WasmFileName, string>;
  /** Whether the threaded build may be used (it needs cross-origin isolation). */
  threads: boolean;
}

/**
 * Prepares the wasm backend before it first starts: where its binaries are,
 * which build to load, and the project's gradient kernels (without which it
 * cannot train a convnet).
 */
export function configureWasm({ paths, threads }: WasmSetup): void {
  setWasmPaths(paths);
  // tfjs picks the threaded build whenever the browser allows it; this keeps it out.
  if (!threads) tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  registerWasmKernels();
}
