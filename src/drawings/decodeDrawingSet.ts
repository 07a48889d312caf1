/**
 * Reads a drawing set from untrusted data: what IndexedDB hands back (another
 * version of the page may have written it) and an imported file. The field
 * checks live here once; the two differ only in how a drawing's pixels are
 * kept (bytes in IndexedDB, base64 text in a file), which the caller reads.
 */
import { DIGIT_NAMES, DRAWING_PIXELS, MAX_CLASSES, MIN_CLASSES, type Drawing, type DrawingSet, type DrawingSetKind } from './drawingSet';
import { isRecord } from '../model/keras/topologyError';
import { message, type Message, type MessageValue } from '../model/message';

const KINDS: readonly DrawingSetKind[] = ['digits', 'classes'];

/** A value as the user would recognise it in their file. */
function show(value: unknown): MessageValue {
  if (value === undefined) return message('drawings:read.nothing');
  if (value === null) return message('drawings:read.null');
  if (Array.isArray(value)) return message('drawings:read.list');
  if (typeof value === 'object') return message('drawings:read.object');
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}

/** Whether `value` is a Uint8Array, also one from another realm (structured clone in some environments). */
const isBytes = (value: unknown): value is Uint8Array => Object.prototype.toString.call(value) === '[object Uint8Array]';

function readClassNames(kind: DrawingSetKind, raw: unknown): string[] | Message {
  if (!Array.isArray(raw) || !raw.every((n) => typeof n === 'string')) return message('drawings:read.classNames', { got: show(raw) });
  const names = raw as string[];
  if (kind === 'digits') {
    const digits = names.length === DIGIT_NAMES.length && names.every((n, i) => n === DIGIT_NAMES[i]);
    return digits ? [...DIGIT_NAMES] : message('drawings:read.digitNames', { digits: DIGIT_NAMES.map((d) => `"${d}"`).join(', ') });
  }
  if (names.length < MIN_CLASSES || names.length > MAX_CLASSES) {
    return message('drawings:read.classCount', { min: MIN_CLASSES, max: MAX_CLASSES, n: names.length });
  }
  // Names are kept as typed (a reload may come mid-edit): checkClassNames judges them, not this.
  return [...names];
}

/** Drawing number `n` (counting from 1), or what is wrong with it. */
function readDrawing(raw: unknown, n: number, classCount: number, readPixels: (raw: unknown) => Uint8Array | null): Drawing | Message {
  if (!isRecord(raw)) return message('drawings:read.drawingNotObject', { n, got: show(raw) });
  const { id, label, createdAt, pixels } = raw;
  if (typeof id !== 'string' || id === '') return message('drawings:read.noId', { n, got: show(id) });
  if (typeof label !== 'number' || !Number.isInteger(label) || label < 0 || label >= classCount) {
    return message('drawings:read.label', { n, max: classCount - 1, got: show(label) });
  }
  if (typeof createdAt !== 'number' || !Number.isFinite(createdAt)) return message('drawings:read.createdAt', { n, got: show(createdAt) });
  const bytes = readPixels(pixels);
  if (bytes === null || bytes.length !== DRAWING_PIXELS) return message('drawings:read.pixels', { n, bytes: DRAWING_PIXELS });
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
export function readDrawingSet(value: unknown, readPixels: (raw: unknown) => Uint8Array | null): { set: DrawingSet } | { error: Message } {
  if (!isRecord(value)) return { error: message('drawings:read.notObject', { got: show(value) }) };
  const kind = value.kind;
  if (typeof kind !== 'string' || !(KINDS as readonly string[]).includes(kind)) {
    return { error: message('drawings:read.kind', { got: show(kind) }) };
  }
  const classNames = readClassNames(kind as DrawingSetKind, value.classNames);
  if (!Array.isArray(classNames)) return { error: classNames };
  if (!Array.isArray(value.drawings)) return { error: message('drawings:read.drawings', { got: show(value.drawings) }) };
  const drawings: Drawing[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < value.drawings.length; i++) {
    const drawing = readDrawing(value.drawings[i], i + 1, classNames.length, readPixels);
    if (!('pixels' in drawing)) return { error: drawing };
    const first = seen.get(drawing.id);
    if (first !== undefined) return { error: message('drawings:read.sameId', { n: i + 1, first: first + 1 }) };
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
