import { AUGMENT_OFF, checkAugmentConfig, type AugmentConfig } from './augmentConfig';
import { message, type Message } from './message';

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

const err = (key: string, values: Message['values']): { error: Message } => ({ error: message(`setup:augment.error.${key}`, values) });

/** The augmentation a link's `aug` value names, or why it names none (a message, its first word capitalised). */
export function decodeAugment(value: string): { augment: AugmentConfig } | { error: Message } {
  const raw: Record<string, Record<string, unknown>> = { ...AUGMENT_OFF };
  if (value !== 'off') {
    for (const part of value.split('-')) {
      const m = /^([a-z]+)\(([^()]*)\)$/.exec(part);
      if (!m) return err('notTransform', { part });
      const [, short, list] = m;
      const entry = FIELDS.find(([s]) => s === short);
      if (!entry) return err('unknownTransform', { short });
      const [, k, fields] = entry;
      const numbers = list.split(',');
      if (numbers.length !== fields.length) return fields.length === 1 ? err('takesOne', { short }) : err('takesMany', { short, count: fields.length });
      raw[k] = { on: true, ...Object.fromEntries(fields.map((f, i) => [f, numbers[i].trim() === '' ? NaN : Number(numbers[i])])) };
    }
  }
  const checked = checkAugmentConfig(raw);
  return 'error' in checked ? { error: checked.detail } : { augment: checked.config };
}
