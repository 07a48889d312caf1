import type { Conv2DLayer } from '../model/types';
import { activate, softmax } from './activate';

/**
 * The textbook conv2d loop over output pixel, filter and window cell, written
 * straight from TensorFlow's definitions (its own "same" padding formula, no
 * shared helpers): the reference the explained versions (convPixel,
 * convByIm2col) are tested against, and the map of a layer of a network too
 * big to build here (one filter, random weights). Returns [OH, OW, F] after
 * bias and activation.
 */
export function directConv(
  source: Float32Array,
  shape: readonly [number, number, number],
  kernel: Float32Array,
  bias: Float32Array,
  layer: Pick<Conv2DLayer, 'kernelSize' | 'strides' | 'padding' | 'activation' | 'filters'>,
): Float32Array {
  const [h, w, c] = shape;
  const { kernelSize: k, strides: s, filters: f } = layer;
  const same = layer.padding === 'same';
  const oh = same ? Math.ceil(h / s) : Math.floor((h - k) / s) + 1;
  const ow = same ? Math.ceil(w / s) : Math.floor((w - k) / s) + 1;
  const padTop = same ? Math.floor(Math.max((oh - 1) * s + k - h, 0) / 2) : 0;
  const padLeft = same ? Math.floor(Math.max((ow - 1) * s + k - w, 0) / 2) : 0;
  const out = new Float32Array(oh * ow * f);
  const pre = new Float64Array(f);
  for (let y = 0; y < oh; y++) {
    for (let x = 0; x < ow; x++) {
      for (let o = 0; o < f; o++) {
        let acc = bias[o];
        for (let ky = 0; ky < k; ky++) {
          for (let kx = 0; kx < k; kx++) {
            const sy = y * s - padTop + ky;
            const sx = x * s - padLeft + kx;
            if (sy < 0 || sy >= h || sx < 0 || sx >= w) continue;
            for (let ch = 0; ch < c; ch++) acc += source[(sy * w + sx) * c + ch] * kernel[((ky * k + kx) * c + ch) * f + o];
          }
        }
        pre[o] = acc;
      }
      const post = layer.activation === 'softmax' ? softmax(pre) : pre.map((z) => activate(z, layer.activation));
      out.set(post, (y * ow + x) * f);
    }
  }
  return out;
}
