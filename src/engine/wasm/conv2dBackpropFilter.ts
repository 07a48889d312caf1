import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { conv2dBackpropFilterByPatches } from './conv2dBackpropFilterByPatches';
import { padOrCrop } from './padOrCrop';
import { free, runWasmKernel } from './runWasmKernel';
import { simdKernels } from './simd/simdKernels';

/**
 * Filter gradients whose patches take at most this many floats (64 MB) go
 * through them and the SIMD product (conv2dBackpropFilterByPatches); larger
 * ones through XNNPACK, which needs no copy of x. Mutable for the tests of
 * both routes.
 */
export const filterGradientLimits = { maxPatchFloats: 16 * 1024 * 1024 };

/**
 * The filter gradient of Conv2D, which tfjs-backend-wasm 4.22 lacks (tfjs
 * issue #8474), as a product over x's patches where they fit (measured on
 * net S and the default network: 1.0–1.3× the forward convolution on the
 * first layers, 1.4× on the second, against 3–4× and 1.5–1.7× through
 * XNNPACK). Otherwise (or without SIMD, or with output channels not in
 * fours) as one forward Conv2D so that XNNPACK does the work:
 *
 * With x [N, H, W, Ci], dy [N, OH, OW, Co], stride s and top/left padding p:
 *   dW[kh, kw, ci, co] = Σ_{n, oh, ow} x[n, oh·s + kh − p, ow·s + kw − p, ci] · dy[n, oh, ow, co].
 * That is a convolution of x with channels and batch swapped ([Ci, H, W, N]) by
 * the filter dy laid out as [OH, OW, N, Co] with dilation s (its taps s apart),
 * stride 1, padding p before; its [Ci, KH, KW, Co] output, transposed, is dW.
 * The padding after is whatever gives KH × KW outputs; it is negative when the
 * forward pass never read the last rows (valid padding, stride not dividing),
 * and those rows are then cut off instead.
 */
function conv2dBackpropFilter({ inputs, backend, attrs }: { inputs: tf.NamedTensorInfoMap; backend: tf.KernelBackend; attrs?: tf.NamedAttrMap }): tf.TensorInfo {
  const { x, dy } = inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs as unknown as tf.Conv2DBackpropFilterAttrs;
  if (dataFormat !== 'NHWC') throw new Error(`Conv2DBackpropFilter on wasm supports NHWC only, not ${dataFormat}`);
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number], filterShape, strides, 1, pad, dimRoundingMode, false, 'channelsLast',
  );
  const { filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw, inHeight: h, inWidth: w, outHeight: oh, outWidth: ow, inChannels: ci, padInfo } = info;
  const simd = info.outChannels % 4 === 0 ? simdKernels(backend as BackendWasm) : null;
  if (simd && kh * kw * ci * oh * ow * x.shape[0] <= filterGradientLimits.maxPatchFloats) {
    return conv2dBackpropFilterByPatches(backend, simd, x, dy, info);
  }
  // The taps of the dilated dy filter span this many rows and columns.
  const spanH = (oh - 1) * sh + 1;
  const spanW = (ow - 1) * sw + 1;

  // tfjs-wasm's Conv2D transposes its filter (dy here, as [OH·OW·N, Co]) in a
  // way that thrashes the cache when the row count is a multiple of 256 (see
  // transposeMatrix). One image of zeros appended to x and dy adds nothing to
  // the sums and moves the count off it: net S's second layer 25 -> 22 ms.
  const extra = (oh * ow * x.shape[0]) % 256 === 0;
  const oneMore = [[0, 1], [0, 0], [0, 0], [0, 0]];
  const xs = extra ? runWasmKernel(backend, 'PadV2', { x }, { paddings: oneMore, constantValue: 0 }) : x;
  const dys = extra ? runWasmKernel(backend, 'PadV2', { x: dy }, { paddings: oneMore, constantValue: 0 }) : dy;
  const xT = runWasmKernel(backend, 'Transpose', { x: xs }, { perm: [3, 1, 2, 0] });
  const dyT = runWasmKernel(backend, 'Transpose', { x: dys }, { perm: [1, 2, 0, 3] });
  if (extra) free(backend, xs, dys);
  const input = padOrCrop(
    backend, xT,
    [padInfo.top, kh - 1 + spanH - h - padInfo.top],
    [padInfo.left, kw - 1 + spanW - w - padInfo.left],
  );
  const out = runWasmKernel(backend, 'Conv2D', { x: input.x, filter: dyT }, {
    strides: [1, 1], pad: input.pad, dataFormat: 'NHWC', dilations: [sh, sw], dimRoundingMode: undefined,
  });
  const dW = runWasmKernel(backend, 'Transpose', { x: out }, { perm: [1, 2, 0, 3] });
  free(backend, xT, dyT, out, ...(input.sliced ? [input.x] : []));
  return dW;
}

export const conv2dBackpropFilterConfig: tf.KernelConfig = {
  kernelName: tf.Conv2DBackpropFilter,
  backendName: 'wasm',
  kernelFunc: conv2dBackpropFilter as unknown as tf.KernelFunc,
};
