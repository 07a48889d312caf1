/**
 * Images of an n-image batch for each worker, in proportion to its speed
 * (`msPerImage`, lower is faster), so that all finish their shares together:
 * a helper on a slower core (a laptop's efficiency cores, a core the page's
 * drawing shares) gets fewer, and the step does not wait on it. Every worker
 * gets at least one image while there are enough; the sizes add up to n.
 * Unknown speeds (not finite, or not positive) count as the fastest known.
 */
export function balanceShares(n: number, msPerImage: readonly number[]): number[] {
  const k = Math.min(msPerImage.length, n);
  if (k <= 0) return [];
  const known = msPerImage.slice(0, k).filter((t) => Number.isFinite(t) && t > 0);
  const fastest = known.length > 0 ? Math.min(...known) : 1;
  const speed = msPerImage.slice(0, k).map((t) => 1 / (Number.isFinite(t) && t > 0 ? t : fastest));
  const total = speed.reduce((a, b) => a + b, 0);
  // Largest remainders: the sizes nearest the ideal that add up to n.
  const ideal = speed.map((v) => (v / total) * n);
  const sizes = ideal.map(Math.floor);
  let left = n - sizes.reduce((a, b) => a + b, 0);
  const order = ideal.map((v, i) => [v - Math.floor(v), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let j = 0; left > 0; j++, left--) sizes[order[j % k][1]]++;
  // At least one image each: taken from the largest share.
  for (let i = 0; i < k; i++) {
    if (sizes[i] > 0) continue;
    const largest = sizes.indexOf(Math.max(...sizes));
    sizes[largest]--;
    sizes[i] = 1;
  }
  return sizes;
}
