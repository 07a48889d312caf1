/**
 * The size at which to decode an image so that its longer side is at most `max` pixels,
 * keeping the aspect ratio. It never upscales: preprocessing resamples anyway, and
 * a huge photo (e.g. 10000×10000) would otherwise cost hundreds of MB as RGBA.
 *
 * @param width  source width in pixels (> 0)
 * @param height source height in pixels (> 0)
 * @param max    longest allowed side in pixels (>= 1; fractions are floored)
 * @returns integer `width`, `height` (each >= 1 and <= max) and the applied `scale` (<= 1)
 * @throws RangeError for non-positive or non-finite arguments
 */
export function fitWithin(width: number, height: number, max: number): { width: number; height: number; scale: number } {
  if (!(Number.isFinite(width) && width > 0)) throw new RangeError(`width must be > 0, got ${width}`);
  if (!(Number.isFinite(height) && height > 0)) throw new RangeError(`height must be > 0, got ${height}`);
  const limit = Math.floor(max);
  if (!(Number.isFinite(limit) && limit >= 1)) throw new RangeError(`max must be >= 1, got ${max}`);
  const scale = Math.min(1, limit / Math.max(width, height));
  // Clamp after rounding: a sliver (e.g. 10000×1) must not round to 0, and float error must not
  // push the long side past the limit.
  const clampSide = (v: number) => Math.min(limit, Math.max(1, Math.round(v * scale)));
  return { width: clampSide(width), height: clampSide(height), scale };
}
