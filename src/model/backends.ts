/**
 * The tfjs backends Convscope can train on, and how to order them. Pure, so
 * that the page (the override menu, the rates) and the worker (which one to
 * start) share one list.
 */

/** In the order tried before any has been measured: wasm starts fastest and beats emulated WebGL. */
export const BACKEND_NAMES = ['wasm', 'webgl', 'cpu'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

/** 'auto' trains on the fastest backend measured; a name overrides it. */
export type BackendChoice = 'auto' | BackendName;
export const BACKEND_CHOICES: readonly BackendChoice[] = ['auto', ...BACKEND_NAMES];

export function isBackendName(s: unknown): s is BackendName {
  return (BACKEND_NAMES as readonly unknown[]).includes(s);
}

export function isBackendChoice(s: unknown): s is BackendChoice {
  return s === 'auto' || isBackendName(s);
}

/** One backend's measured training speed. */
export interface BackendRate {
  name: BackendName;
  /** Training images per second of the measured network; null when it could not start. */
  imagesPerSec: number | null;
  /** Why it could not start or measure. */
  error?: string;
}

/**
 * The backends to try, best first: the user's choice, then the measured ones
 * fastest first, then the unmeasured ones in BACKEND_NAMES order. Backends
 * in `failed` (or that failed to measure) come never.
 */
export function rankBackends(rates: readonly BackendRate[], choice: BackendChoice, failed: ReadonlySet<string> = new Set()): BackendName[] {
  const rateOf = new Map(rates.map((r) => [r.name, r]));
  const usable = BACKEND_NAMES.filter((n) => !failed.has(n) && rateOf.get(n)?.imagesPerSec !== null);
  const measured = usable.filter((n) => rateOf.has(n)).sort((a, b) => (rateOf.get(b)?.imagesPerSec ?? 0) - (rateOf.get(a)?.imagesPerSec ?? 0));
  const ranked = [...measured, ...usable.filter((n) => !rateOf.has(n))];
  if (choice === 'auto' || failed.has(choice)) return ranked;
  return [choice, ...ranked.filter((n) => n !== choice)];
}
