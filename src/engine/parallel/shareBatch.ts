import type { Batch } from '../trainStep';

/**
 * A batch cut into consecutive shares of `sizes` images (which add up to the
 * batch's), each with its own copy of its images and labels, so that it can
 * be transferred to another worker.
 */
export function shareBatch(batch: Batch, sizes: readonly number[]): Batch[] {
  if (sizes.reduce((a, b) => a + b, 0) !== batch.n || sizes.some((s) => !Number.isInteger(s) || s < 1)) {
    throw new Error(`Shares of ${sizes.join(' + ')} images do not make a batch of ${batch.n}`);
  }
  const pixels = batch.x.length / batch.n;
  const out: Batch[] = [];
  let from = 0;
  for (const n of sizes) {
    out.push({ n, x: batch.x.slice(from * pixels, (from + n) * pixels), y: batch.y.slice(from, from + n) });
    from += n;
  }
  return out;
}
