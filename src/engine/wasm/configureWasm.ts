import * as tf from '@tensorflow/tfjs';
import { setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { registerWasmKernels } from './registerWasmKernels';

/** The three builds of tfjs-backend-wasm: plain, SIMD, and SIMD with threads. */
export type WasmFileName = 'tfjs-backend-wasm.wasm' | 'tfjs-backend-wasm-simd.wasm' | 'tfjs-backend-wasm-threaded-simd.wasm';

export interface WasmSetup {
  /** Where each binary is served: the app's own origin, never a CDN. */
  paths: Record<WasmFileName, string>;
  /**
   * Threads for XNNPACK: 1 loads the single-threaded SIMD build; more loads
   * the threaded one, which needs cross-origin isolation (SharedArrayBuffer).
   */
  threads: number;
}

/**
 * Prepares the wasm backend before it first starts: where its binaries are,
 * which build to load, and the project's gradient kernels (without which it
 * cannot train a convnet).
 */
export function configureWasm({ paths, threads }: WasmSetup): void {
  setWasmPaths(paths);
  if (threads > 1) {
    setThreadsCount(threads);
    // tfjs's C++ side caps its pool at hardwareConcurrency / 2 (it assumes two
    // hyperthreads per core), which gives a 2-core machine one thread: lift the
    // cap so that the asked-for count is what runs.
    const nav = globalThis.navigator as { hardwareConcurrency?: number } | undefined;
    if (nav && (nav.hardwareConcurrency ?? 0) < 2 * threads) {
      Object.defineProperty(nav, 'hardwareConcurrency', { value: 2 * threads, configurable: true });
    }
  } else {
    // tfjs picks the threaded build whenever the browser allows it; this keeps it out.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  }
  registerWasmKernels();
}
