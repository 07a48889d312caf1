import type { Batch } from '../../engine/trainStep';

/**
 * A few images of a training batch as bytes, for the live grid of what the
 * network is trained on: up to `max` of them, the dataset's first and then,
 * when the last `mixed` images of the batch are mixed in (the user's
 * drawings), up to half the sample from those, so that both show.
 */
export function batchSample(batch: Batch, pixelsPerImage: number, max: number, mixed: number): { images: Uint8Array; labels: Uint8Array; count: number } {
  const fromMix = Math.min(mixed, batch.n, Math.floor(max / 2));
  const fromMain = Math.min(batch.n - mixed, max - fromMix);
  const picks = [
    ...Array.from({ length: Math.max(0, fromMain) }, (_, i) => i),
    ...Array.from({ length: fromMix }, (_, i) => batch.n - mixed + i),
  ];
  const images = new Uint8Array(picks.length * pixelsPerImage);
  const labels = new Uint8Array(picks.length);
  picks.forEach((src, i) => {
    const from = src * pixelsPerImage;
    for (let p = 0; p < pixelsPerImage; p++) images[i * pixelsPerImage + p] = Math.round(Math.min(1, Math.max(0, batch.x[from + p])) * 255);
    labels[i] = batch.y[src];
  });
  return { images, labels, count: picks.length };
}
