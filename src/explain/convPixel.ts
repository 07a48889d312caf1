import type { Conv2DLayer } from '../model/types';
import { activate, softmax } from './activate';
import type { ConvArithmetic } from './types';
import { windowPlace } from './windowPlace';

type ConvParams = Pick<Conv2DLayer, 'kernelSize' | 'strides' | 'padding' | 'activation' | 'filters'>;

/**
 * One conv output pixel worked out term by term, as tf.conv2d computes it
 * (cross-correlation: the kernel is not flipped). `source` is the layer's
 * input [h, w, c] channels-last, `kernel` is [K, K, C, F]; every per-cell
 * array is indexed [(ky·K + kx)·C + c], the kernel's own order, so the page
 * can lay the terms out next to the weights without reshuffling.
 */
export function convPixel(
  source: Float32Array,
  shape: readonly [number, number, number],
  kernel: Float32Array,
  bias: Float32Array,
  layer: ConvParams,
  y: number,
  x: number,
  filter: number,
): ConvArithmetic {
  const [h, w, c] = shape;
  const k = layer.kernelSize;
  const f = layer.filters;
  const window = windowPlace(h, w, k, layer.strides, layer.padding, y, x);
  const cells = k * k * c;
  const patch = new Float32Array(cells);
  const padded = new Uint8Array(cells);
  for (let ky = 0; ky < k; ky++) {
    for (let kx = 0; kx < k; kx++) {
      const sy = window.top + ky;
      const sx = window.left + kx;
      const inside = sy >= 0 && sy < h && sx >= 0 && sx < w;
      for (let ch = 0; ch < c; ch++) {
        const i = (ky * k + kx) * c + ch;
        if (inside) patch[i] = source[(sy * w + sx) * c + ch];
        else padded[i] = 1;
      }
    }
  }
  const weights = new Float32Array(cells);
  const products = new Float32Array(cells);
  // Float64 sums: the page shows the total next to the map's value, and
  // float32 running sums would drift visibly from a per-term sum the reader checks.
  const channelTotals = new Float64Array(c);
  let sum = 0;
  for (let i = 0; i < cells; i++) {
    weights[i] = kernel[i * f + filter];
    const product = patch[i] * weights[i];
    products[i] = product;
    channelTotals[i % c] += product;
    sum += product;
  }
  const preActivation = sum + bias[filter];
  const value =
    layer.activation === 'softmax'
      ? softmax(allPreActivations(patch, kernel, bias, f))[filter]
      : activate(preActivation, layer.activation);
  return {
    op: 'conv',
    window,
    channels: c,
    patch,
    padded,
    kernel: weights,
    products,
    channelSums: Float32Array.from(channelTotals),
    sum,
    bias: bias[filter],
    preActivation,
    activation: layer.activation,
    value,
  };
}

/** Every filter's pre-activation at one pixel: softmax runs across filters, so it needs them all. */
function allPreActivations(patch: Float32Array, kernel: Float32Array, bias: Float32Array, filters: number): Float64Array {
  const out = new Float64Array(filters);
  for (let f = 0; f < filters; f++) {
    let s = 0;
    for (let i = 0; i < patch.length; i++) s += patch[i] * kernel[i * filters + f];
    out[f] = s + bias[f];
  }
  return out;
}
