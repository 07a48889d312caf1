import type * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { free, runWasmKernel } from './runWasmKernel';

type Info = tf.TensorInfo;

/**
 * The filter gradient of Conv2D as one matrix product that XNNPACK runs at
 * the speed of the forward convolution: with M = N·OH·OW output positions
 * and K = KH·KW·Ci filter taps,
 *   dW[K, Co] = Pᵀ[K, M] · dy[M, Co],
 * where Pᵀ's row k holds, for every output position, the input that tap k
 * read there (zero where it read padding). Pᵀ is gathered here in one pass
 * over x (im2col, written already transposed, so that the product needs no
 * transpose and XNNPACK packs only dy, Co columns wide).
 *
 * The convolution whose filter is dy (conv2dBackpropFilter's other route)
 * does the same multiply-adds, but XNNPACK runs it as a product with K·Co
 * outputs and an M-long inner loop, far from its tile shape: net S's second
 * layer took 2–2.7× its forward convolution that way.
 */
export function conv2dBackpropFilterByGemm(backend: tf.KernelBackend, x: Info, dy: Info, info: tf.backend_util.Conv2DInfo): Info {
  const { batchSize: n, inHeight: h, inWidth: w, inChannels: ci, outHeight: oh, outWidth: ow, outChannels: co, filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw, padInfo } = info;
  const m = n * oh * ow;
  const wasm = backend as BackendWasm;
  const patchesT = wasm.makeOutput([kh * kw * ci, m], 'float32');
  // Views after makeOutput: growing the heap would detach earlier ones.
  gatherPatchesT(
    wasm.typedArrayFromHeap(x) as Float32Array, wasm.typedArrayFromHeap(patchesT) as Float32Array,
    { n, h, w, ci, oh, ow, kh, kw, sh, sw, top: padInfo.top, left: padInfo.left },
  );
  const dy2 = runWasmKernel(backend, 'Reshape', { x: dy }, { shape: [m, co] });
  const dW2 = runWasmKernel(backend, 'BatchMatMul', { a: patchesT, b: dy2 }, { transposeA: false, transposeB: false });
  const dW = runWasmKernel(backend, 'Reshape', { x: dW2 }, { shape: [kh, kw, ci, co] });
  free(backend, patchesT, dy2, dW2);
  return dW;
}

interface PatchGeometry {
  n: number; h: number; w: number; ci: number; oh: number; ow: number;
  kh: number; kw: number; sh: number; sw: number; top: number; left: number;
}

/**
 * Pᵀ[(a·KW + b)·Ci + c, (img·OH + oy)·OW + ox] = x[img, oy·sh + a − top, ox·sw + b − left, c],
 * or 0 outside x. Exported for its test.
 */
export function gatherPatchesT(x: Float32Array, out: Float32Array, g: PatchGeometry): void {
  const { n, h, w, ci, oh, ow, kh, kw, sh, sw, top, left } = g;
  const m = n * oh * ow;
  for (let a = 0; a < kh; a++) {
    for (let b = 0; b < kw; b++) {
      const rowBase = (a * kw + b) * ci * m;
      let col = 0;
      for (let img = 0; img < n; img++) {
        for (let oy = 0; oy < oh; oy++) {
          const iy = oy * sh + a - top;
          const rowInside = iy >= 0 && iy < h;
          const xRow = (img * h + iy) * w;
          for (let ox = 0; ox < ow; ox++, col++) {
            const ix = ox * sw + b - left;
            let at = rowBase + col;
            if (rowInside && ix >= 0 && ix < w) {
              const from = (xRow + ix) * ci;
              for (let c = 0; c < ci; c++, at += m) out[at] = x[from + c];
            } else {
              for (let c = 0; c < ci; c++, at += m) out[at] = 0;
            }
          }
        }
      }
    }
  }
}
