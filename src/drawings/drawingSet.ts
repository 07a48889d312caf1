/**
 * The user's own drawings, kept as small datasets: "digits" (their handwriting
 * of 0–9, to fine-tune an MNIST model on) and "classes" (2–10 classes they
 * name, to train a CNN from scratch). Pure functions over immutable sets, so
 * the store can hold a set as state and every edit is a new set.
 */
import { mulberry32, shuffleInPlace } from '../data/random';
import { message, type Message } from '../model/message';

export const DRAWING_ROWS = 28;
export const DRAWING_COLS = 28;
/** Bytes in one drawing's pixels. */
export const DRAWING_PIXELS = DRAWING_ROWS * DRAWING_COLS;

export type DrawingSetKind = 'digits' | 'classes';

/** One example: `pixels` are DRAWING_PIXELS bytes, row by row, 0 = background, 255 = full ink (MNIST-style). */
export interface Drawing {
  id: string;
  label: number;
  pixels: Uint8Array;
  createdAt: number;
}

/** A dataset of drawings; each drawing's label indexes `classNames`. */
export interface DrawingSet {
  kind: DrawingSetKind;
  classNames: readonly string[];
  drawings: readonly Drawing[];
}

/** The digits set's classes: fixed, in MNIST's label order. */
export const DIGIT_NAMES: readonly string[] = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

export const MIN_CLASSES = 2;
export const MAX_CLASSES = 10;
/** Fewer than this per class and a CNN trained from scratch learns nothing worth showing. */
export const MIN_PER_CLASS = 10;
const MAX_CLASS_NAME = 24;
/** Drawings a digits set needs before fine-tuning on it means anything. */
const MIN_FINE_TUNE = 10;

/** Ink below this (on the [0,1] scale) is the pad's anti-aliasing haze or preprocessing noise, not a stroke. */
const INK_THRESHOLD = 0.1;
const INK_THRESHOLD_BYTES = Math.round(INK_THRESHOLD * 255);

/** A new set, or why not (worded by the page). */
type Result = { set: DrawingSet } | { error: Message };

/** The default name of new class `n`, in English; the page gives names in its language (store/pageWords.ts). */
export const DEFAULT_CLASS_NAME = (n: number): string => `Class ${n}`;

/** A set with nothing drawn: digits get the ten digits, classes the two a user must have at least (named by `name`). */
export function emptyDrawingSet(kind: DrawingSetKind, name: (n: number) => string = DEFAULT_CLASS_NAME): DrawingSet {
  return { kind, classNames: kind === 'digits' ? DIGIT_NAMES : [name(1), name(2)], drawings: [] };
}

/** Drawings per class, in class order (a label outside the classes, which decoding never lets in, is not counted). */
export function countByClass(set: DrawingSet): number[] {
  const counts = set.classNames.map(() => 0);
  for (const d of set.drawings) if (d.label >= 0 && d.label < counts.length) counts[d.label]++;
  return counts;
}

/** The pad's [0,1] floats as bytes, the way the drawings are kept (a quarter of the size): rounded, clamped to 0–255, NaN as 0. */
export function toBytes(pixels: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(pixels.length);
  for (let i = 0; i < pixels.length; i++) {
    const v = pixels[i];
    out[i] = v > 0 ? Math.round(Math.min(v, 1) * 255) : 0;
  }
  return out;
}

/**
 * Whether anything was drawn, so an empty pad is never kept as an example.
 * A Uint8Array or Uint8ClampedArray is read as bytes (0–255); anything else as [0,1] floats.
 */
export function hasInk(pixels: ArrayLike<number>): boolean {
  const bytes = pixels instanceof Uint8Array || pixels instanceof Uint8ClampedArray;
  const threshold = bytes ? INK_THRESHOLD_BYTES : INK_THRESHOLD;
  for (let i = 0; i < pixels.length; i++) if (pixels[i] > threshold) return true;
  return false;
}

/** A fresh id for a drawing, unique enough that merging two exported files never confuses two drawings. */
export function newDrawingId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Whether `label` names one of the set's classes. */
function isLabel(set: DrawingSet, label: number): boolean {
  return Number.isInteger(label) && label >= 0 && label < set.classNames.length;
}

/**
 * Adds a drawing from the pad ([0,1] floats, stored as bytes) with class `label`.
 * Refuses an empty drawing ("The drawing is empty: draw something first"), a
 * label out of range, pixels that are not DRAWING_PIXELS long, and an id already in the set.
 */
