import type { Pool2DLayer } from '../model/types';
import type { PoolArithmetic } from './types';
import { windowPlace } from './windowPlace';

/**
 * One pooling output pixel of one channel, worked out cell by cell. Padding
 * cells are NaN: TensorFlow's max ignores them and its average divides by the
 * cells inside the map only, so they are neither zeros nor part of the count.
 */
export function poolPixel(
  source: Float32Array,
  shape: readonly [number, number, number],
  layer: Pick<Pool2DLayer, 'type' | 'poolSize' | 'strides' | 'padding'>,
  y: number,
  x: number,
  channel: number,
): PoolArithmetic {
  const [h, w, c] = shape;
  const size = layer.poolSize;
  const window = windowPlace(h, w, size, layer.strides, layer.padding, y, x);
  const patch = new Float32Array(size * size).fill(NaN);
  let count = 0;
  let total = 0;
  let chosen = -1;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sy = window.top + py;
      const sx = window.left + px;
      if (sy < 0 || sy >= h || sx < 0 || sx >= w) continue;
      const i = py * size + px;
      const v = source[(sy * w + sx) * c + channel];
      patch[i] = v;
      count++;
      total += v;
      // Strictly greater: the first maximum in row-major order wins ties.
      if (chosen < 0 || v > patch[chosen]) chosen = i;
    }
  }
  if (layer.type === 'maxPool2d') {
    return { op: 'max', window, patch, chosen, count, value: chosen < 0 ? NaN : patch[chosen] };
  }
  return { op: 'avg', window, patch, chosen: -1, count, value: count > 0 ? total / count : NaN };
}
