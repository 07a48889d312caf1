/** Display formats shared by the panels. */

/** 0.9045 -> "90.45%"; NaN/undefined -> "—". */
export function formatPercent(v: number | undefined | null, digits = 2): string {
  return v === undefined || v === null || !Number.isFinite(v) ? '—' : `${(v * 100).toFixed(digits)}%`;
}

/** Milliseconds as "45 s", "3 min 05 s", "1 h 02 min"; null -> "—". */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

/** Loss values: 4 significant digits, exponent for huge ones. */
export function formatLoss(v: number | undefined): string {
  if (v === undefined || Number.isNaN(v)) return '—';
  if (!Number.isFinite(v) || Math.abs(v) >= 1e4) return v.toExponential(2);
  return v.toPrecision(4);
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

export function formatBytes(n: number): string {
  return n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${Math.round(n / 1e3)} kB`;
}
