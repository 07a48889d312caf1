import type * as tf from '@tensorflow/tfjs';
import { free, runWasmKernel } from './runWasmKernel';

type Info = tf.TensorInfo;

/** Rows per block when a matrix is transposed in two cache-friendly passes. */
const BLOCK = 64;

/**
 * The transpose of a matrix [R, C] (a new intermediate, [C, R]).
 * tfjs-backend-wasm 4.22 transposes a matrix by reading it in order and
 * writing columns R floats apart. When R is a multiple of 256 (batch × image
 * size often is), the writes of each row fall into a few cache sets and evict
 * one another: [50176, 32] took 11 ms where [50000, 32] took 0.9. Such
 * matrices go in two passes instead: blocks of 64 rows transposed in place
 * ([R/64, 64, C] → [R/64, C, 64], in cache), then the blocks' rows gathered
 * ([C, R/64, 64], runs of 64 floats): 1.4 ms.
 */
export function transposeMatrix(backend: tf.KernelBackend, x: Info): Info {
  const [r, c] = x.shape;
  if (r % 256 !== 0) return runWasmKernel(backend, 'Transpose', { x }, { perm: [1, 0] });
  const blocks = runWasmKernel(backend, 'Reshape', { x }, { shape: [r / BLOCK, BLOCK, c] });
  const inner = runWasmKernel(backend, 'Transpose', { x: blocks }, { perm: [0, 2, 1] });
  const outer = runWasmKernel(backend, 'Transpose', { x: inner }, { perm: [1, 0, 2] });
  const t = runWasmKernel(backend, 'Reshape', { x: outer }, { shape: [c, r] });
  free(backend, blocks, inner, outer);
  return t;
}
