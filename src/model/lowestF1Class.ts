/**
 * The class to point out as the weakest in a classification report: the lowest
 * F1 among classes that have images (a class without any has F1 0 only because
 * 0 / 0 counts as 0), the first one on a tie. -1 when no class has images or
 * all of those score the same, where no class stands out.
 */
export function lowestF1Class(rows: readonly { f1: number; support: number }[]): number {
  let worst = -1;
  let best = -Infinity;
  rows.forEach((r, i) => {
    if (r.support <= 0) return;
    if (worst < 0 || r.f1 < rows[worst].f1) worst = i;
    best = Math.max(best, r.f1);
  });
  return worst >= 0 && rows[worst].f1 < best ? worst : -1;
}
