import { describe, expect, it } from 'vitest';
import { wordMessage } from '../i18n/i18n';
import type { Message } from '../model/message';
import { encodeBase64 } from './base64';
import { DIGIT_NAMES, DRAWING_PIXELS, emptyDrawingSet, MAX_CLASSES, type Drawing, type DrawingSet } from './drawingSet';
import { drawingsFileName, DRAWINGS_FORMAT, DRAWINGS_VERSION, mergeDrawings, parseDrawingsFile, serializeDrawings } from './drawingsFile';

const drawing = (id: string, label: number, seed = 0): Drawing => ({
  id,
  label,
  createdAt: 1_700_000_000_000 + seed,
  pixels: Uint8Array.from({ length: DRAWING_PIXELS }, (_, i) => (i * 31 + seed * 7) & 255),
});

const classes = (names: string[], drawings: Drawing[]): DrawingSet => ({ kind: 'classes', classNames: names, drawings });
const digits = (drawings: Drawing[]): DrawingSet => ({ ...emptyDrawingSet('digits'), drawings });

/** A valid file's JSON, with some fields replaced. */
const file = (over: Record<string, unknown> = {}, drawingOver: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: DRAWINGS_FORMAT,
    version: DRAWINGS_VERSION,
    kind: 'classes',
    classNames: ['cat', 'dog'],
    drawings: [{ id: 'a', label: 0, createdAt: 1, pixels: encodeBase64(new Uint8Array(DRAWING_PIXELS).fill(3)) }, { id: 'b', label: 1, createdAt: 2, pixels: encodeBase64(new Uint8Array(DRAWING_PIXELS)), ...drawingOver }],
    ...over,
  });

/** The error, in English (the page's default language). */
function error(r: object): string {
  if (!('error' in r) || typeof r.error !== 'object') throw new Error(`expected an error, got ${JSON.stringify(r)}`);
  return wordMessage(r.error as Message);
}

function merged(r: ReturnType<typeof mergeDrawings>) {
  if ('error' in r) throw new Error(`unexpected error: ${wordMessage(r.error)}`);
  return r;
}

describe('serializeDrawings and parseDrawingsFile', () => {
  it('round-trips a set exactly', () => {
    for (const set of [
      classes(['cat', ' Dog ', ''], [drawing('x', 2, 1), drawing('y', 0, 2), drawing('z', 1, 3)]),
      digits([drawing('p', 9, 4), drawing('q', 0, 5)]),
      emptyDrawingSet('classes'),
    ]) {
      expect(parseDrawingsFile(serializeDrawings(set))).toEqual({ set });
    }
  });

  it('writes the documented layout, with pixels as base64', () => {
    const d = drawing('x', 3);
    const json = JSON.parse(serializeDrawings(digits([d])));
    expect(json).toEqual({
      format: 'convscope-drawings',
      version: 1,
      kind: 'digits',
      classNames: DIGIT_NAMES,
      drawings: [{ id: 'x', label: 3, createdAt: d.createdAt, pixels: encodeBase64(d.pixels) }],
    });
    expect(json.drawings[0].pixels).toHaveLength(1048);
    expect(serializeDrawings(digits([d]))).toContain('\n  "kind": "digits"');
  });

  it('names the file after what it holds and the local time', () => {
    const at = new Date(2026, 10, 29, 3, 12, 59);
    expect(drawingsFileName(emptyDrawingSet('digits'), at)).toBe('convscope-handwriting-20261129-0312.json');
    expect(drawingsFileName(classes(['a', 'b', 'c'], []), at)).toBe('convscope-classes-3-20261129-0312.json');
  });
});

