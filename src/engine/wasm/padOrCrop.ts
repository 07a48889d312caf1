import type * as tf from '@tensorflow/tfjs';
import { runWasmKernel } from './runWasmKernel';

type Info = tf.TensorInfo;

/** Conv2D's explicit padding, NHWC: [[0, 0], [top, bottom], [left, right], [0, 0]]. */
export type ExplicitPadding = [[0, 0], [number, number], [number, number], [0, 0]];

/**
 * Padding for a stride-1 Conv2D over `x` (NHWC) that may be negative on any
 * side (the forward convolution never read those rows): negative sides are
 * cut off `x` with one Slice, positive ones become explicit padding. `sliced`
 * says whether `x` is a new intermediate to free.
 */
export function padOrCrop(
  backend: tf.KernelBackend,
  x: Info,
  [top, bottom]: [number, number],
  [left, right]: [number, number],
): { x: Info; sliced: boolean; pad: ExplicitPadding } {
  const pad: ExplicitPadding = [[0, 0], [Math.max(0, top), Math.max(0, bottom)], [Math.max(0, left), Math.max(0, right)], [0, 0]];
  if (top >= 0 && bottom >= 0 && left >= 0 && right >= 0) return { x, sliced: false, pad };
  const [n, h, w, c] = x.shape;
  const cutTop = Math.max(0, -top);
  const cutLeft = Math.max(0, -left);
  const size = [n, h - cutTop - Math.max(0, -bottom), w - cutLeft - Math.max(0, -right), c];
  const sliced = runWasmKernel(backend, 'Slice', { x }, { begin: [0, cutTop, cutLeft, 0], size });
  return { x: sliced, sliced: true, pad };
}
