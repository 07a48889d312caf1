import { inferShapes } from '../../../model/inferShapes';
import type { ModelSpec } from '../../../model/types';
import type { SlideGeometry } from './SlidingKernelView';

/** The sliding window of spec layer `layer` (a conv or pooling layer whose shapes are known), else null. */
export function slideGeometry(spec: ModelSpec, layer: number): SlideGeometry | null {
  const l = spec.layers[layer];
  const info = inferShapes(spec).layers[layer];
  const input = info?.inputShape;
  const output = info?.outputShape;
  if (!l || !output || input?.length !== 3 || output.length !== 3) return null;
  const common = { inHeight: input[0], inWidth: input[1], outHeight: output[0], outWidth: output[1], stride: l.type === 'conv2d' || l.type === 'maxPool2d' || l.type === 'avgPool2d' ? l.strides : 1, channels: input[2] };
  if (l.type === 'conv2d') return { ...common, size: l.kernelSize, padding: l.padding, op: 'conv' };
  if (l.type === 'maxPool2d' || l.type === 'avgPool2d') return { ...common, size: l.poolSize, padding: l.padding, op: l.type === 'maxPool2d' ? 'max' : 'avg' };
  return null;
}
