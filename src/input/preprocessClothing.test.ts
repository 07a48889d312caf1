import { describe, it, expect } from 'vitest';
import { preprocessClothing } from './preprocessClothing';
import { createGrayImage, type GrayImage } from './grayImage';
import { inkBoundingBox } from './inkBoundingBox';

const frame = (input: Float32Array): GrayImage => ({ width: 28, height: 28, data: input });

function fillRect(img: GrayImage, x0: number, y0: number, w: number, h: number, v = 1): void {
  for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) img.data[y * img.width + x] = v;
}

/** Trouser-like silhouette: a waistband and two legs, scaled by `s` and placed at (ox, oy). */
function trousers(s: number, ox: number, oy: number): GrayImage {
  const img = createGrayImage(400, 400);
  const r = (x: number, y: number, w: number, h: number, v: number) =>
    fillRect(img, Math.round(ox + x * s), Math.round(oy + y * s), Math.round(w * s), Math.round(h * s), v);
  r(0, 0, 10, 3, 0.8);
  r(0, 3, 4, 17, 0.6);
  r(6, 3, 4, 17, 0.6);
  return img;
}

describe('preprocessClothing', () => {
  it('returns zeros and empty=true for a blank image', () => {
    const { input, empty } = preprocessClothing(createGrayImage(100, 80));
    expect(empty).toBe(true);
    expect(input.length).toBe(784);
    expect(input.every((v) => v === 0)).toBe(true);
  });

  it('fills the frame with a wide object and centres it vertically', () => {
    const img = createGrayImage(280, 280);
    fillRect(img, 5, 10, 200, 100); // off-centre, 2:1
    const box = inkBoundingBox(frame(preprocessClothing(img).input))!;
    expect(box).toEqual({ x0: 0, y0: 7, x1: 28, y1: 21 });
  });

  it('keeps a tall object tall and centres it geometrically', () => {
    const img = createGrayImage(300, 300);
    fillRect(img, 230, 50, 60, 240); // 1:4, at the right edge
    const box = inkBoundingBox(frame(preprocessClothing(img).input))!;
    expect(box.y1 - box.y0).toBe(28);
    expect(box.x1 - box.x0).toBe(7);
    expect(Math.abs((box.x0 + box.x1) / 2 - 14)).toBeLessThanOrEqual(0.5);
  });

  it('uses the longer side 28 (±1) and centres the box for a non-rectangular shape', () => {
    const { input } = preprocessClothing(trousers(9, 123, 31));
    const box = inkBoundingBox(frame(input))!;
    expect(Math.abs(Math.max(box.x1 - box.x0, box.y1 - box.y0) - 28)).toBeLessThanOrEqual(1);
    expect(Math.abs((box.x0 + box.x1) / 2 - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs((box.y0 + box.y1) / 2 - 14)).toBeLessThanOrEqual(0.5);
  });

  it('gives nearly the same input at two sizes', () => {
    const a = preprocessClothing(trousers(7, 10, 200)).input;
    const b = preprocessClothing(trousers(17, 150, 20)).input;
    let diff = 0;
    for (let i = 0; i < 784; i++) diff += Math.abs(a[i] - b[i]);
    expect(diff / 784).toBeLessThan(0.05);
  });

  it('clips values to [0, 1]', () => {
    const img = createGrayImage(40, 40);
    fillRect(img, 5, 5, 30, 20, 2.5);
    for (const v of preprocessClothing(img).input) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
  });
});
