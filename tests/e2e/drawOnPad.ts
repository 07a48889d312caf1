import type { Page } from 'playwright-core';
import { openView } from './browser';

/** A stroke as points in pad fractions (0–1 across, 0–1 down). */
export type Stroke = readonly (readonly [number, number])[];

/** Draws strokes in the pad with the mouse, as a person would: press, move through every point, release. */
export async function drawStrokes(page: Page, strokes: readonly Stroke[]): Promise<void> {
  await openView(page, 'train');
  const pad = page.getByTestId('drawing-canvas');
  await pad.scrollIntoViewIfNeeded();
  const b = (await pad.boundingBox())!;
  for (const stroke of strokes) {
    const [x0, y0] = stroke[0];
    await page.mouse.move(b.x + b.width * x0, b.y + b.height * y0);
    await page.mouse.down();
    for (const [x, y] of stroke.slice(1)) await page.mouse.move(b.x + b.width * x, b.y + b.height * y, { steps: 2 });
    await page.mouse.up();
  }
}

/** A circle (`variant` moves, sizes and squashes it a little, as hand-drawn circles differ). */
export function circle(variant: number): Stroke[] {
  const cx = 0.5 + ((variant % 3) - 1) * 0.04;
  const cy = 0.5 + ((variant % 5) - 2) * 0.02;
  const rx = 0.26 + (variant % 4) * 0.02;
  const ry = 0.28 - (variant % 3) * 0.02;
  const start = (variant % 6) * 0.5;
  return [Array.from({ length: 17 }, (_, i) => {
    const a = start + (i / 16) * Math.PI * 2.05;
    return [cx + rx * Math.cos(a), cy + ry * Math.sin(a)] as const;
  })];
}

/** A cross of two diagonal strokes (`variant` tilts and sizes it). */
export function cross(variant: number): Stroke[] {
  const s = 0.25 + (variant % 4) * 0.02;
  const t = ((variant % 5) - 2) * 0.02;
  const cx = 0.5 + ((variant % 3) - 1) * 0.03;
  return [
    [[cx - s + t, 0.5 - s], [cx, 0.5], [cx + s - t, 0.5 + s]],
    [[cx + s + t, 0.5 - s], [cx, 0.5], [cx - s - t, 0.5 + s]],
  ];
}

/**
 * A digit as a person draws it with a mouse, in one consistent hand (open
 * loops, a slanted 1, a flat-topped 7…), `variant` moving and sizing it a
 * little: the kind of handwriting a network trained only on MNIST misreads.
 */
export function digit(d: number, variant: number): Stroke[] {
  const k = 1 + ((variant % 3) - 1) * 0.08; // size
  const dx = ((variant % 4) - 1.5) * 0.03; // place
  const dy = ((variant % 5) - 2) * 0.02;
  const P = (x: number, y: number) => [0.5 + (x - 0.5) * k + dx, 0.5 + (y - 0.5) * k + dy] as const;
  const arc = (cx: number, cy: number, rx: number, ry: number, a0: number, a1: number, n = 10) =>
    Array.from({ length: n + 1 }, (_, i) => {
      const a = a0 + ((a1 - a0) * i) / n;
      return P(cx + rx * Math.cos(a), cy + ry * Math.sin(a));
    });
  const deg = Math.PI / 180;
  switch (d) {
    case 0: return [arc(0.5, 0.5, 0.2, 0.3, -90 * deg, 270 * deg, 16)];
    // A 1 with a flag and a foot, as many people write it (MNIST's are mostly bare strokes).
    case 1: return [[P(0.36, 0.32), P(0.55, 0.18), P(0.52, 0.82)], [P(0.34, 0.82), P(0.7, 0.82)]];
    case 2: return [[...arc(0.5, 0.35, 0.18, 0.15, 200 * deg, 360 * deg, 6), P(0.3, 0.8), P(0.72, 0.8)]];
    case 3: return [[...arc(0.48, 0.34, 0.18, 0.15, 210 * deg, 450 * deg, 8), ...arc(0.48, 0.64, 0.2, 0.16, 270 * deg, 510 * deg, 8)]];
    // A closed 4, drawn as a triangle with its stem through it.
    case 4: return [[P(0.6, 0.18), P(0.28, 0.62), P(0.75, 0.62)], [P(0.6, 0.18), P(0.6, 0.85)]];
    case 5: return [[P(0.7, 0.2), P(0.38, 0.2), P(0.35, 0.48), ...arc(0.5, 0.63, 0.2, 0.18, 240 * deg, 480 * deg, 8)]];
    case 6: return [[P(0.62, 0.16), P(0.4, 0.45), ...arc(0.5, 0.65, 0.17, 0.17, 180 * deg, 540 * deg, 12)]];
    // A crossed 7, as written in much of Europe.
    case 7: return [[P(0.3, 0.2), P(0.72, 0.2), P(0.45, 0.85)], [P(0.42, 0.52), P(0.68, 0.52)]];
    case 8: return [[...arc(0.5, 0.33, 0.15, 0.14, 90 * deg, 450 * deg, 10), ...arc(0.5, 0.67, 0.19, 0.18, -90 * deg, 270 * deg, 12)]];
    default: return [[...arc(0.5, 0.35, 0.17, 0.15, 0, 360 * deg, 12), P(0.66, 0.38), P(0.6, 0.85)]];
  }
}
