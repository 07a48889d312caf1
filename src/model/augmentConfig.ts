/**
 * What data augmentation does to each training image: five transforms, each on or off with its
 * own strength. The config is plain data (JSON-safe) because it travels in worker messages,
 * saved runs and URLs; checkAugmentConfig is the one gate for such untrusted copies.
 */

import { isRecord } from './keras/topologyError';
import { message, type Message } from './message';

/** One transform: on or off, and how strong (its own units, documented per field). */
export interface AugmentConfig {
  /** Random shift, up to `pixels` each way (uniform in [-pixels, pixels], per axis, sub-pixel). Range 0–4, default 2. */
  shift: { on: boolean; pixels: number };
  /** Random rotation about the image centre, uniform in ±`degrees`. Range 0–45, default 15. */
  rotate: { on: boolean; degrees: number };
  /** Random scale about the image centre, uniform in [1 - amount, 1 + amount]. Range 0–0.3, default 0.1. */
  scale: { on: boolean; amount: number };
  /**
   * Stroke thickness: with probability `chance`, a 3×3 grey dilation (thicker) or erosion
   * (thinner), each equally likely, taken halfway (averaged with the image: half a pixel of
   * pen, since a full erosion wipes out MNIST's 2–3 px strokes). Range 0–1, default 0.5.
   */
  thickness: { on: boolean; chance: number };
  /**
   * Elastic distortion (Simard, Steinkraus & Platt 2003): per-pixel noise uniform in [-1, 1],
   * Gaussian-smoothed with `sigma` (px), times `alpha` (px). The smoothing averages the noise
   * away, so alpha is far larger than the displacement it gives: on 28×28 with sigma 3, the RMS
   * displacement per axis is about alpha / 19 px. The default alpha 8 moves pixels ≈ 0.4 px
   * typically and ≈ 1.2 px at the most in an image (measured): strokes visibly wobble, digits
   * stay the same digits. alpha range 0–40, default 8; sigma range 1–8, default 3.
   */
  elastic: { on: boolean; alpha: number; sigma: number };
}

/** The transforms, in the order the UI lists them. */
export type AugmentTransform = keyof AugmentConfig;

/** Bounds of one numeric strength: for the UI's sliders and for checkAugmentConfig's messages. */
export interface StrengthLimit {
  min: number;
  max: number;
  /** The slider's step; checkAugmentConfig does not enforce it (a saved value may lie between steps). */
  step: number;
  /** The strength in plain words, capitalised to start a sentence: "Rotation". */
  label: string;
  /** Plural unit for messages and slider readouts, or '' for a plain number. */
  unit: string;
}

/** Every numeric strength's limits, by transform and field: AUGMENT_LIMITS.elastic.sigma.max. */
export type AugmentLimits = {
  [K in AugmentTransform]: { [F in Exclude<keyof AugmentConfig[K], 'on'>]: StrengthLimit };
};

export const AUGMENT_LIMITS: AugmentLimits = {
  // Beyond 4 px a centred MNIST digit (20×20 in a 28×28 frame) starts losing strokes off the edge.
  shift: { pixels: { min: 0, max: 4, step: 0.5, label: 'Shift', unit: 'pixels' } },
  // Past 45° a 6 and a 9, or a 1 and a 7, start to look like each other.
  rotate: { degrees: { min: 0, max: 45, step: 1, label: 'Rotation', unit: 'degrees' } },
  // ±30% keeps the digit inside the frame and its strokes at least ~1 px wide.
  scale: { amount: { min: 0, max: 0.3, step: 0.01, label: 'Scale amount', unit: '' } },
  thickness: { chance: { min: 0, max: 1, step: 0.05, label: 'Thickness chance', unit: '' } },
  elastic: {
    // alpha 40 with sigma 3 is ≈ 2 px RMS, ≈ 6 px at the most: already mangles digits.
    alpha: { min: 0, max: 40, step: 1, label: 'Elastic strength (alpha)', unit: 'pixels' },
    // Below 1 px the "field" is per-pixel jitter, not a smooth wobble; above 8 it is a plain shift on 28×28.
    sigma: { min: 1, max: 8, step: 0.5, label: 'Elastic smoothness (sigma)', unit: 'pixels' },
  },
};

/** Each transform's name in plain words, capitalised to start a sentence. */
export const AUGMENT_NAMES: Record<AugmentTransform, string> = {
  shift: 'Shift',
  rotate: 'Rotation',
  scale: 'Scale',
  thickness: 'Stroke thickness',
  elastic: 'Elastic distortion',
};

/**
 * Every transform on, at strengths mild enough that each augmented digit is still plainly
 * the same digit (the usual MNIST choices: a couple of pixels, ±15°, ±10%).
 */
export const AUGMENT_DEFAULT: AugmentConfig = {
  shift: { on: true, pixels: 2 },
  rotate: { on: true, degrees: 15 },
  scale: { on: true, amount: 0.1 },
  thickness: { on: true, chance: 0.5 },
  elastic: { on: true, alpha: 8, sigma: 3 },
};

