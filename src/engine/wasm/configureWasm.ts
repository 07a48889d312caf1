import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { registerWasmKernels } from './registerWasmKernels';

/** The three builds of tfjs-backend-wasm: plain, SIMD, and SIMD with threads. */
export type WasmFileName = 'tfjs-backend-wasm.wasm' | 'tfjs-backend-wasm-simd.wasm' | 'tfjs-backend-wasm-threaded-simd.wasm';

/**
 * Prepares the wasm backend before it first starts: where its binaries are
 * (the app's own origin, never a CDN), the single-threaded build, and the
 * project's gradient kernels (without which it cannot train a convnet).
 *
 * Never the threaded build: this app trains on several cores with one
 * single-threaded worker per core (engine/parallel), which parallelizes every
 * kernel of a step, ours included, where XNNPACK's threads cover only its
 * own. The threaded build would oversubscribe those cores, and it fails in a
 * production bundle (TFJS-NOTES; docs/PERFORMANCE.md, "Every core").
 */
export function configureWasm(paths: Record<WasmFileName, string>): void {
  setWasmPaths(paths);
  // tfjs picks the threaded build whenever the browser allows it; this keeps it out.
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  registerWasmKernels();
}
