/** One image of a gallery: which test image, its true class, the model's class and confidence. */
export interface GalleryPick {
  index: number;
  label: number;
  predicted: number;
  confidence: number;
}

/**
 * The images of one confusion cell (true `trueClass`, predicted `predClass`),
 * or with `cell` null the wrongly classified ones, most confident first, at
 * most `limit`; `total` counts all that qualify. `indices[i]` is the dataset
 * index of the image whose prediction is `predicted[i]` / `confidence[i]`;
 * `labels` is indexed by dataset index. Ties keep the dataset order.
 */
export function selectGallery(
  predictions: { predicted: ArrayLike<number>; confidence: ArrayLike<number> },
  indices: ArrayLike<number>,
  labels: ArrayLike<number>,
  cell: { trueClass: number; predClass: number } | null,
  limit = 100,
): { total: number; items: GalleryPick[] } {
  const { predicted, confidence } = predictions;
  const picks: GalleryPick[] = [];
  for (let i = 0; i < indices.length; i++) {
    const label = labels[indices[i]];
    const p = predicted[i];
    const wanted = cell ? label === cell.trueClass && p === cell.predClass : label !== p;
    if (wanted) picks.push({ index: indices[i], label, predicted: p, confidence: confidence[i] });
  }
  picks.sort((a, b) => b.confidence - a.confidence || a.index - b.index);
  return { total: picks.length, items: picks.slice(0, limit) };
}
