import { describe, expect, it } from 'vitest';
import { HEAT_NEGATIVE, HEAT_POSITIVE, overlayPixels, saliencyScale } from './saliencyPixels';

const rgbAt = (px: Uint8ClampedArray, i: number) => Array.from(px.subarray(i * 4, i * 4 + 3));

describe('saliencyScale', () => {
  it('scales magnitudes to the 99th percentile, so one spike does not wash out the rest', () => {
    const map = new Float32Array(200).fill(1);
    map[0] = -50; // a spike, by magnitude
    expect(saliencyScale(map, 'magnitude')).toBe(1);
  });

  it('scales signed maps to their largest |value|', () => {
    expect(saliencyScale([0.1, -0.4, 0.2], 'signed')).toBeCloseTo(0.4);
  });

  it('never returns 0, even for an all-zero map', () => {
    expect(saliencyScale([0, 0], 'magnitude')).toBeGreaterThan(0);
  });
});

describe('overlayPixels', () => {
  it('shows the input alone as grey where the map is zero: background light, ink dark', () => {
    const px = overlayPixels([0, 1], [0, 0], 'magnitude', 1);
    expect(rgbAt(px, 0)).toEqual([245, 245, 245]);
    expect(rgbAt(px, 1)).toEqual([75, 75, 75]);
    expect(px[3]).toBe(255);
  });

  it('blends red over the input where |value| is large, whatever its sign, in magnitude mode', () => {
    const px = overlayPixels([0, 0], [1, -1], 'magnitude', 1);
    expect(rgbAt(px, 0)).toEqual(rgbAt(px, 1));
    expect(px[0]).toBeGreaterThan(px[2]); // red over blue
    expect(px[0]).toBeCloseTo(245 * 0.15 + HEAT_POSITIVE[0] * 0.85, -1);
  });

  it('colours a drop red and a rise blue in signed mode, faint for small values', () => {
    const px = overlayPixels([0, 0, 0], [0.5, -0.5, 0.05], 'signed', 0.5);
    expect(px[0]).toBeGreaterThan(px[2]);
    expect(px[4 + 2]).toBeGreaterThan(px[4]);
    expect(px[4 + 2]).toBeCloseTo(245 * 0.15 + HEAT_NEGATIVE[2] * 0.85, -1);
    expect(rgbAt(px, 2)[1]).toBeGreaterThan(200); // 10 % of full heat: still mostly the grey
  });
});
