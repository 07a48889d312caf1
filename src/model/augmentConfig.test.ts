import { describe, expect, it } from 'vitest';
import { wordMessage } from '../i18n/i18n';
import {
  allOff,
  AUGMENT_DEFAULT,
  AUGMENT_LIMITS,
  AUGMENT_NAMES,
  AUGMENT_OFF,
  checkAugmentConfig,
  isAugmentOn,
  type AugmentConfig,
  type AugmentTransform,
  type StrengthLimit,
} from './augmentConfig';

const TRANSFORMS = Object.keys(AUGMENT_OFF) as AugmentTransform[];

/** Every numeric strength as [transform, field, limits]. */
const STRENGTHS: [AugmentTransform, string, StrengthLimit][] = TRANSFORMS.flatMap((t) =>
  Object.entries(AUGMENT_LIMITS[t] as Record<string, StrengthLimit>).map(([f, lim]): [AugmentTransform, string, StrengthLimit] => [t, f, lim]),
);

/** A deep copy of AUGMENT_DEFAULT with one field of one transform replaced (or deleted, for undefined). */
function withField(t: AugmentTransform, field: string, value: unknown): unknown {
  const c = JSON.parse(JSON.stringify(AUGMENT_DEFAULT)) as Record<string, Record<string, unknown>>;
  if (value === undefined) delete c[t][field];
  else c[t][field] = value;
  return c;
}

function errorOf(input: unknown): string {
  const r = checkAugmentConfig(input);
  if (!('error' in r)) throw new Error(`accepted ${JSON.stringify(input)}`);
  // The page's words (English here) are the same sentence as the one for logs.
  expect(wordMessage(r.detail)).toBe(r.error);
  return r.error;
}

describe('AUGMENT_OFF, AUGMENT_DEFAULT and AUGMENT_LIMITS', () => {
  it('have the same strengths, all within limits, and every strength has limits', () => {
    for (const t of TRANSFORMS) {
      expect(AUGMENT_OFF[t].on).toBe(false);
      expect(AUGMENT_DEFAULT[t].on).toBe(true);
      expect({ ...AUGMENT_OFF[t], on: true }).toEqual(AUGMENT_DEFAULT[t]);
      expect(Object.keys(AUGMENT_LIMITS[t]).sort()).toEqual(Object.keys(AUGMENT_OFF[t]).filter((k) => k !== 'on').sort());
      expect(AUGMENT_NAMES[t]).toBeTruthy();
    }
    for (const [t, f, lim] of STRENGTHS) {
      const v = (AUGMENT_DEFAULT[t] as unknown as Record<string, number>)[f];
      expect(v).toBeGreaterThanOrEqual(lim.min);
      expect(v).toBeLessThanOrEqual(lim.max);
      expect(lim.step).toBeGreaterThan(0);
      expect(lim.max).toBeGreaterThan(lim.min);
    }
  });

  it('are the documented ranges', () => {
    expect(AUGMENT_LIMITS.shift.pixels).toMatchObject({ min: 0, max: 4 });
    expect(AUGMENT_LIMITS.rotate.degrees).toMatchObject({ min: 0, max: 45 });
    expect(AUGMENT_LIMITS.scale.amount).toMatchObject({ min: 0, max: 0.3 });
    expect(AUGMENT_LIMITS.thickness.chance).toMatchObject({ min: 0, max: 1 });
    expect(AUGMENT_LIMITS.elastic.alpha).toMatchObject({ min: 0, max: 40 });
  });
});

describe('isAugmentOn', () => {
  it('is false for nothing, and for everything off', () => {
    expect(isAugmentOn(null)).toBe(false);
    expect(isAugmentOn(undefined)).toBe(false);
    expect(isAugmentOn(AUGMENT_OFF)).toBe(false);
  });

  it('is true for the defaults and for each transform on alone', () => {
    expect(isAugmentOn(AUGMENT_DEFAULT)).toBe(true);
    for (const t of TRANSFORMS) expect(isAugmentOn({ ...AUGMENT_OFF, [t]: { ...AUGMENT_OFF[t], on: true } })).toBe(true);
  });

  it('is false for transforms on at a strength that changes nothing', () => {
    const zero: AugmentConfig = {
      shift: { on: true, pixels: 0 },
      rotate: { on: true, degrees: 0 },
      scale: { on: true, amount: 0 },
      thickness: { on: true, chance: 0 },
      elastic: { on: true, alpha: 0, sigma: 5 },
    };
    expect(isAugmentOn(zero)).toBe(false);
    expect(isAugmentOn({ ...zero, rotate: { on: true, degrees: 1 } })).toBe(true);
  });
});