export function addDrawing(set: DrawingSet, label: number, pixels: ArrayLike<number>, id: string, now: number): Result {
  if (pixels.length !== DRAWING_PIXELS) {
    return { error: message('drawings:set.wrongSize', { pixels: DRAWING_PIXELS, rows: DRAWING_ROWS, cols: DRAWING_COLS, got: pixels.length }) };
  }
  if (!isLabel(set, label)) return { error: message('drawings:set.noClass', { label, n: set.classNames.length }) };
  if (set.drawings.some((d) => d.id === id)) return { error: message('drawings:set.duplicateId', { id }) };
  const bytes = toBytes(pixels);
  if (!hasInk(bytes)) return { error: message('drawings:set.empty') };
  return { set: { ...set, drawings: [...set.drawings, { id, label, pixels: bytes, createdAt: now }] } };
}

/** The set without the drawing `id`; the same set when there is none. */
export function removeDrawing(set: DrawingSet, id: string): DrawingSet {
  const drawings = set.drawings.filter((d) => d.id !== id);
  return drawings.length === set.drawings.length ? set : { ...set, drawings };
}

/** How class names are compared: as the user reads them, ignoring case and surrounding spaces. */
export function classNameKey(name: string): string {
  return name.trim().toLowerCase();
}

/** Whether two lists name the same classes in the same order (a network's outputs are its classes, by position). */
export function sameClassNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((n, i) => classNameKey(n) === classNameKey(b[i]));
}

const FIXED_DIGITS = message('drawings:set.fixedDigits');

/** Adds a class named `name(N)`, 'Class N' by default (the first N no class is called), up to MAX_CLASSES; a 'classes' set only. */
export function addClass(set: DrawingSet, name: (n: number) => string = DEFAULT_CLASS_NAME): Result {
  if (set.kind === 'digits') return { error: FIXED_DIGITS };
  if (set.classNames.length >= MAX_CLASSES) return { error: message('drawings:set.maxClasses', { max: MAX_CLASSES }) };
  const taken = new Set(set.classNames.map(classNameKey));
  let n = 1;
  while (taken.has(classNameKey(name(n)))) n++;
  return { set: { ...set, classNames: [...set.classNames, name(n)] } };
}

/**
 * Removes class `index` of a 'classes' set with its drawings; the classes
 * after it move down one, and so do their drawings' labels. Never below MIN_CLASSES.
 */
export function removeClass(set: DrawingSet, index: number): Result {
  if (set.kind === 'digits') return { error: FIXED_DIGITS };
  if (!isLabel(set, index)) return { error: message('drawings:set.noClass', { label: index, n: set.classNames.length }) };
  if (set.classNames.length <= MIN_CLASSES) return { error: message('drawings:set.minClasses', { min: MIN_CLASSES }) };
  return {
    set: {
      ...set,
      classNames: set.classNames.filter((_, i) => i !== index),
      drawings: set.drawings.filter((d) => d.label !== index).map((d) => (d.label > index ? { ...d, label: d.label - 1 } : d)),
    },
  };
}

/**
 * Renames class `index` of a 'classes' set, keeping the name exactly as typed
 * (the user may be halfway through it; checkClassNames says what is wrong).
 * A digits set, or an index that is no class, comes back unchanged.
 */
export function renameClass(set: DrawingSet, index: number, name: string): DrawingSet {
  if (set.kind === 'digits' || !isLabel(set, index)) return set;
  return { ...set, classNames: set.classNames.map((n, i) => (i === index ? name : n)) };
}

/**
 * For each class name, null or why it is wrong: empty ("Name this class"),
 * longer than MAX_CLASS_NAME, or the same as another class's (compared
 * trimmed and ignoring case; every one of the same-named classes is marked).
 */
export function checkClassNames(names: readonly string[]): (Message | null)[] {
  const uses = new Map<string, number>();
  for (const name of names) uses.set(classNameKey(name), (uses.get(classNameKey(name)) ?? 0) + 1);
  return names.map((name) => {
    const trimmed = name.trim();
    if (trimmed === '') return message('drawings:set.nameEmpty');
    if (trimmed.length > MAX_CLASS_NAME) return message('drawings:set.nameTooLong', { max: MAX_CLASS_NAME, n: trimmed.length });
    if ((uses.get(classNameKey(name)) ?? 0) > 1) return message('drawings:set.nameTaken', { name: trimmed });
    return null;
  });
}

