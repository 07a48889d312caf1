/**
 * Colour maps for pixel heatmaps (weights, activations), free of React and the
 * DOM so they can be unit-tested in Node. Each returns an `[r, g, b]` triple of
 * integers in 0..255, ready to write into `ImageData`.
 */
import { interpolateGreys, interpolateRdBu, rgb } from 'd3';

/** An `[r, g, b]` colour with integer channels in 0..255. */
export type RGB = [number, number, number];

function toRGB(css: string): RGB {
  const c = rgb(css);
  return [Math.round(c.r), Math.round(c.g), Math.round(c.b)];
}

function clamp01(t: number): number {
  return t < 0 ? 0 : t > 1 ? 1 : t;
}

/**
 * 256 precomputed colours of an interpolator. A heatmap calls its colour
 * function once per pixel (tens of thousands per snapshot); interpolating and
 * parsing a CSS colour each time took hundreds of milliseconds on the main
 * thread, a table lookup takes microseconds. 256 steps is what 8-bit pixels show.
 */
function lut(interpolate: (t: number) => string): (t: number) => RGB {
  const table = Array.from({ length: 256 }, (_, i) => toRGB(interpolate(i / 255)));
  return (t) => table[Math.round(clamp01(t) * 255)];
}

// interpolateRdBu runs red (0) → blue (1): flip so positive is red.
const rdBu = lut((t) => interpolateRdBu(1 - t));
// interpolateGreys runs white (0) → black (1): flip so high activations are bright.
const greys = lut((t) => interpolateGreys(1 - t));

/**
 * Zero-centred diverging colour: `-maxAbs` → blue, `0` → white-ish,
 * `+maxAbs` → red (d3.interpolateRdBu reversed). Values beyond ±maxAbs clamp;
 * NaN and a non-positive or non-finite `maxAbs` give the neutral centre colour.
 */
export function divergingColor(v: number, maxAbs: number): RGB {
  const ok = Number.isFinite(v) && maxAbs > 0 && Number.isFinite(maxAbs);
  return rdBu(ok ? 0.5 + (0.5 * v) / maxAbs : 0.5);
}

/**
 * Sequential colour for activations: `min` → black, `max` → white
 * (d3.interpolateGreys reversed), clamped. NaN and an empty range
 * (`max <= min`) give black.
 */
export function sequentialColor(v: number, min: number, max: number): RGB {
  const span = max - min;
  return greys(Number.isFinite(v) && span > 0 && Number.isFinite(span) ? (v - min) / span : 0);
}

/** Largest |v| over the finite values, never below 1e-12 (safe as a divisor / diverging range). */
export function symmetricMax(values: ArrayLike<number>): number {
  let m = 1e-12;
  for (let i = 0; i < values.length; i++) {
    const a = Math.abs(values[i]);
    if (a > m && a !== Infinity) m = a;
  }
  return m;
}
