import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../data/random';
import { AUGMENT_DEFAULT, AUGMENT_OFF, type AugmentConfig, type AugmentTransform } from '../model/augmentConfig';
import { AUGMENT_DRAWS_PER_IMAGE, AugmentScratch, augmentImage, augmentToBytes } from './augmentImage';
import { dilate3x3, erode3x3 } from './greyMorphology';

const ROWS = 28;
const COLS = 28;
const N = ROWS * COLS;

/** Anti-aliased strokes ~3 px wide along the segments [r0, c0, r1, c1]: a stand-in for a digit. */
function strokes(segments: [number, number, number, number][], rows = ROWS, cols = COLS): Uint8Array {
  const img = new Uint8Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      let d = Infinity;
      for (const [r0, c0, r1, c1] of segments) {
        const vr = r1 - r0;
        const vc = c1 - c0;
        const t = Math.max(0, Math.min(1, ((r - r0) * vr + (c - c0) * vc) / (vr * vr + vc * vc)));
        d = Math.min(d, Math.hypot(r - r0 - t * vr, c - c0 - t * vc));
      }
      img[r * cols + c] = Math.round(255 * Math.max(0, Math.min(1, 2 - d)));
    }
  }
  return img;
}

/** A "7": asymmetric under rotation and reflection. */
const SEVEN = strokes([[7, 8, 7, 20], [7, 20, 21, 12]]);

/** A rand stub giving these draws in augmentImage's order (shift x, shift y, rotation, scale, thickness chance, thickness kind, field seed), then repeating. */
function draws(d: Partial<Record<'sx' | 'sy' | 'rot' | 'scale' | 'chance' | 'kind' | 'field', number>>): () => number {
  const seq = [d.sx ?? 0.5, d.sy ?? 0.5, d.rot ?? 0.5, d.scale ?? 0.5, d.chance ?? 0.5, d.kind ?? 0.5, d.field ?? 0.5];
  let i = 0;
  return () => seq[i++ % seq.length];
}

/** AUGMENT_OFF with the given transforms' settings replaced. */
function only(patch: Partial<AugmentConfig>): AugmentConfig {
  return { ...AUGMENT_OFF, ...patch };
}

/** AUGMENT_OFF with one transform on at its default strength. */
function onAlone(t: AugmentTransform): AugmentConfig {
  return { ...AUGMENT_OFF, [t]: { ...AUGMENT_OFF[t], on: true } };
}

function run(src: Uint8Array, config: AugmentConfig, rand: () => number, rows = ROWS, cols = COLS): Float32Array {
  const dst = new Float32Array(rows * cols);
  augmentImage(src, rows, cols, config, rand, dst, 0, new AugmentScratch(rows, cols));
  return dst;
}

/** Several images in a row from one stream, concatenated: a transform that fires by chance shows up. */
function runMany(config: AugmentConfig, seed: number, images = 8): Float32Array {
  const rand = mulberry32(seed);
  const scratch = new AugmentScratch(ROWS, COLS);
  const dst = new Float32Array(images * N);
  for (let i = 0; i < images; i++) augmentImage(SEVEN, ROWS, COLS, config, rand, dst, i * N, scratch);
  return dst;
}

/** Bilinear sample of src at (row y, col x), 0 outside: the tests' own reference. */
function sample(src: Uint8Array, y: number, x: number): number {
  const y0 = Math.floor(y);
  const x0 = Math.floor(x);
  const at = (r: number, c: number) => (r >= 0 && r < ROWS && c >= 0 && c < COLS ? src[r * COLS + c] : 0);
  const fy = y - y0;
  const fx = x - x0;
  return (at(y0, x0) * (1 - fx) + at(y0, x0 + 1) * fx) * (1 - fy) + (at(y0 + 1, x0) * (1 - fx) + at(y0 + 1, x0 + 1) * fx) * fy;
}

/** The map augmentImage documents, for shift (tx, ty), rotation theta (radians) and scale s, sampled by the reference. */
function reference(src: Uint8Array, tx: number, ty: number, theta: number, s: number): Float32Array {
  const mid = (ROWS - 1) / 2;
  const out = new Float32Array(N);
  for (let r = 0; r < ROWS; r++) {
    for (let c = 0; c < COLS; c++) {
      const qx = c - mid - tx;
      const qy = r - mid - ty;
      const x = mid + (Math.cos(theta) * qx + Math.sin(theta) * qy) / s;
      const y = mid + (-Math.sin(theta) * qx + Math.cos(theta) * qy) / s;
      out[r * COLS + c] = sample(src, y, x) / 255;
    }
  }
  return out;
}