/**
 * Why a 'classes' set cannot train yet, or null: fewer than MIN_CLASSES, a bad
 * name (which class: its number, since it may have no name), or a class with
 * fewer than MIN_PER_CLASS drawings, named with its count. The first problem only.
 */
export function classesBlocker(set: DrawingSet): Message | null {
  if (set.classNames.length < MIN_CLASSES) return message('drawings:set.fewClasses', { min: MIN_CLASSES });
  const problems = checkClassNames(set.classNames);
  const bad = problems.findIndex((p) => p !== null);
  if (bad >= 0) return message('drawings:set.badName', { n: bad + 1, problem: problems[bad]! });
  const counts = countByClass(set);
  const few = counts.findIndex((c) => c < MIN_PER_CLASS);
  if (few >= 0) {
    return message('drawings:set.fewExamples', { min: MIN_PER_CLASS, name: set.classNames[few].trim(), n: counts[few] });
  }
  return null;
}

/** Each class's drawing indices, in drawing order. */
function indicesByClass(set: DrawingSet): number[][] {
  const groups: number[][] = set.classNames.map(() => []);
  set.drawings.forEach((d, i) => groups[d.label]?.push(i));
  return groups;
}

/** A class's own seed, so adding a drawing of one class never changes which drawings of another are held out. */
const classSeed = (seed: number, label: number) => (seed + Math.imul(label + 1, 0x9e3779b9)) >>> 0;

/**
 * Which drawings are held out to measure fine-tuning, deterministically: a
 * class with n ≥ 2 drawings holds out max(1, round(n/5)) of them, picked by a
 * seeded shuffle (mulberry32) of that class's drawings in drawing order; a
 * class with one drawing keeps it for training. Each class shuffles with its
 * own stream derived from `seed`, so drawing more of one class leaves the
 * others' split as it was. Returns indices into set.drawings, each sorted ascending.
 */
export function heldOutSplit(set: DrawingSet, seed: number): { train: number[]; heldOut: number[] } {
  const train: number[] = [];
  const heldOut: number[] = [];
  indicesByClass(set).forEach((group, label) => {
    const n = group.length;
    const k = n >= 2 ? Math.max(1, Math.round(n / 5)) : 0;
    const shuffled = [...group];
    shuffleInPlace(shuffled, mulberry32(classSeed(seed, label)));
    heldOut.push(...shuffled.slice(0, k));
    train.push(...shuffled.slice(k));
  });
  const ascending = (a: number, b: number) => a - b;
  return { train: train.sort(ascending), heldOut: heldOut.sort(ascending) };
}

/**
 * Why a digits set cannot fine-tune yet, or null: fewer than MIN_FINE_TUNE
 * drawings in all, or none that can be held out (every digit drawn at most
 * once). Says how many more to draw.
 */
export function fineTuneBlocker(set: DrawingSet): Message | null {
  const total = set.drawings.length;
  if (total < MIN_FINE_TUNE) {
    const more = MIN_FINE_TUNE - total;
    return message('drawings:fineTune.moreDigits', { count: more, min: MIN_FINE_TUNE, total });
  }
  if (!countByClass(set).some((c) => c >= 2)) {
    return message('drawings:fineTune.noHeldOut');
  }
  return null;
}

/** A 'classes' set as a run on it takes it: its class names, and every drawing packed. */
export function ownClassesData(set: DrawingSet): { classNames: string[]; pixels: Uint8Array; labels: Uint8Array; count: number } {
  return { classNames: [...set.classNames], ...packImages(set) };
}

/**
 * The drawings at `indices` (all by default) packed for the worker: `count`
 * images of DRAWING_PIXELS bytes back to back, and their labels.
 * @throws RangeError for an index that is no drawing
 */
export function packImages(
  set: DrawingSet,
  indices?: readonly number[],
): { pixels: Uint8Array; labels: Uint8Array; count: number } {
  const picked = indices ?? set.drawings.map((_, i) => i);
  const count = picked.length;
  const pixels = new Uint8Array(count * DRAWING_PIXELS);
  const labels = new Uint8Array(count);
  picked.forEach((index, k) => {
    const d = set.drawings[index];
    if (!Number.isInteger(index) || d === undefined) throw new RangeError(`index ${index} is no drawing (the set has ${set.drawings.length})`);
    pixels.set(d.pixels, k * DRAWING_PIXELS);
    labels[k] = d.label;
  });
  return { pixels, labels, count };
}
