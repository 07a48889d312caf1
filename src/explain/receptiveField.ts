import { inferShapes } from '../model/inferShapes';
import { outputSizeRule } from '../model/outputSizeRule';
import type { LayerType, ModelSpec } from '../model/types';
import type { Box } from './types';

/** Layers that work on each pixel (or channel) on its own: a pixel's field passes through them unchanged. */
export const PER_PIXEL: ReadonlySet<LayerType> = new Set([
  'batchNorm', 'dropout', 'activation', 'relu', 'rescaling', 'gaussianNoise', 'gaussianDropout', 'spatialDropout2d', 'random',
]);

const sameShape = (a: readonly number[] | undefined, b: readonly number[]) => a !== undefined && a.length === b.length && a.every((d, i) => d === b[i]);

/** Inclusive range of rows or columns. */
interface Span {
  from: number;
  to: number;
}

/**
 * The input-image pixels that output pixel (y, x) of spec layer `layer`
 * depends on. Walks back from `layer` to the input: each conv or pool maps
 * output rows [a, b] to input rows [a·s − padBefore, b·s − padBefore + K − 1];
 * ZeroPadding2D shifts it by its top and left padding; per-pixel layers
 * (batchNorm, dropout, activations, noise…) pass the range through; a
 * Reshape that rearranges the image makes it the whole image. `box` is
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
  let whole = false;
  for (let i = layer; i >= 0; i--) {
    const l = spec.layers[i];
    if (PER_PIXEL.has(l.type)) continue;
    if (l.type === 'reshape') {
      // A Reshape that keeps the image as it is (28×28 → 28×28×1) keeps every pixel where it was;
      // any other lays the values out anew, so a pixel after it may come from anywhere in the image.
      if (sameShape(info[i].outputShape, spec.inputShape)) continue;
      whole = true;
      break;
    }
    if (l.type === 'zeroPadding2d') {
      // Output row r is input row r − top: a 1×1 window, stride 1, padded before by `top`.
      steps.push({ rows: { pad: l.padding[0], k: 1, s: 1 }, cols: { pad: l.padding[2], k: 1, s: 1 } });
      continue;
    }
    if (l.type !== 'conv2d' && l.type !== 'maxPool2d' && l.type !== 'avgPool2d') {
      throw new Error(`receptiveField walks back through conv, pool and padding layers only, not ${l.type} (layer ${i + 1})`);
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
  if (whole) return () => ({ box: { top: 0, left: 0, bottom: h - 1, right: w - 1 }, size: h });
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
