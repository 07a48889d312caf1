import { message, type Message } from '../model/message';

/**
 * Reads a 3×3 kernel typed by the reader: exactly 9 numbers separated by
 * spaces, commas, semicolons or newlines (so "1 0 -1; 2 0 -2; 1 0 -1" and a
 * pasted Python list both work, once brackets are dropped). Fractions such as
 * 1/9 are allowed because blur kernels are written that way.
 */
export function parseKernel(text: string): { kernel: number[] } | { error: Message } {
  // Brackets carry no meaning here; dropping them accepts [[1,0,-1],[...]].
  const tokens = text
    .replace(/[[\]()]/g, ' ')
    .split(/[\s,;]+/)
    .filter((t) => t !== '');
  const kernel: number[] = [];
  for (const token of tokens) {
    const value = parseNumber(token);
    if (value === undefined) return { error: message('explain:handFilters.notANumber', { token }) };
    kernel.push(value);
  }
  if (kernel.length !== 9) return { error: message('explain:handFilters.count', { got: kernel.length }) };
  return { kernel };
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A decimal or a fraction a/b; undefined for anything else (Number() would accept "0x10" or ""). */
function parseNumber(token: string): number | undefined {
  const parts = token.split('/');
  if (parts.length > 2 || !parts.every((p) => NUMBER.test(p))) return undefined;
  const value = parts.length === 2 ? Number(parts[0]) / Number(parts[1]) : Number(parts[0]);
  return Number.isFinite(value) ? value : undefined;
}
