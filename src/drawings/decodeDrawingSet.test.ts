import { describe, expect, it } from 'vitest';
import { wordMessage } from '../i18n/i18n';
import { decodeDrawingSet, readDrawingSet } from './decodeDrawingSet';
import { DIGIT_NAMES, DRAWING_PIXELS } from './drawingSet';

const pixels = (fill = 9) => new Uint8Array(DRAWING_PIXELS).fill(fill);
const drawing = (over: Record<string, unknown> = {}) => ({ id: 'a', label: 1, createdAt: 5, pixels: pixels(), ...over });
const stored = (over: Record<string, unknown> = {}) => ({ kind: 'classes', classNames: ['cat', 'dog'], drawings: [drawing()], ...over });

describe('decodeDrawingSet', () => {
  it('reads a stored set back as it was, ignoring stray fields', () => {
    expect(decodeDrawingSet({ ...stored(), extra: 1 })).toEqual({ kind: 'classes', classNames: ['cat', 'dog'], drawings: [drawing()] });
    const digits = decodeDrawingSet({ kind: 'digits', classNames: [...DIGIT_NAMES], drawings: [drawing({ label: 9 })] });
    expect(digits?.drawings[0].label).toBe(9);
  });

  it('keeps class names as typed, even ones a user has not finished', () => {
    expect(decodeDrawingSet(stored({ classNames: ['', ' cat ', 'Cat'] }))?.classNames).toEqual(['', ' cat ', 'Cat']);
  });

  it('is null for anything that is not a drawing set', () => {
    const bad: unknown[] = [
      undefined,
      null,
      'set',
      [],
      stored({ kind: 'letters' }),
      stored({ kind: undefined }),
      stored({ classNames: ['cat'] }),
      stored({ classNames: Array.from({ length: 11 }, (_, i) => `c${i}`) }),
      stored({ classNames: ['cat', 3] }),
      stored({ kind: 'digits', classNames: ['0', '1'] }),
      stored({ kind: 'digits', classNames: [...DIGIT_NAMES].reverse() }),
      stored({ drawings: 'none' }),
      stored({ drawings: [drawing({ label: 2 })] }),
      stored({ drawings: [drawing({ label: -1 })] }),
      stored({ drawings: [drawing({ label: 0.5 })] }),
      stored({ drawings: [drawing({ id: '' })] }),
      stored({ drawings: [drawing({ id: 4 })] }),
      stored({ drawings: [drawing({ createdAt: 'today' })] }),
      stored({ drawings: [drawing({ pixels: new Uint8Array(783) })] }),
      stored({ drawings: [drawing({ pixels: new Float32Array(DRAWING_PIXELS) })] }),
      stored({ drawings: [drawing({ pixels: [...pixels()] })] }),
      stored({ drawings: [drawing(), drawing()] }),
      stored({ drawings: [null] }),
    ];
    for (const value of bad) expect(decodeDrawingSet(value), JSON.stringify(value)).toBeNull();
  });

  it('copies the pixels, so the set owns its bytes', () => {
    const raw = stored();
    const set = decodeDrawingSet(raw);
    (raw.drawings as { pixels: Uint8Array }[])[0].pixels[0] = 200;
    expect(set?.drawings[0].pixels[0]).toBe(9);
  });
});

describe('readDrawingSet', () => {
  it('says which drawing is wrong and how, counting from 1', () => {
    const read = (value: unknown) => {
      const r = readDrawingSet(value, (raw) => (raw instanceof Uint8Array ? raw : null));
      return 'error' in r ? { error: wordMessage(r.error) } : r;
    };
    expect(read(stored({ drawings: [drawing(), drawing({ id: 'b', pixels: new Uint8Array(3) })] }))).toEqual({
      error: 'Drawing 2: its pixels are not 784 bytes (28×28)',
    });
    expect(read(stored({ drawings: [drawing({ label: 7 })] }))).toEqual({ error: 'Drawing 1: its label must be a class number from 0 to 1, got 7' });
    expect(read(stored({ drawings: [drawing({ id: 'x' }), drawing({ id: 'y' }), drawing({ id: 'x' })] }))).toEqual({
      error: 'Drawing 3 has the same id as drawing 1',
    });
    expect(read(stored({ kind: 'letters' }))).toEqual({ error: '"kind" must be "digits" or "classes", got "letters"' });
  });
});
