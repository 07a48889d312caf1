import { i18n, type Translate } from '../../../i18n/i18n';

/**
 * A Dense unit's input i in words (in `t`'s language). After Flatten of a channels-last [h, w, c]
 * map, i = (y·w + x)·c + ch, so the input is "map ch+1, row y+1, col x+1"
 * (1-based like every number on screen); otherwise "input i+1".
 */
export function denseInputName(index: number, shape: readonly [number, number, number] | null, t: Translate = i18n.t): string {
  const word = t as unknown as (key: string, values: Record<string, unknown>) => string;
  if (!shape) return word('explain:dense.inputName', { n: index + 1 });
  const [, w, c] = shape;
  const ch = index % c;
  const p = Math.floor(index / c);
  return word('explain:dense.mapInputName', { map: ch + 1, row: Math.floor(p / w) + 1, col: (p % w) + 1 });
}
