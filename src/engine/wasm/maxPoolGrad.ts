import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { runOriginalWasmKernel, replacingWasmKernel } from './originalWasmKernels';
import { simdKernels } from './simd/simdKernels';

type Info = tf.TensorInfo;

/**
 * MaxPool's gradient as one pass over the input, in JavaScript on the wasm
 * heap. tfjs-backend-wasm 4.22's own kernel is a scalar loop about three
 * times slower (a fifth of a training step for a small convnet), and wrong
 * where a window's maximum is not positive: it starts each window's maximum
 * at the smallest positive float, so such a window does not credit its
 * largest input (all-zero windows after a ReLU are common); ties go to the
 * last input, where the cpu backend credits the first. XNNPACK has no
 * pooling gradient, and building one from other kernels (compare with the
 * pooled output, keep the first match per window) takes several passes and
 * transposes.
 *
 * Each window's dy goes to its largest input, the first one in row-major
 * window order when several tie (ReLU zeros often do), as the cpu backend
 * credits it; a window with no value above −∞ credits nothing. Overlapping
 * windows add up. Channels are innermost (NHWC), so the running maxima are
 * kept per channel and the input is read in memory order.
 */
function maxPoolGrad({ inputs, backend, attrs }: { inputs: tf.NamedTensorInfoMap; backend: tf.KernelBackend; attrs?: tf.NamedAttrMap }): Info {
  const { dy, input, output } = inputs as { dy: Info; input: Info; output?: Info };
  if (input.dtype !== 'float32' || dy.dtype !== 'float32') return runOriginalWasmKernel(backend, tf.MaxPoolGrad, inputs, attrs);
  const { filterSize, strides, pad, dimRoundingMode } = attrs as unknown as tf.MaxPoolGradAttrs;
  const info = tf.backend_util.computePool2DInfo(
    input.shape as [number, number, number, number], filterSize, strides, 1, pad, dimRoundingMode,
  );
  const { batchSize: n, inHeight: h, inWidth: w, inChannels: c, outHeight: oh, outWidth: ow, strideHeight: sh, strideWidth: sw, filterHeight: fh, filterWidth: fw, padInfo } = info;
  const wasm = backend as BackendWasm;
  const out = wasm.makeOutput(input.shape, 'float32');
  if (output?.dtype === 'float32' && fh === sh && fw === sw && padInfo.top === 0 && padInfo.left === 0) {
    tiledMaxPoolGrad(wasm, info, input, output, dy, out);
    return out;
  }
  // Views after makeOutput: growing the heap would detach earlier ones.
  const x = wasm.typedArrayFromHeap(input) as Float32Array;
  const g = wasm.typedArrayFromHeap(dy) as Float32Array;
  const dx = wasm.typedArrayFromHeap(out) as Float32Array;
  dx.fill(0);
  const best = new Float32Array(c);
  const at = new Int32Array(c);
  let dyAt = 0;
  for (let b = 0; b < n; b++) {
    for (let oy = 0; oy < oh; oy++) {
      const top = oy * sh - padInfo.top;
      const rowEnd = Math.min(h, top + fh);
      for (let ox = 0; ox < ow; ox++, dyAt += c) {
        const left = ox * sw - padInfo.left;
        const colEnd = Math.min(w, left + fw);
        best.fill(-Infinity);
        at.fill(-1);
        for (let r = Math.max(0, top); r < rowEnd; r++) {
          for (let col = Math.max(0, left); col < colEnd; col++) {
            const base = ((b * h + r) * w + col) * c;
            for (let d = 0; d < c; d++) {
              const v = x[base + d];
              if (v > best[d]) {
                best[d] = v;
                at[d] = base + d;
              }
            }
          }
        }
        for (let d = 0; d < c; d++) if (at[d] >= 0) dx[at[d]] += g[dyAt + d];
      }
    }
  }
  return out;
}

/**
 * The common case, windows that tile the input (pool size = stride, nothing
 * padded before): each input lies in at most one window, so every input is
 * written once and nothing is summed. The pooled output `y` holds each
 * window's maximum (MaxPool returns one of its inputs exactly), so a window's
 * winner is its first input equal to it: one read of x, no running maxima.
 * Rows and columns past the last whole window (valid padding) get zero; a
 * window cut short by the edge ("same" padding after) reads what it has.
 */
function tiledMaxPoolGrad(wasm: BackendWasm, info: tf.backend_util.Conv2DInfo, input: Info, output: Info, dy: Info, out: Info): void {
  const { batchSize: n, inHeight: h, inWidth: w, inChannels: c, outHeight: oh, outWidth: ow, filterHeight: fh, filterWidth: fw } = info;
  const x = wasm.typedArrayFromHeap(input) as Float32Array;
  const y = wasm.typedArrayFromHeap(output) as Float32Array;
  const g = wasm.typedArrayFromHeap(dy) as Float32Array;
  const dx = wasm.typedArrayFromHeap(out) as Float32Array;
  if (oh * fh < h || ow * fw < w) dx.fill(0);
  if (fh === 2 && fw === 2 && oh * 2 <= h && ow * 2 <= w) {
    // Four channels at a time where they come in fours (nearly every convnet's widths).
    const simd = c % 4 === 0 ? simdKernels(wasm) : null;
    if (simd) {
      simd.maxPoolGrad2x2(x.byteOffset, y.byteOffset, g.byteOffset, dx.byteOffset, n, h, w, c, oh, ow);
      return;
    }
  }
  const rowStride = w * c;
  let yAt = 0;
  for (let b = 0; b < n; b++) {
    for (let oy = 0; oy < oh; oy++) {
      const r0 = oy * fh;
      const rows = Math.min(fh, h - r0);
      for (let ox = 0; ox < ow; ox++, yAt += c) {
        const c0 = ox * fw;
        const cols = Math.min(fw, w - c0);
        const corner = ((b * h + r0) * w + c0) * c;
        for (let d = 0; d < c; d++) {
          const m = y[yAt + d];
          const grad = g[yAt + d];
          // 1 until the window's winner is found; without branches, which
          // mispredict on ReLU'd inputs (the winner's place is random).
          let left = m > -Infinity ? 1 : 0;
          for (let r = 0; r < rows; r++) {
            let at = corner + r * rowStride + d;
            for (let k = 0; k < cols; k++, at += c) {
              const won = (x[at] === m ? 1 : 0) & left;
              left -= won;
              dx[at] = grad * won;
            }
          }
        }
      }
    }
  }
}

export const maxPoolGradConfig = replacingWasmKernel(tf.MaxPoolGrad, maxPoolGrad);
