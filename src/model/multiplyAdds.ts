import { inferShapes } from './inferShapes';
import type { ModelSpec } from './types';

/**
 * Multiply-adds of one image's forward pass: what a training step's cost
 * grows with (the backward pass costs about twice as much again). Convolution
 * and Dense layers count their products; the other layers one operation per
 * element they touch, so a network of pools alone is not free. 0 for a
 * network that cannot be built.
 */
export function multiplyAdds(spec: ModelSpec): number {
  const info = inferShapes(spec);
  if (info.error) return 0;
  let total = 0;
  for (const { layer, inputShape, outputShape } of info.layers) {
    const out = (outputShape ?? []).reduce((a, b) => a * b, 1);
    const inSize = inputShape.reduce((a, b) => a * b, 1);
    switch (layer.type) {
      case 'conv2d':
        total += out * layer.kernelSize * layer.kernelSize * inputShape[2];
        break;
      case 'dense':
        total += out * inSize;
        break;
      case 'maxPool2d':
      case 'avgPool2d':
        total += out * layer.poolSize * layer.poolSize;
        break;
      default:
        total += inSize;
    }
  }
  return total;
}
