import type { DatasetId } from '../../data/datasets';

/** What a new saved run's default name is made of. */
export interface RunNameParts {
  dataset: DatasetId;
  classNames: readonly string[] | null;
  epochs: number;
  optimizer: string;
  learningRate: number;
}

let namer: ((parts: RunNameParts) => string) | null = null;

/**
 * A new run's name is data the user may rename, made once in the page's
 * language. The store words nothing itself: the page's entry (main.tsx) gives
 * it the function that does (i18n/defaultRunName.ts); without one (tests),
 * the worker names the run.
 */
export function setRunNamer(f: ((parts: RunNameParts) => string) | null): void {
  namer = f;
}

export const runNameFor = (parts: RunNameParts): string | undefined => namer?.(parts);
