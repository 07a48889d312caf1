import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { runOriginalWasmKernel, replacingWasmKernel } from './originalWasmKernels';

type Info = tf.TensorInfo;

/**
 * Sum over the leading axes (a bias gradient: dy [N, H, W, C] summed to
 * [C]) in one pass over the wasm heap. tfjs-backend-wasm 4.22 sums over any
 * axes by first transposing them innermost: for a bias gradient that is a
 * transpose of the whole of dy with C-strided reads, several times the cost
 * of the sum (net S's first layer: 4.3 ms; summed in cache-sized blocks of
 * rows through its own kernels, 2.4 ms; here, eight rows at a time into
 * double-precision sums, 0.8). Other axes and other dtypes go to the original.
 */
function sum({ inputs, backend, attrs }: { inputs: tf.NamedTensorInfoMap; backend: tf.KernelBackend; attrs?: tf.NamedAttrMap }): Info {
  return sumLeading(backend, inputs, attrs as unknown as tf.SumAttrs, false) ?? runOriginalWasmKernel(backend, tf.Sum, inputs, attrs);
}

/**
 * Σ of float32 x over its leading axes (`attrs`), divided by their count when
 * `average` (Mean, engine/wasm/mean.ts), as a new output; null for other axes
 * or dtypes.
 */
export function sumLeading(backend: tf.KernelBackend, inputs: tf.NamedTensorInfoMap, { axis, keepDims }: tf.SumAttrs, average: boolean): Info | null {
  const { x } = inputs as { x: Info };
  const axes = tf.util.parseAxisParam(axis, x.shape).sort((a, b) => a - b);
  const leading = axes.every((a, i) => a === i);
  if (x.dtype !== 'float32' || axes.length === 0 || !leading) return null;
  const rest = x.shape.slice(axes.length);
  const rows = x.shape.slice(0, axes.length).reduce((a, b) => a * b, 1);
  const columns = rest.reduce((a, b) => a * b, 1);
  const wasm = backend as BackendWasm;
  const out = wasm.makeOutput(keepDims ? [...axes.map(() => 1), ...rest] : rest, 'float32');
  // Views after makeOutput: growing the heap would detach earlier ones.
  const totals = sumRows(wasm.typedArrayFromHeap(x) as Float32Array, rows, columns);
  if (average) for (let j = 0; j < columns; j++) totals[j] /= rows;
  (wasm.typedArrayFromHeap(out) as Float32Array).set(totals);
  return out;
}

/** Σ over the rows of the matrix `m` [rows, columns], in doubles. */
function sumRows(m: Float32Array, rows: number, columns: number): Float64Array {
  const acc = new Float64Array(columns);
  const c = columns;
  let r = 0;
  let at = 0;
  // Eight rows at a time: a short loop over few columns would spend its time on loop control.
  for (; r + 8 <= rows; r += 8, at += 8 * c) {
    for (let j = 0; j < c; j++) {
      const i = at + j;
      acc[j] += m[i] + m[i + c] + (m[i + 2 * c] + m[i + 3 * c]) + (m[i + 4 * c] + m[i + 5 * c] + (m[i + 6 * c] + m[i + 7 * c]));
    }
  }
  for (; r < rows; r++, at += c) for (let j = 0; j < c; j++) acc[j] += m[at + j];
  return acc;
}

export const sumConfig = replacingWasmKernel(tf.Sum, sum);
