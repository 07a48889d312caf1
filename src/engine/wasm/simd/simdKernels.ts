import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import gemmTN from './gemmTN.wat';
import maxPoolGrad2x2 from './maxPoolGrad2x2.wat';

/** The project's own SIMD kernels, working in place on the wasm backend's heap (byte addresses). */
export interface SimdKernels {
  maxPoolGrad2x2(x: number, y: number, g: number, dx: number, n: number, h: number, w: number, c: number, oh: number, ow: number): void;
  /** C[k×n] = A[m×k]ᵀ · B[m×n], n a multiple of 4. */
  gemmTN(a: number, b: number, c: number, m: number, k: number, n: number): void;
}

const MODULES = [maxPoolGrad2x2, gemmTN];

const instances = new WeakMap<object, SimdKernels | null>();

/**
 * The SIMD kernels bound to `backend`'s memory, or null where they cannot
 * run (no WebAssembly SIMD, or a build of the backend whose memory is not
 * reachable): callers then use their JavaScript loops. Made once per backend.
 */
export function simdKernels(backend: BackendWasm): SimdKernels | null {
  const module = backend.wasm as unknown as { asm?: Record<string, unknown>; HEAPU8: Uint8Array };
  if (instances.has(module)) return instances.get(module) ?? null;
  let kernels: SimdKernels | null = null;
  try {
    // The backend's own memory, which its heap views are views of (Emscripten exports it from the instance).
    const memory = Object.values(module.asm ?? {}).find((v): v is WebAssembly.Memory => v instanceof WebAssembly.Memory && v.buffer === module.HEAPU8.buffer);
    if (memory && MODULES.every((bytes) => WebAssembly.validate(bytes))) {
      const exports = MODULES.map((bytes) => new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } }).exports);
      kernels = Object.assign({}, ...exports) as SimdKernels;
    }
  } catch {
    kernels = null; // SIMD refused, or the memory's limits: the JavaScript loops serve
  }
  instances.set(module, kernels);
  return kernels;
}
