/**
 * The short line under a gallery image: "7 → 2 · 98%" for a wrong prediction
 * (true → predicted · confidence), "7 · 98%" for a right one. The confidence
 * is rounded to a whole percent, but never shown as 100% (or 0%) unless it is:
 * a wrong answer at 99.7% reads ">99%".
 *
 * @param confidence the model's probability of `predicted`, in [0, 1]
 */
export function galleryCaption(trueName: string, predictedName: string, confidence: number): string {
  return `${trueName === predictedName ? trueName : `${trueName} → ${predictedName}`} · ${percent(confidence)}`;
}

function percent(p: number): string {
  if (!Number.isFinite(p)) return '—';
  const r = Math.round(p * 100);
  if (r >= 100 && p < 1) return '>99%';
  if (r <= 0 && p > 0) return '<1%';
  return `${r}%`;
}
