import type { Conv2DLayer } from '../model/types';
import { activate, softmax } from './activate';
import { im2col } from './im2col';
import { matMul } from './matMul';

/**
 * A convolution done the way fast libraries do it: unroll the windows into a
 * matrix (im2col), multiply by the kernel as a (K·K·C) × F matrix — the
 * kernel's own values, no reshuffle — then add the bias and activate. Returns
 * each stage so the page can show the matrices.
 */
export function convByIm2col(
  source: Float32Array,
  shape: readonly [number, number, number],
  kernel: Float32Array,
  bias: Float32Array,
  layer: Pick<Conv2DLayer, 'kernelSize' | 'strides' | 'padding' | 'activation' | 'filters'>,
): {
  patches: ReturnType<typeof im2col>;
  /** rows × F, before bias. */
  product: Float32Array;
  /** [OH, OW, F] after bias and activation: equals the layer's output. */
  output: Float32Array;
} {
  const f = layer.filters;
  const patches = im2col(source, shape, layer.kernelSize, layer.strides, layer.padding);
  const product = matMul(patches.values, patches.rows, patches.cols, kernel, f);
  // Row r of the product is output pixel r, so [rows, F] is already [OH, OW, F].
  const output = new Float32Array(product.length);
  const pre = new Float64Array(f);
  for (let r = 0; r < patches.rows; r++) {
    for (let o = 0; o < f; o++) pre[o] = product[r * f + o] + bias[o];
    if (layer.activation === 'softmax') output.set(softmax(pre), r * f);
    else for (let o = 0; o < f; o++) output[r * f + o] = activate(pre[o], layer.activation);
  }
  return { patches, product, output };
}
