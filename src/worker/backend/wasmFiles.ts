/// <reference types="vite/client" />
import type { WasmFileName } from '../../engine/wasm/configureWasm';
// Vite copies each binary into the build and gives its URL on the app's own origin.
import plain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

/** The wasm backend's binaries as served with the app (vite dev, vite preview and the production build). */
export const WASM_FILES: Record<WasmFileName, string> = {
  'tfjs-backend-wasm.wasm': plain,
  'tfjs-backend-wasm-simd.wasm': simd,
  'tfjs-backend-wasm-threaded-simd.wasm': threadedSimd,
};
