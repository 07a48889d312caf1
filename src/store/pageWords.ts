import type { DatasetId } from '../data/datasets';
import { DEFAULT_CLASS_NAME } from '../drawings/drawingSet';

/** What a new saved run's default name is made of. */
export interface RunNameParts {
  dataset: DatasetId;
  classNames: readonly string[] | null;
  epochs: number;
  optimizer: string;
  learningRate: number;
}

/**
 * Names the store gives new things, which become the user's data (renamed at
 * will): made once, in the page's language. The store words nothing itself:
 * the page's entry (main.tsx) gives it the functions that do; without them
 * (tests), runs are named by the worker and classes in English.
 */
export interface PageWords {
  runName(parts: RunNameParts): string;
  className(n: number): string;
}

let words: PageWords | null = null;

export function setPageWords(w: PageWords | null): void {
  words = w;
}

/** A new saved run's name, or undefined to let the worker name it. */
export const runNameFor = (parts: RunNameParts): string | undefined => words?.runName(parts);

/** The default name of new class `n` ("Class 3", "클래스 3"). */
export const newClassName = (n: number): string => (words ? words.className(n) : DEFAULT_CLASS_NAME(n));