const scaled = (src: Uint8Array) => Float32Array.from(src, (v) => v / 255);
const ink = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v, 0);

/** Centre of mass, [row, col]. */
function centre(a: ArrayLike<number>, cols = COLS): [number, number] {
  let s = 0;
  let sr = 0;
  let sc = 0;
  for (let i = 0; i < a.length; i++) {
    s += a[i];
    sr += a[i] * Math.floor(i / cols);
    sc += a[i] * (i % cols);
  }
  return [sr / s, sc / s];
}

/** RMS distance of the ink from its centre of mass. */
function spread(a: ArrayLike<number>): number {
  const [cr, cc] = centre(a);
  let s = 0;
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    s += a[i];
    m += a[i] * ((Math.floor(i / COLS) - cr) ** 2 + ((i % COLS) - cc) ** 2);
  }
  return Math.sqrt(m / s);
}

/** Each transform at zero strength. */
const ZERO: Record<AugmentTransform, AugmentConfig> = {
  shift: only({ shift: { on: true, pixels: 0 } }),
  rotate: only({ rotate: { on: true, degrees: 0 } }),
  scale: only({ scale: { on: true, amount: 0 } }),
  thickness: only({ thickness: { on: true, chance: 0 } }),
  elastic: only({ elastic: { on: true, alpha: 0, sigma: 3 } }),
};

const TRANSFORMS: AugmentTransform[] = ['shift', 'rotate', 'scale', 'thickness', 'elastic'];

describe.each(TRANSFORMS)('augmentImage, %s', (t) => {
  it('fills rows·cols values in [0, 1]; augmentToBytes gives whole bytes', () => {
    for (const seed of [1, 2, 3]) {
      const dst = run(SEVEN, onAlone(t), mulberry32(seed));
      expect(dst.length).toBe(N);
      expect(dst.every((v) => v >= 0 && v <= 1)).toBe(true);
      const bytes = augmentToBytes(SEVEN, ROWS, COLS, onAlone(t), mulberry32(seed));
      expect(bytes).toBeInstanceOf(Uint8Array);
      expect(bytes.length).toBe(N);
      for (let i = 0; i < N; i++) expect(bytes[i]).toBe(Math.round(dst[i] * 255));
    }
  });

  it('is the identity (exactly src/255) when off and when on at strength 0', () => {
    const expected = Array.from(scaled(SEVEN));
    // Draws at the ends of their ranges: anything that leaked through would move pixels.
    for (const u of [0, 0.25, 0.999]) {
      const rand = draws({ sx: u, sy: u, rot: u, scale: u, chance: u, kind: u, field: u });
      expect(Array.from(run(SEVEN, { ...AUGMENT_DEFAULT, [t]: { ...AUGMENT_DEFAULT[t], on: false } }, rand))).not.toEqual(expected);
      expect(Array.from(run(SEVEN, AUGMENT_OFF, rand))).toEqual(expected);
      expect(Array.from(run(SEVEN, ZERO[t], rand))).toEqual(expected);
    }
  });

  it('gives the same images for the same seed and different ones for another', () => {
    const a = runMany(onAlone(t), 1);
    expect(Array.from(runMany(onAlone(t), 1))).toEqual(Array.from(a));
    expect(Array.from(runMany(onAlone(t), 2))).not.toEqual(Array.from(a));
    expect(Array.from(a)).not.toEqual(Array.from(runMany(AUGMENT_OFF, 1)));
  });

  it('keeps an all-zero image all zero', () => {
    const strong = onAlone(t);
    const rand = mulberry32(5);
    const scratch = new AugmentScratch(ROWS, COLS);
    const dst = new Float32Array(N).fill(0.5);
    for (let i = 0; i < 5; i++) {
      augmentImage(new Uint8Array(N), ROWS, COLS, strong, rand, dst, 0, scratch);
      expect(dst.every((v) => v === 0)).toBe(true);
    }
  });
});

