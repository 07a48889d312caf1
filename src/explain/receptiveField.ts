import { inferShapes } from '../model/inferShapes';
import { outputSizeRule } from '../model/outputSizeRule';
import type { ModelSpec } from '../model/types';
import type { Box } from './types';

/** Inclusive range of rows or columns. */
interface Span {
  from: number;
  to: number;
}

/**
 * The input-image pixels that output pixel (y, x) of spec layer `layer`
 * depends on. Walks back from `layer` to the input: each conv or pool maps
 * output rows [a, b] to input rows [a·s − padBefore, b·s − padBefore + K − 1];
 * batchNorm and dropout are per-pixel and pass the range through. `box` is
 * clipped to the image; `size` is the unclipped height of the range, the
 * textbook receptive field (it does not shrink at the border).
 */
export function receptiveField(spec: ModelSpec, layer: number, y: number, x: number): { box: Box; size: number } {
  return receptiveFieldOf(spec, layer)(y, x);
}

/**
 * The same for many pixels of one layer: the walk's windows are worked out
 * once (shape inference is the costly part), then each pixel is a few multiplications.
 */
export function receptiveFieldOf(spec: ModelSpec, layer: number): (y: number, x: number) => { box: Box; size: number } {
  const info = inferShapes(spec).layers;
  const steps: { rows: Window; cols: Window }[] = [];
  for (let i = layer; i >= 0; i--) {
    const l = spec.layers[i];
    if (l.type === 'batchNorm' || l.type === 'dropout') continue;
    if (l.type !== 'conv2d' && l.type !== 'maxPool2d' && l.type !== 'avgPool2d') {
      throw new Error(`receptiveField walks back through conv and pool layers only, not ${l.type} (layer ${i + 1})`);
    }
    const input = info[i].inputShape;
    // inferShapes leaves the input empty after an impossible layer: no sizes, no field.
    if (input.length !== 3) throw new Error(`layer ${i + 1} has no H×W×C input: ${info[i].error ?? 'an earlier layer is impossible'}`);
    const [h, w] = input;
    const k = l.type === 'conv2d' ? l.kernelSize : l.poolSize;
    steps.push({
      rows: { pad: outputSizeRule(h, k, l.strides, l.padding).padBefore, k, s: l.strides },
      cols: { pad: outputSizeRule(w, k, l.strides, l.padding).padBefore, k, s: l.strides },
    });
  }
  const [h, w] = spec.inputShape;
  return (y, x) => {
    let rows: Span = { from: y, to: y };
    let cols: Span = { from: x, to: x };
    for (const step of steps) {
      rows = back(rows, step.rows);
      cols = back(cols, step.cols);
    }
    const box: Box = {
      top: Math.max(rows.from, 0),
      left: Math.max(cols.from, 0),
      bottom: Math.min(rows.to, h - 1),
      right: Math.min(cols.to, w - 1),
    };
    return { box, size: rows.to - rows.from + 1 };
  };
}

/** One conv or pool layer along an axis: padding before, window, stride. */
interface Window {
  pad: number;
  k: number;
  s: number;
}

function back(span: Span, { pad, k, s }: Window): Span {
  return { from: span.from * s - pad, to: span.to * s - pad + k - 1 };
}
