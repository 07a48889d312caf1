/**
 * A Dense unit's input i in words. After Flatten of a channels-last [h, w, c]
 * map, i = (y·w + x)·c + ch, so the input is "map ch+1, row y+1, col x+1"
 * (1-based like every number on screen); otherwise "input i+1".
 */
export function denseInputName(index: number, shape: readonly [number, number, number] | null): string {
  if (!shape) return `input ${index + 1}`;
  const [, w, c] = shape;
  const ch = index % c;
  const p = Math.floor(index / c);
  return `map ${ch + 1}, row ${Math.floor(p / w) + 1}, col ${(p % w) + 1}`;
}
