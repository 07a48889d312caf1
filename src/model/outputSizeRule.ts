import { windowOutputSize } from './inferShapes';

/** Keras's output length along one axis, with the numbers of its formula. */
export interface OutputSizeRule {
  /** Input length H, window K, stride S. */
  size: number;
  kernel: number;
  stride: number;
  /** Padding added on each side as TensorFlow places it ("same" puts the odd pixel at the end). */
  padBefore: number;
  padAfter: number;
  out: number;
  /** E.g. "⌊(28 + 2·1 − 3)/1⌋ + 1 = 28". */
  text: string;
}

/**
 * The rule ⌊(H + 2P − K)/S⌋ + 1 with the numbers filled in. "valid" pads
 * nothing; "same" pads max((⌈H/S⌉ − 1)·S + K − H, 0) pixels in all, which gives
 * ⌈H/S⌉. When that total is odd there is no single P, so the text shows the
 * pixels before and after: ⌊(28 + 0 + 1 − 2)/2⌋ + 1.
 */
export function outputSizeRule(size: number, kernel: number, stride: number, padding: 'valid' | 'same'): OutputSizeRule {
  const out = windowOutputSize(size, kernel, stride, padding);
  const total = padding === 'same' ? Math.max((out - 1) * stride + kernel - size, 0) : 0;
  const padBefore = Math.floor(total / 2);
  const padAfter = total - padBefore;
  const pad = padBefore === padAfter ? `2·${padBefore}` : `${padBefore} + ${padAfter}`;
  return { size, kernel, stride, padBefore, padAfter, out, text: `⌊(${size} + ${pad} − ${kernel})/${stride}⌋ + 1 = ${out}` };
}
