import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { runOriginalWasmKernel, replacingWasmKernel } from './originalWasmKernels';

type Info = tf.TensorInfo;
type Numbers = Float32Array | Int32Array | Uint8Array;

/**
 * Tile as block copies on the wasm heap. tfjs-backend-wasm 4.22 computes
 * every output element's source index, one at a time; BatchNormalization's
 * gradient tiles its per-channel values over the whole activation, and for
 * seed 001's network ([1, 1, 1, 32] over 32 × 28 × 28) that one Tile took 54
 * of a 155 ms step. Here each axis's block is written once and then copied
 * whole (`copyWithin`), innermost first: memory speed.
 */
function tile({ inputs, backend, attrs }: { inputs: tf.NamedTensorInfoMap; backend: tf.KernelBackend; attrs?: tf.NamedAttrMap }): Info {
  const { x } = inputs as { x: Info };
  const { reps } = attrs as unknown as tf.TileAttrs;
  if (x.dtype === 'string' || x.dtype === 'complex64' || reps.length !== x.shape.length) return runOriginalWasmKernel(backend, tf.Tile, inputs, attrs);
  const wasm = backend as BackendWasm;
  const out = wasm.makeOutput(x.shape.map((s, i) => s * reps[i]), x.dtype);
  // Views after makeOutput: growing the heap would detach earlier ones.
  tileInto(wasm.typedArrayFromHeap(x) as Numbers, wasm.typedArrayFromHeap(out) as Numbers, x.shape, reps);
  return out;
}

/** Writes `x` (of `shape`) repeated `reps` times along each axis into `out`. */
function tileInto(x: Numbers, out: Numbers, shape: readonly number[], reps: readonly number[]): void {
  const rank = shape.length;
  if (out.length === 0) return;
  if (rank === 0) {
    out[0] = x[0];
    return;
  }
  // Elements per step along each axis, in x and in out.
  const inStride = new Array<number>(rank);
  const outStride = new Array<number>(rank);
  inStride[rank - 1] = 1;
  outStride[rank - 1] = 1;
  for (let d = rank - 2; d >= 0; d--) {
    inStride[d] = inStride[d + 1] * shape[d + 1];
    outStride[d] = outStride[d + 1] * shape[d + 1] * reps[d + 1];
  }
  const fill = (d: number, from: number, to: number): void => {
    if (d === rank - 1) {
      out.set(x.subarray(from, from + shape[d]), to);
    } else {
      for (let i = 0; i < shape[d]; i++) fill(d + 1, from + i * inStride[d], to + i * outStride[d]);
    }
    // This axis's block, written once above, copied for its repeats.
    const block = shape[d] * outStride[d];
    for (let r = 1; r < reps[d]; r++) out.copyWithin(to + r * block, to, to + block);
  };
  fill(0, 0, 0);
}

export const tileConfig = replacingWasmKernel(tf.Tile, tile);
