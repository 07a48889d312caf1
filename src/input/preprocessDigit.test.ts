import { describe, it, expect } from 'vitest';
import { preprocessDigit } from './preprocessDigit';
import { createGrayImage, type GrayImage } from './grayImage';
import { inkBoundingBox } from './inkBoundingBox';
import { centerOfMass } from './centerOfMass';

const frame = (input: Float32Array): GrayImage => ({ width: 28, height: 28, data: input });

/** Lights every pixel whose centre is within `thickness / 2` of the polyline (a pen stroke). */
function drawPolyline(img: GrayImage, pts: [number, number][], thickness: number): void {
  const r = thickness / 2;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      for (let i = 0; i + 1 < pts.length; i++) {
        const [ax, ay] = pts[i];
        const [bx, by] = pts[i + 1];
        const dx = bx - ax;
        const dy = by - ay;
        const len2 = dx * dx + dy * dy;
        const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
        if (Math.hypot(px - (ax + t * dx), py - (ay + t * dy)) <= r) {
          img.data[y * img.width + x] = 1;
          break;
        }
      }
    }
  }
}

function fillRect(img: GrayImage, x0: number, y0: number, w: number, h: number, v = 1): void {
  for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) img.data[y * img.width + x] = v;
}

/** A "7"-like stroke in unit coordinates, placed at (ox, oy) with the given size. */
function seven(size: number, ox: number, oy: number): GrayImage {
  const img = createGrayImage(280, 280);
  const pts: [number, number][] = [
    [0, 0],
    [0.8, 0],
    [0.35, 1.2],
  ];
  drawPolyline(img, pts.map(([x, y]) => [ox + x * size, oy + y * size]), size * 0.12);
  return img;
}

describe('preprocessDigit', () => {
  it('returns zeros and empty=true for a blank canvas or mere smudges', () => {
    const blank = preprocessDigit(createGrayImage(280, 280));
    expect(blank.empty).toBe(true);
    expect(blank.input.length).toBe(784);
    expect(blank.input.every((v) => v === 0)).toBe(true);

    const smudged = createGrayImage(280, 280);
    smudged.data.fill(0.03);
    expect(preprocessDigit(smudged).empty).toBe(true);
  });

  it('centres a blob drawn in the top-left corner at (14, 14) by mass', () => {
    const img = createGrayImage(280, 280);
    drawPolyline(img, [[45, 40], [45, 40]], 50); // a disc of radius 25
    drawPolyline(img, [[20, 20], [70, 90]], 8); // plus a tail, so the centroid is off the box centre
    const { input, empty } = preprocessDigit(img);
    expect(empty).toBe(false);
    const c = centerOfMass(frame(input))!;
    expect(Math.abs(c.x - 14)).toBeLessThanOrEqual(0.5 + 1e-6);
    expect(Math.abs(c.y - 14)).toBeLessThanOrEqual(0.5 + 1e-6);
  });

  it('keeps a tall thin bar tall and thin', () => {
    const img = createGrayImage(280, 280);
    fillRect(img, 200, 30, 30, 200); // 30 wide, 200 tall
    const { input } = preprocessDigit(img);
    const box = inkBoundingBox(frame(input))!;
    expect(box.y1 - box.y0).toBe(20);
    expect(Math.abs(box.x1 - box.x0 - (20 * 30) / 200)).toBeLessThanOrEqual(1);
  });

  it('keeps a hand-drawn "1" as a thin vertical stroke', () => {
    const img = createGrayImage(280, 280);
    drawPolyline(img, [[140, 40], [146, 240]], 14);
    const box = inkBoundingBox(frame(preprocessDigit(img).input))!;
    expect(box.y1 - box.y0).toBe(20);
    expect(box.x1 - box.x0).toBeLessThanOrEqual(4);
  });

  it('scales the longer side of the ink box to 20 px', () => {
    const shapes: GrayImage[] = [seven(100, 30, 20), seven(200, 40, 30)];
    const wide = createGrayImage(280, 280);
    fillRect(wide, 10, 100, 250, 40);
    shapes.push(wide);
    const disc = createGrayImage(280, 280);
    drawPolyline(disc, [[200, 200], [200, 200]], 60);
    shapes.push(disc);
    for (const img of shapes) {
      const box = inkBoundingBox(frame(preprocessDigit(img).input))!;
      expect(Math.abs(Math.max(box.x1 - box.x0, box.y1 - box.y0) - 20)).toBeLessThanOrEqual(1);
    }
  });

  it('gives nearly the same input for the same shape drawn at two sizes', () => {
    const small = preprocessDigit(seven(90, 20, 150)).input;
    const large = preprocessDigit(seven(180, 60, 40)).input;
    let diff = 0;
    for (let i = 0; i < 784; i++) diff += Math.abs(small[i] - large[i]);
    expect(diff / 784).toBeLessThan(0.05);
  });

  it('clips values to [0, 1]', () => {
    const img = createGrayImage(50, 50);
    fillRect(img, 10, 10, 20, 25, 3);
    fillRect(img, 0, 0, 5, 5, -2);
    const { input } = preprocessDigit(img);
    for (const v of input) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
    expect(Math.max(...input)).toBe(1);
  });

  it('handles a single-pixel dot', () => {
    const img = createGrayImage(280, 280);
    img.data[5 * 280 + 270] = 1;
    const { input, empty } = preprocessDigit(img);
    expect(empty).toBe(false);
    const c = centerOfMass(frame(input))!;
    expect(Math.abs(c.x - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(c.y - 14)).toBeLessThanOrEqual(0.5);
  });
});
