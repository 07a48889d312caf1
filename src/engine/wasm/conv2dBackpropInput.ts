import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { padOrCrop } from './padOrCrop';
import { free, runWasmKernel } from './runWasmKernel';

/**
 * The input gradient of Conv2D as one forward Conv2D (tfjs-backend-wasm
 * 4.22's own is a scalar loop).
 *
 * With dy [N, OH, OW, Co], filter W [KH, KW, Ci, Co], stride s and top/left padding p:
 *   dx[n, h, w, ci] = Σ dy[n, oh, ow, co] · W[kh, kw, ci, co] over oh·s + kh − p = h, ow·s + kw − p = w.
 * That is the full convolution of dy, spread out with s − 1 zeros between its
 * rows and columns, by W turned 180° with its channels swapped
 * ([KH, KW, Co, Ci]), padded by KH − 1 − p before and by whatever gives
 * H × W outputs after (cut off where that is negative).
 */
/**
 * A filter [KH, KW, A, B] turned 180° (taps in reverse order), as a new
 * intermediate. Turning both spatial axes reverses the KH·KW taps, each a
 * contiguous block of A·B floats, so this is KH·KW block copies;
 * tfjs-wasm's Reverse kernel took 1.1 ms for a 3×3×64×64 filter.
 */
function reverseTaps(backend: tf.KernelBackend, f: tf.TensorInfo): tf.TensorInfo {
  const [kh, kw, a, b] = f.shape;
  const wasm = backend as BackendWasm;
  const out = wasm.makeOutput(f.shape, 'float32');
  // Views after makeOutput: growing the heap would detach earlier ones.
  const src = wasm.typedArrayFromHeap(f) as Float32Array;
  const dst = wasm.typedArrayFromHeap(out) as Float32Array;
  const block = a * b;
  const taps = kh * kw;
  for (let t = 0; t < taps; t++) dst.set(src.subarray(t * block, (t + 1) * block), (taps - 1 - t) * block);
  return out;
}

function conv2dBackpropInput({ inputs, backend, attrs }: { inputs: tf.NamedTensorInfoMap; backend: tf.KernelBackend; attrs?: tf.NamedAttrMap }): tf.TensorInfo {
  const { dy, filter } = inputs as { dy: tf.TensorInfo; filter: tf.TensorInfo };
  const { strides, pad, dataFormat, dimRoundingMode, inputShape } = attrs as unknown as tf.Conv2DBackpropInputAttrs;
  if (dataFormat !== 'NHWC') throw new Error(`Conv2DBackpropInput on wasm supports NHWC only, not ${dataFormat}`);
  const info = tf.backend_util.computeConv2DInfo(
    inputShape, filter.shape as [number, number, number, number], strides, 1, pad, dimRoundingMode, false, 'channelsLast',
  );
  const { batchSize: n, filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw, inHeight: h, inWidth: w, outHeight: oh, outWidth: ow, outChannels: co, padInfo } = info;

  const swapped = runWasmKernel(backend, 'Transpose', { x: filter }, { perm: [0, 1, 3, 2] });
  const kernel = reverseTaps(backend, swapped);
  const temps: tf.TensorInfo[] = [swapped, kernel];
  let spread = dy;
  if (sh > 1 || sw > 1) {
    // Zeros between rows and columns: [N, OH, 1, OW, 1, Co] padded to [N, OH, sh, OW, sw, Co].
    const six = runWasmKernel(backend, 'Reshape', { x: dy }, { shape: [n, oh, 1, ow, 1, co] });
    const padded = runWasmKernel(backend, 'PadV2', { x: six }, {
      paddings: [[0, 0], [0, 0], [0, sh - 1], [0, 0], [0, sw - 1], [0, 0]], constantValue: 0,
    });
    spread = runWasmKernel(backend, 'Reshape', { x: padded }, { shape: [n, oh * sh, ow * sw, co] });
    temps.push(six, padded, spread);
  }
  const top = kh - 1 - padInfo.top;
  const left = kw - 1 - padInfo.left;
  const input = padOrCrop(backend, spread, [top, h + kh - 1 - spread.shape[1] - top], [left, w + kw - 1 - spread.shape[2] - left]);
  if (input.sliced) temps.push(input.x);
  const dx = runWasmKernel(backend, 'Conv2D', { x: input.x, filter: kernel }, {
    strides: [1, 1], pad: input.pad, dataFormat: 'NHWC', dilations: [1, 1], dimRoundingMode: undefined,
  });
  free(backend, ...temps);
  return dx;
}

export const conv2dBackpropInputConfig: tf.KernelConfig = {
  kernelName: tf.Conv2DBackpropInput,
  backendName: 'wasm',
  kernelFunc: conv2dBackpropInput as unknown as tf.KernelFunc,
};
