/**
 * TensorBoard-style smoothing: an exponential moving average with the start-up
 * bias removed, so the first points are not dragged towards zero.
 * @param weight 0 = no smoothing, 0.99 = very smooth
 */
export function smoothEma(values: ArrayLike<number>, weight: number): Float64Array {
  const out = new Float64Array(values.length);
  let acc = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) {
      out[i] = NaN;
      continue;
    }
    acc = acc * weight + (1 - weight) * v;
    n++;
    out[i] = acc / (1 - weight ** n);
  }
  return out;
}