describe('augmentImage', () => {
  it(`draws exactly ${AUGMENT_DRAWS_PER_IMAGE} numbers per image, whatever is on`, () => {
    for (const config of [AUGMENT_OFF, AUGMENT_DEFAULT, ...TRANSFORMS.map(onAlone), ...Object.values(ZERO)]) {
      let calls = 0;
      const base = mulberry32(9);
      run(SEVEN, config, () => (calls++, base()));
      expect(calls).toBe(AUGMENT_DRAWS_PER_IMAGE);
    }
  });

  it('keeps all defaults on within [0, 1] and the ink roughly intact over many images', () => {
    const rand = mulberry32(11);
    const scratch = new AugmentScratch(ROWS, COLS);
    const dst = new Float32Array(N);
    const before = ink(scaled(SEVEN));
    for (let i = 0; i < 200; i++) {
      augmentImage(SEVEN, ROWS, COLS, AUGMENT_DEFAULT, rand, dst, 0, scratch);
      expect(dst.every((v) => v >= 0 && v <= 1)).toBe(true);
      const ratio = ink(dst) / before;
      // 3×3 erosion of ~3 px strokes keeps only their core, and a ×0.9 scale takes a fifth of that.
      expect(ratio).toBeGreaterThan(0.1);
      expect(ratio).toBeLessThan(3);
    }
  });

  it('writes only its own slot at dstOffset', () => {
    const dst = new Float32Array(3 * N).fill(-1);
    augmentImage(SEVEN, ROWS, COLS, AUGMENT_DEFAULT, mulberry32(1), dst, N, new AugmentScratch(ROWS, COLS));
    expect(dst.subarray(0, N).every((v) => v === -1)).toBe(true);
    expect(dst.subarray(2 * N).every((v) => v === -1)).toBe(true);
    expect(dst.subarray(N, 2 * N).every((v) => v >= 0 && v <= 1)).toBe(true);
  });

  it('refuses a scratch of another size or a dst without room', () => {
    const dst = new Float32Array(N);
    expect(() => augmentImage(SEVEN, ROWS, COLS, AUGMENT_OFF, mulberry32(1), dst, 0, new AugmentScratch(20, 20))).toThrow(/scratch/);
    expect(() => augmentImage(SEVEN, ROWS, COLS, AUGMENT_OFF, mulberry32(1), dst, 1, new AugmentScratch(ROWS, COLS))).toThrow(/room/);
    expect(() => new AugmentScratch(0, 28)).toThrow();
  });

  it('works on non-square images', () => {
    const src = strokes([[3, 3, 8, 15]], 12, 20);
    const dst = run(src, AUGMENT_DEFAULT, mulberry32(2), 12, 20);
    expect(dst.length).toBe(240);
    expect(dst.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(Array.from(run(src, AUGMENT_OFF, mulberry32(2), 12, 20))).toEqual(Array.from(scaled(src)));
  });
});

describe('augmentImage geometry', () => {
  // A blob well inside the frame, so that nothing falls off the edge.
  const BLOB = strokes([[12, 11, 15, 14]]);
  const shift4 = only({ shift: { on: true, pixels: 4 } });

  it('shifts by whole pixels exactly: +2 right, -1 up', () => {
    // u → (2u - 1) · 4: 0.75 → +2, 0.375 → -1.
    const dst = run(BLOB, shift4, draws({ sx: 0.75, sy: 0.375 }));
    const [r0, c0] = centre(BLOB);
    const [r1, c1] = centre(dst);
    expect(c1 - c0).toBeCloseTo(2, 6);
    expect(r1 - r0).toBeCloseTo(-1, 6);
    for (let r = 0; r < ROWS; r++) {
      for (let c = 0; c < COLS; c++) {
        const from = r + 1 < ROWS && c - 2 >= 0 ? BLOB[(r + 1) * COLS + (c - 2)] : 0;
        expect(dst[r * COLS + c]).toBe(Math.fround(from / 255));
      }
    }
  });

  it('shifts by fractions of a pixel, moving the centre of mass by the same amount', () => {
    // 0.6 → +0.8 px right; 0.2 → -2.4 px up.
    const dst = run(BLOB, shift4, draws({ sx: 0.6, sy: 0.2 }));
    const [r0, c0] = centre(BLOB);
    const [r1, c1] = centre(dst);
    expect(c1 - c0).toBeCloseTo(0.8, 3);
    expect(r1 - r0).toBeCloseTo(-2.4, 3);
    expect(ink(dst)).toBeCloseTo(ink(scaled(BLOB)), 2);
  });

  it('rotates by 90° clockwise (as displayed) at the top of the range', () => {
    // A stub may return 1 (rand never does): (2·1 - 1) · 90 = +90°.
    const dst = run(SEVEN, only({ rotate: { on: true, degrees: 90 } }), draws({ rot: 1 }));
    for (let r = 0; r < ROWS; r++) {
      for (let c = 0; c < COLS; c++) {
        // Clockwise: the top-left corner goes to the top-right.
        expect(dst[r * COLS + c]).toBeCloseTo(SEVEN[(COLS - 1 - c) * COLS + r] / 255, 5);
      }
    }
    // And -90° (stub 0) is counter-clockwise.
    const ccw = run(SEVEN, only({ rotate: { on: true, degrees: 90 } }), draws({ rot: 0 }));
    expect(ccw[0 * COLS + 0]).toBeCloseTo(SEVEN[0 * COLS + (COLS - 1)] / 255, 5);
    expect(ccw[7 * COLS + 10]).toBeCloseTo(SEVEN[10 * COLS + (COLS - 1 - 7)] / 255, 5);
  });

  it('rotates about the centre: a small rotation keeps a centred shape centred', () => {
    // A diamond centred on the image centre (13.5, 13.5), which is between pixels.
    const ring = strokes([[8.5, 13.5, 13.5, 18.5], [13.5, 18.5, 18.5, 13.5], [18.5, 13.5, 13.5, 8.5], [13.5, 8.5, 8.5, 13.5]]);
    const dst = run(ring, only({ rotate: { on: true, degrees: 30 } }), draws({ rot: 0.9 }));
    const [r0, c0] = centre(ring);
    const [r1, c1] = centre(dst);
    expect(Math.hypot(r1 - r0, c1 - c0)).toBeLessThan(0.05);
    expect(Array.from(dst)).not.toEqual(Array.from(scaled(ring)));
  });

  it('scales about the centre: above 1 spreads the ink, below 1 gathers it', () => {
    const config = only({ scale: { on: true, amount: 0.3 } });
    const big = run(SEVEN, config, draws({ scale: 1 })); // ×1.3
    const small = run(SEVEN, config, draws({ scale: 0 })); // ×0.7
    const s0 = spread(SEVEN);
    expect(spread(big) / s0).toBeGreaterThan(1.22);
    expect(spread(big) / s0).toBeLessThan(1.38);
    expect(spread(small) / s0).toBeGreaterThan(0.62);
    expect(spread(small) / s0).toBeLessThan(0.78);
    expect(ink(big)).toBeGreaterThan(ink(scaled(SEVEN)));
    expect(ink(small)).toBeLessThan(ink(scaled(SEVEN)));
  });

  it('combines shift, rotation and scale into one map: c + R(-θ)(q - c - t) / s, sampled once', () => {
    const config = only({ shift: { on: true, pixels: 2 }, rotate: { on: true, degrees: 20 }, scale: { on: true, amount: 0.2 } });
    const dst = run(SEVEN, config, draws({ sx: 0.8, sy: 0.3, rot: 0.9, scale: 0.7 }));
    const expected = reference(SEVEN, 0.6 * 2, -0.4 * 2, (0.8 * 20 * Math.PI) / 180, 1 + 0.4 * 0.2);
    for (let i = 0; i < N; i++) expect(dst[i]).toBeCloseTo(expected[i], 5);
  });

  it('samples outside the image as 0, on every side', () => {
    const full = new Uint8Array(N).fill(255);
    const shift1 = only({ shift: { on: true, pixels: 1 } });
    // +0.5 right, +0.25 down: the first column is half outside, the first row a quarter.
    const a = run(full, shift1, draws({ sx: 0.75, sy: 0.625 }));
    expect(a[14 * COLS + 0]).toBeCloseTo(0.5, 6);
    expect(a[0 * COLS + 14]).toBeCloseTo(0.75, 6);
    expect(a[0]).toBeCloseTo(0.375, 6);
    expect(a[14 * COLS + 14]).toBe(1);
    expect(a[27 * COLS + 27]).toBe(1);
    // -0.5 left, -0.25 up: the same at the far sides.
    const b = run(full, shift1, draws({ sx: 0.25, sy: 0.375 }));
    expect(b[14 * COLS + 27]).toBeCloseTo(0.5, 6);
    expect(b[27 * COLS + 14]).toBeCloseTo(0.75, 6);
    expect(b[27 * COLS + 27]).toBeCloseTo(0.375, 6);
    expect(b[0]).toBe(1);
    // And everywhere else, against the reference.
    const refA = reference(full, 0.5, 0.25, 0, 1);
    const refB = reference(full, -0.5, -0.25, 0, 1);
    for (let i = 0; i < N; i++) {
      expect(a[i]).toBeCloseTo(refA[i], 6);
      expect(b[i]).toBeCloseTo(refB[i], 6);
    }
    // A turn of a full image against the reference: corners come in from outside.
    const rotated = run(full, only({ rotate: { on: true, degrees: 45 } }), draws({ rot: 0.9 }));
    const expected = reference(full, 0, 0, (0.8 * 45 * Math.PI) / 180, 1);
    for (let i = 0; i < N; i++) expect(rotated[i]).toBeCloseTo(expected[i], 5);
  });

  it('turns first and shifts after (in forward terms): 90° then +1 px right lands on whole pixels', () => {
    const config = only({ shift: { on: true, pixels: 4 }, rotate: { on: true, degrees: 90 } });
    const dst = run(SEVEN, config, draws({ sx: 0.625, sy: 0.5, rot: 1 }));
    for (let r = 0; r < ROWS; r++) {
      for (let c = 1; c < COLS; c++) {
        expect(dst[r * COLS + c]).toBeCloseTo(SEVEN[(COLS - c) * COLS + r] / 255, 5);
      }
    }
  });
});

describe('augmentImage thickness', () => {
  const thick = (chance: number) => only({ thickness: { on: true, chance } });

  it('dilates (kind < 0.5) before any geometry: thicker strokes, more ink', () => {
    const dst = run(SEVEN, thick(0.5), draws({ chance: 0.1, kind: 0.2 }));
    const expected = new Uint8Array(N);
    dilate3x3(SEVEN, ROWS, COLS, expected);
    // Halfway between the image and its dilation: half a pixel of pen.
    expect(Array.from(dst)).toEqual(Array.from(scaled(expected.map((v, i) => (v + SEVEN[i] + 1) >> 1))));
    expect(ink(dst)).toBeGreaterThan(ink(scaled(SEVEN)));
    expect(ink(dst)).toBeLessThan(ink(scaled(expected)));
  });

  it('erodes (kind ≥ 0.5): thinner strokes, less ink', () => {
    const dst = run(SEVEN, thick(0.5), draws({ chance: 0.1, kind: 0.7 }));
    const expected = new Uint8Array(N);
    erode3x3(SEVEN, ROWS, COLS, expected);
    expect(Array.from(dst)).toEqual(Array.from(scaled(expected.map((v, i) => (v + SEVEN[i] + 1) >> 1))));
    expect(ink(dst)).toBeLessThan(ink(scaled(SEVEN)));
    // A full erosion can wipe thin strokes out; halfway keeps at least half of every stroke's ink.
    expect(ink(dst)).toBeGreaterThanOrEqual(ink(scaled(SEVEN)) / 2);
  });

  it('fires with probability `chance`', () => {
    expect(Array.from(run(SEVEN, thick(0.5), draws({ chance: 0.6, kind: 0.2 })))).toEqual(Array.from(scaled(SEVEN)));
    expect(Array.from(run(SEVEN, thick(1), draws({ chance: 0.999, kind: 0.2 })))).not.toEqual(Array.from(scaled(SEVEN)));
    const rand = mulberry32(3);
    const scratch = new AugmentScratch(ROWS, COLS);
    const dst = new Float32Array(N);
    let changed = 0;
    const trials = 400;
    for (let i = 0; i < trials; i++) {
      augmentImage(SEVEN, ROWS, COLS, thick(0.25), rand, dst, 0, scratch);
      if (ink(dst) !== ink(scaled(SEVEN))) changed++;
    }
    expect(changed / trials).toBeGreaterThan(0.18);
    expect(changed / trials).toBeLessThan(0.32);
  });
});

describe('augmentImage elastic', () => {
  const elastic = (alpha: number) => only({ elastic: { on: true, alpha, sigma: 3 } });

  it('with alpha 0 is the identity', () => {
    expect(Array.from(run(SEVEN, elastic(0), mulberry32(4)))).toEqual(Array.from(scaled(SEVEN)));
  });

  it('with alpha > 0 moves pixels but keeps the total ink within 25%', () => {
    const before = ink(scaled(SEVEN));
    for (const seed of [1, 2, 3, 4, 5]) {
      const dst = run(SEVEN, elastic(8), mulberry32(seed));
      expect(Array.from(dst)).not.toEqual(Array.from(scaled(SEVEN)));
      expect(Math.abs(ink(dst) / before - 1)).toBeLessThan(0.25);
    }
  });

  it('takes its field from the seed draw alone, so the field seed decides the distortion', () => {
    const a = run(SEVEN, elastic(8), draws({ field: 0.1, sx: 0.9 }));
    const b = run(SEVEN, elastic(8), draws({ field: 0.1, sx: 0.2 })); // shift is off: sx must not matter
    const c = run(SEVEN, elastic(8), draws({ field: 0.2 }));
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });
});
