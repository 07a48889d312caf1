import type { Batch } from '../trainStep';

/**
 * A batch cut into `shares` consecutive shares whose sizes differ by at most
 * one (the larger first), each with its own copy of its images and labels, so
 * that it can be transferred to another worker. Fewer shares when the batch
 * has fewer images; never an empty one.
 */
export function shareBatch(batch: Batch, shares: number): Batch[] {
  const k = Math.max(1, Math.min(Math.floor(shares), batch.n));
  const pixels = batch.x.length / batch.n;
  const out: Batch[] = [];
  let from = 0;
  for (let i = 0; i < k; i++) {
    const n = Math.floor(batch.n / k) + (i < batch.n % k ? 1 : 0);
    out.push({ n, x: batch.x.slice(from * pixels, (from + n) * pixels), y: batch.y.slice(from, from + n) });
    from += n;
  }
  return out;
}
