import type * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { SimdKernels } from './simd/simdKernels';

type Info = tf.TensorInfo;

/**
 * The filter gradient of Conv2D as one product over x's patches: with
 * M = N·OH·OW output positions, K = KH·KW·Ci filter taps and P [M, K] the
 * patches (row m: what each tap read at position m, zero in the padding),
 *   dW[K, Co] = Pᵀ · dy[M, Co],
 * in the project's SIMD kernel (simd/gemmTN.wat), which packs neither input.
 * XNNPACK, through either a matrix product or a convolution by dy, first
 * repacks all of dy (M·Co floats) at every call: for a first layer
 * (K = 9) that repacking is nearly the whole cost, and for net S's second
 * (K = 288) it made XNNPACK 15% slower than this.
 */
export function conv2dBackpropFilterByPatches(backend: tf.KernelBackend, simd: SimdKernels, x: Info, dy: Info, info: tf.backend_util.Conv2DInfo): Info {
  const { batchSize: n, inHeight: h, inWidth: w, inChannels: ci, outHeight: oh, outWidth: ow, outChannels: co, filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw, padInfo } = info;
  const m = n * oh * ow;
  const k = kh * kw * ci;
  const wasm = backend as BackendWasm;
  const patches = wasm.makeOutput([m, k], 'float32');
  const dW = wasm.makeOutput([kh, kw, ci, co], 'float32');
  // Views after makeOutput: growing the heap would detach earlier ones.
  const p = wasm.typedArrayFromHeap(patches) as Float32Array;
  gatherPatches(wasm.typedArrayFromHeap(x) as Float32Array, p, { n, h, w, ci, oh, ow, kh, kw, sh, sw, top: padInfo.top, left: padInfo.left });
  simd.gemmTN(p.byteOffset, (wasm.typedArrayFromHeap(dy) as Float32Array).byteOffset, (wasm.typedArrayFromHeap(dW) as Float32Array).byteOffset, m, k, co);
  backend.disposeData(patches.dataId);
  return dW;
}

interface PatchGeometry {
  n: number; h: number; w: number; ci: number; oh: number; ow: number;
  kh: number; kw: number; sh: number; sw: number; top: number; left: number;
}

/** P[(img·OH + oy)·OW + ox, (a·KW + b)·Ci + c] = x[img, oy·sh + a − top, ox·sw + b − left, c], or 0 outside x. */
function gatherPatches(x: Float32Array, out: Float32Array, g: PatchGeometry): void {
  const { n, h, w, ci, oh, ow, kh, kw, sh, sw, top, left } = g;
  let at = 0;
  for (let img = 0; img < n; img++) {
    for (let oy = 0; oy < oh; oy++) {
      for (let ox = 0; ox < ow; ox++) {
        for (let a = 0; a < kh; a++) {
          const iy = oy * sh + a - top;
          const rowInside = iy >= 0 && iy < h;
          for (let b = 0; b < kw; b++) {
            const ix = ox * sw + b - left;
            if (rowInside && ix >= 0 && ix < w) {
              const from = ((img * h + iy) * w + ix) * ci;
              for (let c = 0; c < ci; c++) out[at++] = x[from + c];
            } else {
              for (let c = 0; c < ci; c++) out[at++] = 0;
            }
          }
        }
      }
    }
  }
}
