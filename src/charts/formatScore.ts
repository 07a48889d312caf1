/**
 * A score as Python's `format(v, '.2f')` writes it, which is what sklearn's
 * `classification_report` prints: the nearest decimal, and on an exact tie the
 * even last digit (0.125 → "0.12", 0.375 → "0.38"). `Number.toFixed` rounds
 * exact ties up (0.125 → "0.13"), so those few values are handled here.
 * Non-finite values (an accuracy over no images) give "—".
 */
export function formatScore(v: number, digits = 2): string {
  if (!Number.isFinite(v)) return '—';
  const scale = 10 ** digits;
  const x = v * scale;
  const k = Math.floor(x);
  // An exact tie is (2k + 1) / (2·10^digits), a binary fraction only when 5^digits divides 2k + 1;
  // then the division below is exact and the comparison tells a tie from its neighbours.
  if (x - k === 0.5 && (2 * k + 1) % 5 ** digits === 0 && v === (2 * k + 1) / (2 * scale)) {
    const even = Math.abs(k % 2) === 0 ? k : k + 1;
    return (even / scale).toFixed(digits);
  }
  return v.toFixed(digits);
}
