/**
 * One JSON file per drawing set, so a user can keep their drawings outside
 * the browser, move them to another machine, or share them; and importing
 * merges into what is already there rather than replacing it.
 */
import { decodeBase64, encodeBase64 } from './base64';
import { classNameKey, MAX_CLASSES, type Drawing, type DrawingSet, type DrawingSetKind } from './drawingSet';
import { readDrawingSet } from './decodeDrawingSet';
import { message, type Message } from '../model/message';

/** The `format` tag of a drawings file, so a stray JSON file is recognised as not ours. */
export const DRAWINGS_FORMAT = 'convscope-drawings';
export const DRAWINGS_VERSION = 1;

/**
 * The set as a drawings file: the header and class names readable, each
 * drawing's 784 bytes as base64 (a quarter of the size of a list of numbers).
 */
export function serializeDrawings(set: DrawingSet): string {
  return JSON.stringify(
    {
      format: DRAWINGS_FORMAT,
      version: DRAWINGS_VERSION,
      kind: set.kind,
      classNames: set.classNames,
      drawings: set.drawings.map((d) => ({ id: d.id, label: d.label, createdAt: d.createdAt, pixels: encodeBase64(d.pixels) })),
    },
    null,
    2,
  );
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The file's name: what it holds and the local time, so a second export
 * never collides with the first. E.g. convscope-handwriting-20261129-0312.json,
 * convscope-classes-3-20261129-0312.json (3 classes).
 */
export function drawingsFileName(set: DrawingSet, now: Date): string {
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
  const what = set.kind === 'digits' ? 'handwriting' : `classes-${set.classNames.length}`;
  return `convscope-${what}-${stamp}.json`;
}

/**
 * Reads a drawings file (untrusted text) into a set, or says clearly what is
 * wrong: not JSON, JSON but not a drawings file, another version, or the first
 * bad field (which drawing and what is wrong with it).
 */
export function parseDrawingsFile(text: string): { set: DrawingSet } | { error: Message } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { error: message('drawings:file.notJson') };
  }
  if (typeof json !== 'object' || json === null || !('format' in json) || json.format !== DRAWINGS_FORMAT) {
    return { error: message('drawings:file.notOurs') };
  }
  const version = 'version' in json ? json.version : undefined;
  if (version !== DRAWINGS_VERSION) {
    return {
      error: typeof version === 'number'
        ? message('drawings:file.version', { version, expected: DRAWINGS_VERSION })
        : message('drawings:file.noVersion', { expected: DRAWINGS_VERSION }),
    };
  }
  const read = readDrawingSet(json, (raw) => (typeof raw === 'string' ? decodeBase64(raw) : null));
  return 'error' in read ? { error: message('drawings:file.damaged', { why: read.error }) } : read;
}

const KIND_NAMES: Record<DrawingSetKind, Message> = { digits: message('drawings:file.kindDigits'), classes: message('drawings:file.kindClasses') };

/**
 * Merges an imported set into the current one of the same kind, losing
 * nothing: classes are matched by name (trimmed, case-insensitive), new names
 * are added at the end (an error, and the current set untouched, when that
 * would pass MAX_CLASSES), drawings whose id is already present are skipped
 * (importing the same file twice is a no-op, and gives back `current` itself),
 * and labels are remapped to the merged class list. An error when the kinds differ.
 */
export function mergeDrawings(
  current: DrawingSet,
  incoming: DrawingSet,
): { set: DrawingSet; added: number; skipped: number; newClasses: number } | { error: Message } {
  if (current.kind !== incoming.kind) {
    return { error: message('drawings:file.otherKind', { incoming: KIND_NAMES[incoming.kind], current: KIND_NAMES[current.kind] }) };
  }
  const classNames = [...current.classNames];
  const indexOf = new Map<string, number>();
  classNames.forEach((name, i) => {
    if (!indexOf.has(classNameKey(name))) indexOf.set(classNameKey(name), i);
  });
  const remap = incoming.classNames.map((name) => {
    const key = classNameKey(name);
    let index = indexOf.get(key);
    if (index === undefined) {
      index = classNames.push(name.trim()) - 1;
      indexOf.set(key, index);
    }
    return index;
  });
  const newClasses = classNames.length - current.classNames.length;
  if (classNames.length > MAX_CLASSES) {
    return { error: message('drawings:file.tooManyClasses', { total: classNames.length, added: newClasses, max: MAX_CLASSES }) };
  }
  const ids = new Set(current.drawings.map((d) => d.id));
  const added: Drawing[] = [];
  for (const d of incoming.drawings) {
    if (ids.has(d.id)) continue;
    ids.add(d.id);
    added.push({ ...d, label: remap[d.label] });
  }
  const skipped = incoming.drawings.length - added.length;
  if (added.length === 0 && newClasses === 0) return { set: current, added: 0, skipped, newClasses: 0 };
  return { set: { ...current, classNames, drawings: [...current.drawings, ...added] }, added: added.length, skipped, newClasses };
}