describe('parseDrawingsFile errors', () => {
  it('reads a valid file', () => {
    const read = parseDrawingsFile(file());
    expect('set' in read && read.set.drawings.map((d) => d.pixels[0])).toEqual([3, 0]);
  });

  it('says when the file is not JSON', () => {
    expect(error(parseDrawingsFile('not json {'))).toContain('is not a JSON file');
    expect(error(parseDrawingsFile(''))).toContain('is not a JSON file');
  });

  it('says when the JSON is not a drawings file', () => {
    for (const text of ['[]', '3', 'null', '{"modelTopology": {}}', file({ format: 'convscope-architecture' })]) {
      expect(error(parseDrawingsFile(text))).toBe('This file is not a Convscope drawings file');
    }
  });

  it('says which version it is when it is another', () => {
    expect(error(parseDrawingsFile(file({ version: 2 })))).toBe('This drawings file is version 2; this page reads version 1');
    expect(error(parseDrawingsFile(file({ version: undefined })))).toContain('has no version number');
  });

  it('says which drawing is bad and why', () => {
    expect(error(parseDrawingsFile(file({}, { pixels: encodeBase64(new Uint8Array(100)) })))).toContain('Drawing 2: its pixels are not 784 bytes');
    expect(error(parseDrawingsFile(file({}, { pixels: 'not base64!' })))).toContain('Drawing 2: its pixels are not 784 bytes');
    expect(error(parseDrawingsFile(file({}, { pixels: [1, 2, 3] })))).toContain('Drawing 2: its pixels');
    expect(error(parseDrawingsFile(file({}, { label: 2 })))).toContain('Drawing 2: its label must be a class number from 0 to 1, got 2');
    expect(error(parseDrawingsFile(file({}, { id: 'a' })))).toContain('Drawing 2 has the same id as drawing 1');
  });

  it('refuses an unknown kind and class lists of the wrong size', () => {
    expect(error(parseDrawingsFile(file({ kind: 'letters' })))).toContain('"kind" must be "digits" or "classes", got "letters"');
    expect(error(parseDrawingsFile(file({ classNames: ['cat'], drawings: [] })))).toContain('2 to 10 classes');
    expect(error(parseDrawingsFile(file({ classNames: Array.from({ length: 11 }, (_, i) => `c${i}`) })))).toContain('this one has 11');
    expect(error(parseDrawingsFile(file({ kind: 'digits' })))).toContain('exactly "0", "1"');
  });
});

describe('mergeDrawings', () => {
  const current = classes(['Cat', 'dog'], [drawing('c1', 0), drawing('d1', 1)]);

  it('adds nothing when the same file is imported twice', () => {
    const incoming = classes(['fish', 'cat'], [drawing('f1', 0), drawing('c2', 1)]);
    const once = merged(mergeDrawings(current, incoming));
    expect(once).toMatchObject({ added: 2, skipped: 0, newClasses: 1 });
    const twice = merged(mergeDrawings(once.set, incoming));
    expect(twice).toEqual({ set: once.set, added: 0, skipped: 2, newClasses: 0 });
    expect(twice.set).toBe(once.set);
  });

  it('matches classes by trimmed name ignoring case, and remaps labels to the merged list', () => {
    const incoming = classes([' DOG ', 'bird', 'cat'], [drawing('x', 0), drawing('y', 1), drawing('z', 2), drawing('c1', 2)]);
    const r = merged(mergeDrawings(current, incoming));
    expect(r.set.classNames).toEqual(['Cat', 'dog', 'bird']);
    expect(r.set.drawings.map((d) => [d.id, d.label])).toEqual([
      ['c1', 0],
      ['d1', 1],
      ['x', 1],
      ['y', 2],
      ['z', 0],
    ]);
    expect(r).toMatchObject({ added: 3, skipped: 1, newClasses: 1 });
    expect(r.set.drawings[2].pixels).toEqual(incoming.drawings[0].pixels);
    expect(current.classNames).toEqual(['Cat', 'dog']);
    expect(current.drawings).toHaveLength(2);
  });

  it('refuses to pass ten classes and leaves the current set as it was', () => {
    const eight = classes(Array.from({ length: 8 }, (_, i) => `c${i}`), [drawing('a', 7)]);
    const before = serializeDrawings(eight);
    const incoming = classes(['C0', 'new1', 'new2', 'new3'], [drawing('b', 1)]);
    const e = error(mergeDrawings(eight, incoming));
    expect(e).toContain('11 classes');
    expect(e).toContain(`at most ${MAX_CLASSES}`);
    expect(serializeDrawings(eight)).toBe(before);
    expect(merged(mergeDrawings(eight, classes(['C0', 'new1', 'new2'], [])))).toMatchObject({ newClasses: 2, added: 0 });
  });

  it('merges digits by label', () => {
    const r = merged(mergeDrawings(digits([drawing('a', 3)]), digits([drawing('b', 7), drawing('a', 3)])));
    expect(r.set.classNames).toEqual(DIGIT_NAMES);
    expect(r.set.drawings.map((d) => [d.id, d.label])).toEqual([
      ['a', 3],
      ['b', 7],
    ]);
    expect(r).toMatchObject({ added: 1, skipped: 1, newClasses: 0 });
  });

  it('refuses a file of the other kind', () => {
    expect(error(mergeDrawings(current, digits([drawing('q', 1)])))).toContain('handwritten digits');
    expect(error(mergeDrawings(digits([]), current))).toContain('your own classes');
  });
});
