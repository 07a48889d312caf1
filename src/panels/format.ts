/** Display formats shared by the panels. */
import { i18n, wordMessage, type Translate } from '../i18n/i18n';
import { message, type Message } from '../model/message';

/** 0.9045 -> "90.45%"; NaN/undefined -> "—". */
export function formatPercent(v: number | undefined | null, digits = 2): string {
  return v === undefined || v === null || !Number.isFinite(v) ? '—' : `${(v * 100).toFixed(digits)}%`;
}

/**
 * A duration as a message: "45 s", "3 min 05 s", "1 h 02 min" in English,
 * "45초", "3분 05초", "1시간 02분" in Korean; null for no duration.
 */
export function durationMessage(ms: number | null | undefined): Message | null {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return null;
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return message('results:duration.seconds', { s });
  const m = Math.floor(s / 60);
  if (m < 60) return message('results:duration.minutes', { m, s: String(s % 60).padStart(2, '0') });
  return message('results:duration.hours', { h: Math.floor(m / 60), m: String(m % 60).padStart(2, '0') });
}

/** A duration in the page's language (or `t`'s); null -> "—". */
export function formatDuration(ms: number | null | undefined, t: Translate = i18n.t): string {
  const m = durationMessage(ms);
  return m ? wordMessage(m, t) : '—';
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
