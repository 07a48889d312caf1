import { outputSizeRule } from '../model/outputSizeRule';
import type { Padding } from '../model/types';
import type { Box, WindowPlace } from './types';

/**
 * Where the window of output pixel (y, x) lies on the layer's input. The
 * padding comes from outputSizeRule per axis, so the explainer and the
 * shape editor agree on TensorFlow's "same" (odd pixel after).
 */
export function windowPlace(
  inHeight: number,
  inWidth: number,
  size: number,
  stride: number,
  padding: Padding,
  y: number,
  x: number,
): WindowPlace {
  const rows = outputSizeRule(inHeight, size, stride, padding);
  const cols = outputSizeRule(inWidth, size, stride, padding);
  const pad: Box = { top: rows.padBefore, bottom: rows.padAfter, left: cols.padBefore, right: cols.padAfter };
  return { top: y * stride - pad.top, left: x * stride - pad.left, size, stride, pad };
}

/**
 * The window clipped to the input map: what to highlight on the previous
 * layer's maps (padding cells have nothing to draw).
 */
export function windowBox(place: WindowPlace, inHeight: number, inWidth: number): Box {
  return {
    top: Math.max(place.top, 0),
    left: Math.max(place.left, 0),
    bottom: Math.min(place.top + place.size - 1, inHeight - 1),
    right: Math.min(place.left + place.size - 1, inWidth - 1),
  };
}
