import { AUGMENT_OFF, checkAugmentConfig, type AugmentConfig } from './augmentConfig';

/** A transform's short name in a link, and its strengths in order. */
const FIELDS = [
  ['shift', 'shift', ['pixels']],
  ['rotate', 'rotate', ['degrees']],
  ['scale', 'scale', ['amount']],
  ['thick', 'thickness', ['chance']],
  ['elastic', 'elastic', ['alpha', 'sigma']],
] as const;

/**
 * Augmentation in a link, in the style of `arch`: `off`, or the transforms
 * that are on with their strengths, e.g. `shift(2)-rotate(15)-elastic(8,3)`
 * (characters a link carries as they are). A transform left out is off, at
 * its default strength.
 */
export function encodeAugment(c: AugmentConfig): string {
  const on = FIELDS.filter(([, k]) => c[k].on).map(([short, k, fields]) => `${short}(${fields.map((f) => String((c[k] as unknown as Record<string, number>)[f])).join(',')})`);
  return on.length ? on.join('-') : 'off';
}

/** The augmentation a link's `aug` value names, or why it names none. */
export function decodeAugment(value: string): { augment: AugmentConfig } | { error: string } {
  const raw: Record<string, Record<string, unknown>> = { ...AUGMENT_OFF };
  if (value !== 'off') {
    for (const part of value.split('-')) {
      const m = /^([a-z]+)\(([^()]*)\)$/.exec(part);
      if (!m) return { error: `"${part}" is not a transform with its strengths, e.g. rotate(15)` };
      const [, short, list] = m;
      const entry = FIELDS.find(([s]) => s === short);
      if (!entry) return { error: `"${short}" is not a transform (shift, rotate, scale, thick, elastic)` };
      const [, k, fields] = entry;
      const numbers = list.split(',');
      if (numbers.length !== fields.length) return { error: `${short} takes ${fields.length === 1 ? 'one number' : `${fields.length} numbers`}` };
      raw[k] = { on: true, ...Object.fromEntries(fields.map((f, i) => [f, numbers[i].trim() === '' ? NaN : Number(numbers[i])])) };
    }
  }
  const checked = checkAugmentConfig(raw);
  return 'error' in checked ? { error: checked.error.charAt(0).toLowerCase() + checked.error.slice(1) } : { augment: checked.config };
}
