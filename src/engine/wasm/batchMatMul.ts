import * as tf from '@tensorflow/tfjs';
import { runOriginalWasmKernel, replacingWasmKernel } from './originalWasmKernels';
import { free, runWasmKernel } from './runWasmKernel';
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

export const batchMatMulConfig = replacingWasmKernel(tf.BatchMatMul, batchMatMul);