describe('checkAugmentConfig', () => {
  it('accepts the defaults and everything off, returning a fresh equal copy', () => {
    for (const c of [AUGMENT_DEFAULT, AUGMENT_OFF]) {
      const r = checkAugmentConfig(JSON.parse(JSON.stringify(c)));
      expect(r).toEqual({ config: c });
      if ('config' in r) expect(r.config).not.toBe(c);
    }
  });

  it('accepts the ends of every range', () => {
    for (const [t, f, lim] of STRENGTHS) {
      expect(checkAugmentConfig(withField(t, f, lim.min))).toHaveProperty('config');
      expect(checkAugmentConfig(withField(t, f, lim.max))).toHaveProperty('config');
    }
  });

  it('drops unknown fields', () => {
    const input = { ...AUGMENT_DEFAULT, extra: 1, shift: { ...AUGMENT_DEFAULT.shift, colour: 'red' } };
    expect(checkAugmentConfig(input)).toEqual({ config: AUGMENT_DEFAULT });
  });

  it('says which range a strength is out of, in plain words', () => {
    expect(errorOf(withField('rotate', 'degrees', 60))).toBe('Rotation must be between 0 and 45 degrees, not 60');
    expect(errorOf(withField('shift', 'pixels', -1))).toBe('Shift must be between 0 and 4 pixels, not -1');
    expect(errorOf(withField('scale', 'amount', 0.5))).toBe('Scale amount must be between 0 and 0.3, not 0.5');
    for (const [t, f, lim] of STRENGTHS) {
      for (const bad of [lim.min - 1, lim.max + 1]) {
        const e = errorOf(withField(t, f, bad));
        expect(e).toContain(lim.label);
        expect(e).toContain(String(bad));
      }
    }
  });

  it('rejects strengths that are not finite numbers, or missing, naming them', () => {
    for (const [t, f, lim] of STRENGTHS) {
      for (const bad of ['3', null, true, Number.NaN, Number.POSITIVE_INFINITY, [2], {}]) {
        expect(errorOf(withField(t, f, bad))).toMatch(new RegExp(`^${lim.label.replace(/[()]/g, '\\$&')} must be a number`));
      }
      expect(errorOf(withField(t, f, undefined))).toBe(`${lim.label} is missing`);
    }
    expect(errorOf(withField('rotate', 'degrees', 'ten'))).toBe('Rotation must be a number, not "ten"');
    expect(errorOf(withField('elastic', 'sigma', Number.NaN))).toBe('Elastic smoothness (sigma) must be a number, not NaN');
  });

  it('rejects an on/off that is not a boolean, naming the transform', () => {
    for (const t of TRANSFORMS) {
      for (const bad of ['true', 1, null, undefined]) expect(errorOf(withField(t, 'on', bad))).toContain(`${AUGMENT_NAMES[t]} on/off must be true or false`);
    }
    expect(errorOf(withField('thickness', 'on', 'yes'))).toBe('Stroke thickness on/off must be true or false, not "yes"');
  });

  it('rejects missing or malformed transforms and non-objects', () => {
    for (const t of TRANSFORMS) {
      const { [t]: _gone, ...rest } = AUGMENT_DEFAULT;
      expect(errorOf(rest)).toBe(`${AUGMENT_NAMES[t]} settings are missing`);
      expect(errorOf({ ...AUGMENT_DEFAULT, [t]: 5 })).toBe(`${AUGMENT_NAMES[t]} settings must be an object, not 5`);
      expect(errorOf({ ...AUGMENT_DEFAULT, [t]: null })).toContain(AUGMENT_NAMES[t]);
    }
    expect(errorOf(null)).toBe('Augmentation settings must be an object, not null');
    expect(errorOf('on')).toBe('Augmentation settings must be an object, not "on"');
    expect(errorOf([AUGMENT_DEFAULT])).toBe('Augmentation settings must be an object, not a list');
    expect(errorOf(undefined)).toContain('must be an object');
  });
});

describe('allOff', () => {
  it('turns every transform off and keeps the strengths; AUGMENT_OFF is the defaults off', () => {
    const strong = { ...AUGMENT_DEFAULT, rotate: { on: true, degrees: 30 } };
    const off = allOff(strong);
    expect(isAugmentOn(off)).toBe(false);
    expect(off.rotate).toEqual({ on: false, degrees: 30 });
    expect(AUGMENT_OFF).toEqual(allOff(AUGMENT_DEFAULT));
  });
});