/** `c` with every transform off, its strengths kept (so turning one back on gives the strength it had). */
export function allOff(c: AugmentConfig): AugmentConfig {
  return {
    shift: { ...c.shift, on: false },
    rotate: { ...c.rotate, on: false },
    scale: { ...c.scale, on: false },
    thickness: { ...c.thickness, on: false },
    elastic: { ...c.elastic, on: false },
  };
}

/** Every transform off, strengths at their defaults (so turning one on gives the default). */
export const AUGMENT_OFF: AugmentConfig = allOff(AUGMENT_DEFAULT);

/**
 * Whether the config changes any image at all: some transform on with a strength above 0.
 * Training can then skip the augmentation path (and its random draws) entirely.
 * Elastic with sigma alone does nothing without alpha, so sigma does not count.
 */
export function isAugmentOn(c: AugmentConfig | null | undefined): boolean {
  if (!c) return false;
  return (
    (c.shift.on && c.shift.pixels > 0) ||
    (c.rotate.on && c.rotate.degrees > 0) ||
    (c.scale.on && c.scale.amount > 0) ||
    (c.thickness.on && c.thickness.chance > 0) ||
    (c.elastic.on && c.elastic.alpha > 0)
  );
}

/** A value as a message shows it: numbers and booleans as written, strings quoted, the rest by kind. */
function shown(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  return `a${typeof v === 'object' ? 'n object' : ` ${typeof v}`}`;
}

/** The same, for the page to word: values as written, the rest by kind (setup:augment.shown.*). */
function shownMessage(v: unknown): string | Message {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null) return shown(v);
  if (v === undefined) return message('setup:augment.shown.nothing');
  if (Array.isArray(v)) return message('setup:augment.shown.list');
  return typeof v === 'object' ? message('setup:augment.shown.object') : message('setup:augment.shown.other', { type: typeof v });
}

/** Each strength's catalogue key under setup:augment.limits (its label in plain words). */
const LIMIT_KEY: Record<string, string> = {
  'shift.pixels': 'shift',
  'rotate.degrees': 'rotate',
  'scale.amount': 'scaleAmount',
  'thickness.chance': 'thicknessChance',
  'elastic.alpha': 'elasticAlpha',
  'elastic.sigma': 'elasticSigma',
};

/** A transform's name as a message (setup:augment.names.*), for the page to word. */
export const augmentName = (t: AugmentTransform): Message => message(`setup:augment.names.${t}`);

/** One strength's limits, by name, for the generic check below (the mapped type cannot be indexed by a string). */
function limitOf(t: AugmentTransform, field: string): StrengthLimit {
  return (AUGMENT_LIMITS[t] as Record<string, StrengthLimit>)[field];
}

/** Why a config was refused: `error` in English for logs and the worker's errors, `detail` for the page to word. */
export type AugmentConfigError = { error: string; detail: Message };
const refused = (error: string, key: string, values: Message['values']): AugmentConfigError => ({ error, detail: message(`setup:augment.error.${key}`, values) });

/**
 * Validates a config from an untrusted source (a saved run, a URL, a message): every transform
 * present, `on` a boolean, every strength a finite number within AUGMENT_LIMITS. Returns a fresh
 * config holding only the known fields (extra ones are dropped, not copied along), or the first
 * problem in plain words naming the setting: "Rotation must be between 0 and 45 degrees, not 60".
 */
export function checkAugmentConfig(c: unknown): { config: AugmentConfig } | AugmentConfigError {
  if (!isRecord(c)) return refused(`Augmentation settings must be an object, not ${shown(c)}`, 'notObject', { value: shownMessage(c) });
  const out: Record<string, Record<string, unknown>> = {};
  for (const t of Object.keys(AUGMENT_OFF) as AugmentTransform[]) {
    const name = AUGMENT_NAMES[t];
    const part = c[t];
    if (part === undefined) return refused(`${name} settings are missing`, 'missing', { name: augmentName(t) });
    if (!isRecord(part)) return refused(`${name} settings must be an object, not ${shown(part)}`, 'partNotObject', { name: augmentName(t), value: shownMessage(part) });
    if (typeof part.on !== 'boolean') {
      return refused(`${name} on/off must be true or false, not ${shown(part.on)}`, 'onOff', { name: augmentName(t), value: shownMessage(part.on) });
    }
    const fresh: Record<string, unknown> = { on: part.on };
    for (const field of Object.keys(AUGMENT_OFF[t]).filter((f) => f !== 'on')) {
      const lim = limitOf(t, field);
      const label = message(`setup:augment.limits.${LIMIT_KEY[`${t}.${field}`]}`);
      const v = part[field];
      const unit = lim.unit ? ` ${lim.unit}` : '';
      if (v === undefined) return refused(`${lim.label} is missing`, 'fieldMissing', { label });
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        return refused(`${lim.label} must be a number, not ${shown(v)}`, 'notNumber', { label, value: shownMessage(v) });
      }
      if (v < lim.min || v > lim.max) {
        const key = lim.unit === 'degrees' ? 'rangeDegrees' : lim.unit === 'pixels' ? 'rangePixels' : 'range';
        return refused(`${lim.label} must be between ${lim.min} and ${lim.max}${unit}, not ${v}`, key, { label, min: lim.min, max: lim.max, value: String(v) });
      }
      fresh[field] = v;
    }
    out[t] = fresh;
  }
  return { config: out as unknown as AugmentConfig };
}
