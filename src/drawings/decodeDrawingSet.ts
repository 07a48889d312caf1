/**
 * Reads a drawing set from untrusted data: what IndexedDB hands back (another
 * version of the page may have written it) and an imported file. The field
 * checks live here once; the two differ only in how a drawing's pixels are
 * kept (bytes in IndexedDB, base64 text in a file), which the caller reads.
 */
import { DIGIT_NAMES, DRAWING_PIXELS, MAX_CLASSES, MIN_CLASSES, type Drawing, type DrawingSet, type DrawingSetKind } from './drawingSet';
import { isRecord } from '../model/keras/topologyError';

const KINDS: readonly DrawingSetKind[] = ['digits', 'classes'];

/** A value as the user would recognise it in their file. */
function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}

/** Whether `value` is a Uint8Array, also one from another realm (structured clone in some environments). */
const isBytes = (value: unknown): value is Uint8Array => Object.prototype.toString.call(value) === '[object Uint8Array]';

function readClassNames(kind: DrawingSetKind, raw: unknown): string[] | string {
  if (!Array.isArray(raw) || !raw.every((n) => typeof n === 'string')) return `"classNames" must be a list of names, got ${show(raw)}`;
  const names = raw as string[];
  if (kind === 'digits') {
    const digits = names.length === DIGIT_NAMES.length && names.every((n, i) => n === DIGIT_NAMES[i]);
    return digits ? [...DIGIT_NAMES] : `A digits set's "classNames" must be exactly ${DIGIT_NAMES.map((d) => `"${d}"`).join(', ')}`;
  }
  if (names.length < MIN_CLASSES || names.length > MAX_CLASSES) {
    return `A classes set has ${MIN_CLASSES} to ${MAX_CLASSES} classes; this one has ${names.length}`;
  }
  // Names are kept as typed (a reload may come mid-edit): checkClassNames judges them, not this.
  return [...names];
}

function readDrawing(raw: unknown, at: string, classCount: number, readPixels: (raw: unknown) => Uint8Array | null): Drawing | string {
  if (!isRecord(raw)) return `${at} must be an object, got ${show(raw)}`;
  const { id, label, createdAt, pixels } = raw;
  if (typeof id !== 'string' || id === '') return `${at} has no id (got ${show(id)})`;
  if (typeof label !== 'number' || !Number.isInteger(label) || label < 0 || label >= classCount) {
    return `${at}: its label must be a class number from 0 to ${classCount - 1}, got ${show(label)}`;
  }
  if (typeof createdAt !== 'number' || !Number.isFinite(createdAt)) return `${at}: "createdAt" must be a time in milliseconds, got ${show(createdAt)}`;
  const bytes = readPixels(pixels);
  if (bytes === null || bytes.length !== DRAWING_PIXELS) return `${at}: its pixels are not ${DRAWING_PIXELS} bytes (28×28)`;
  return { id, label, createdAt, pixels: bytes };
}

/**
 * Checks every field of a drawing set and builds it, or says what is wrong
 * with the first bad field (which drawing, counting from 1, and what):
 * `kind` is 'digits' or 'classes'; `classNames` are exactly the ten digits for
 * digits, 2–10 strings for classes; each drawing has a non-empty id of its own,
 * an integer label within the classes, a finite `createdAt` and pixels that
 * `readPixels` turns into DRAWING_PIXELS bytes (null: unreadable). Other fields are ignored.
 */
export function readDrawingSet(value: unknown, readPixels: (raw: unknown) => Uint8Array | null): { set: DrawingSet } | { error: string } {
  if (!isRecord(value)) return { error: `A drawing set must be an object, got ${show(value)}` };
  const kind = value.kind;
  if (typeof kind !== 'string' || !(KINDS as readonly string[]).includes(kind)) {
    return { error: `"kind" must be "digits" or "classes", got ${show(kind)}` };
  }
  const classNames = readClassNames(kind as DrawingSetKind, value.classNames);
  if (typeof classNames === 'string') return { error: classNames };
  if (!Array.isArray(value.drawings)) return { error: `"drawings" must be a list, got ${show(value.drawings)}` };
  const drawings: Drawing[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < value.drawings.length; i++) {
    const at = `Drawing ${i + 1}`;
    const drawing = readDrawing(value.drawings[i], at, classNames.length, readPixels);
    if (typeof drawing === 'string') return { error: drawing };
    const first = seen.get(drawing.id);
    if (first !== undefined) return { error: `${at} has the same id as drawing ${first + 1}` };
    seen.set(drawing.id, i);
    drawings.push(drawing);
  }
  return { set: { kind: kind as DrawingSetKind, classNames, drawings } };
}

/**
 * A drawing set as IndexedDB handed it back (pixels stored as a Uint8Array),
 * or null when it is not one (another version wrote something else, or it is damaged).
 */
export function decodeDrawingSet(value: unknown): DrawingSet | null {
  const read = readDrawingSet(value, (raw) => (isBytes(raw) ? new Uint8Array(raw) : null));
  return 'set' in read ? read.set : null;
}
