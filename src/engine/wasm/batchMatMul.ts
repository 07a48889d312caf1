import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { runOriginalWasmKernel, replacingWasmKernel } from './originalWasmKernels';
import { free, runWasmKernel } from './runWasmKernel';
import { simdKernels, type SimdKernels } from './simd/simdKernels';
import { transposeMatrix } from './transposeMatrix';

type Info = tf.TensorInfo;

const batchOf = (t: Info) => t.shape.slice(0, -2).reduce((a, b) => a * b, 1);

/** `t` (leading axes all of size 1) with its last two axes swapped, as a new intermediate. */
function swapLastAxes(backend: tf.KernelBackend, t: Info): Info {
  const [r, c] = t.shape.slice(-2);
  const m = runWasmKernel(backend, 'Reshape', { x: t }, { shape: [r, c] });
  const mT = transposeMatrix(backend, m);
  const out = runWasmKernel(backend, 'Reshape', { x: mT }, { shape: [...t.shape.slice(0, -2), c, r] });
  free(backend, m, mT);
  return out;
}

/**
 * Matrix products with a transposed input, through XNNPACK: tfjs-backend-wasm
 * 4.22 hands a product to XNNPACK only when neither input is transposed and
 * neither has a batch, and otherwise runs a scalar loop. The Dense layers'
 * gradients (xᵀ·dy and dy·Wᵀ) took that loop. Transposing an input first costs
 * one pass over it, far less than the product. Batched products would take
 * the loop either way, so they stay with the original kernel.
 */
function batchMatMul({ inputs, backend, attrs }: { inputs: tf.NamedTensorInfoMap; backend: tf.KernelBackend; attrs?: tf.NamedAttrMap }): Info {
  const { a, b } = inputs as { a: Info; b: Info };
  const { transposeA, transposeB } = attrs as unknown as tf.BatchMatMulAttrs;
  const simd = transposeA ? null : simdProduct(backend, a, b, transposeB);
  if (simd) {
    // dy·Wᵀ (a Dense layer's input gradient) too, once W is transposed: XNNPACK would pack it again.
    const bT = transposeB ? swapLastAxes(backend, b) : b;
    const out = smallTimesWeights(backend, simd, a, bT);
    if (transposeB) free(backend, bT);
    return out;
  }
  if ((!transposeA && !transposeB) || batchOf(a) !== 1 || batchOf(b) !== 1 || a.dtype !== 'float32' || b.dtype !== 'float32') {
    return runOriginalWasmKernel(backend, tf.BatchMatMul, inputs, attrs);
  }
  const aT = transposeA ? swapLastAxes(backend, a) : a;
  const bT = transposeB ? swapLastAxes(backend, b) : b;
  const out = runOriginalWasmKernel(backend, tf.BatchMatMul, { a: aT, b: bT }, { transposeA: false, transposeB: false });
  // Freeing bT also frees the XNNPACK operator cached on it.
  free(backend, ...(transposeA ? [aT] : []), ...(transposeB ? [bT] : []));
  return out;
}

/** Rows of `a` up to which a·b runs in the SIMD kernel rather than XNNPACK (a batch of images times a Dense layer's kernel). */
const SMALL_ROWS = 256;

/** The SIMD kernels when a·b (a·bᵀ when `transposeB`) is one smallTimesWeights can run, else null. */
function simdProduct(backend: tf.KernelBackend, a: Info, b: Info, transposeB: boolean): SimdKernels | null {
  const rows = a.shape[a.shape.length - 2];
  const columns = b.shape[b.shape.length - (transposeB ? 2 : 1)];
  if (batchOf(a) !== 1 || batchOf(b) !== 1 || a.dtype !== 'float32' || b.dtype !== 'float32' || rows > SMALL_ROWS || columns % 4 !== 0) return null;
  return simdKernels(backend as BackendWasm);
}

/**
 * a·b for a few rows of `a` (a batch) times a large `b` (a Dense layer's
 * kernel, new at every step since the optimizer replaces it): XNNPACK packs
 * all of b at every call, which cost more than the product (net S's Dense
 * 3136 → 128 at 32 images: 2.7 ms; here, a transposed and the SIMD product,
 * 1.2 ms; at 64 images 3.6 against 2.1). Only where simdProduct says so.
 */
function smallTimesWeights(backend: tf.KernelBackend, simd: SimdKernels, a: Info, b: Info): Info {
  const [rows, inner] = a.shape.slice(-2);
  const columns = b.shape[b.shape.length - 1];
  const wasm = backend as BackendWasm;
  const a2 = runWasmKernel(backend, 'Reshape', { x: a }, { shape: [rows, inner] });
  const aT = transposeMatrix(backend, a2);
  const out = wasm.makeOutput([...a.shape.slice(0, -2), rows, columns], 'float32');
  const at = (t: Info) => (wasm.typedArrayFromHeap(t) as Float32Array).byteOffset;
  // Aᵀ·B with A = aᵀ [inner, rows]: a·b.
  simd.gemmTN(at(aT), at(b), at(out), inner, rows, columns);
  free(backend, a2, aT);
  return out;
}

export const batchMatMulConfig = replacingWasmKernel(tf.BatchMatMul, batchMatMul);
