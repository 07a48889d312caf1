/** 'magnitude': |value| in one hue (gradients); 'signed': positive red, negative blue (occlusion's drop or rise). */
export type SaliencyMode = 'magnitude' | 'signed';

/** Heat colours: red where the class loses (or the gradient is large), blue where it gains. */
export const HEAT_POSITIVE: readonly [number, number, number] = [220, 38, 38];
export const HEAT_NEGATIVE: readonly [number, number, number] = [37, 99, 235];
/** Strongest heat's opacity: the input stays visible under it. */
const MAX_ALPHA = 0.85;

/**
 * What full heat stands for. Gradient maps are spiky (a few pixels far above
 * the rest), so magnitudes are scaled to their 99th percentile, as SmoothGrad's
 * authors do, and the few above it saturate; signed maps (probability changes,
 * already in meaningful units) to their largest |value|. Never below 1e-12.
 */
export function saliencyScale(map: ArrayLike<number>, mode: SaliencyMode): number {
  const abs = Float64Array.from(map, (v) => (Number.isFinite(v) ? Math.abs(v) : 0));
  if (abs.length === 0) return 1e-12;
  abs.sort();
  const max = abs[abs.length - 1];
  const p99 = abs[Math.min(abs.length - 1, Math.floor(0.99 * abs.length))];
  return Math.max(1e-12, mode === 'magnitude' && p99 > 0 ? p99 : max);
}

/**
 * RGBA pixels of a saliency map laid over its input: the input [0, 1] as grey
 * on a light ground (ink dark, background near white), the map blended over
 * it with opacity growing with |value| / scale.
 */
export function overlayPixels(input: ArrayLike<number>, map: ArrayLike<number>, mode: SaliencyMode, scale: number): Uint8ClampedArray {
  const n = Math.min(input.length, map.length);
  const out = new Uint8ClampedArray(n * 4);
  for (let i = 0; i < n; i++) {
    const ink = Math.min(1, Math.max(0, input[i] || 0));
    const grey = 245 - 170 * ink;
    const v = Number.isFinite(map[i]) ? map[i] : 0;
    const a = Math.min(1, Math.abs(v) / scale) * MAX_ALPHA;
    const heat = mode === 'signed' && v < 0 ? HEAT_NEGATIVE : HEAT_POSITIVE;
    for (let k = 0; k < 3; k++) out[i * 4 + k] = Math.round(grey * (1 - a) + heat[k] * a);
    out[i * 4 + 3] = 255;
  }
  return out;
}
