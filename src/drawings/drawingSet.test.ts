import { describe, expect, it } from 'vitest';
import { wordMessage } from '../i18n/i18n';
import type { Message } from '../model/message';
import {
  addClass,
  addDrawing,
  checkClassNames,
  classesBlocker,
  countByClass,
  DIGIT_NAMES,
  DRAWING_COLS,
  DRAWING_PIXELS,
  DRAWING_ROWS,
  emptyDrawingSet,
  fineTuneBlocker,
  hasInk,
  heldOutSplit,
  MAX_CLASSES,
  newDrawingId,
  packImages,
  removeClass,
  removeDrawing,
  renameClass,
  toBytes,
  type DrawingSet,
  sameClassNames,
} from './drawingSet';

/** A message in English (the page's default language), or null. */
const en = (m: Message | null): string | null => (m ? wordMessage(m) : null);
const checkNamesInEnglish = (names: string[]) => checkClassNames(names).map(en);

/** Pad pixels ([0,1]) with one stroke pixel of value `ink` at `at`. */
function stroke(ink = 1, at = 400): Float32Array {
  const px = new Float32Array(DRAWING_PIXELS);
  px[at] = ink;
  return px;
}

/** A set of `kind` with drawings of the given labels, ids 'd0', 'd1', …, each marked by its index in pixel 0. */
function setWith(kind: DrawingSet['kind'], labels: number[], classNames?: string[]): DrawingSet {
  const set = { ...emptyDrawingSet(kind), ...(classNames ? { classNames } : {}) };
  return {
    ...set,
    drawings: labels.map((label, i) => {
      const pixels = new Uint8Array(DRAWING_PIXELS);
      pixels[0] = i;
      pixels[1] = 255;
      return { id: `d${i}`, label, pixels, createdAt: i };
    }),
  };
}

function ok<T extends object>(r: T | { error: Message }): T {
  if ('error' in r) throw new Error(`unexpected error: ${wordMessage(r.error)}`);
  return r;
}

function err(r: object): string {
  if (!('error' in r) || typeof r.error !== 'object') throw new Error(`expected an error, got ${JSON.stringify(r)}`);
  return wordMessage(r.error as Message);
}

describe('empty sets and counts', () => {
  it('gives digits the ten digits and classes two numbered classes', () => {
    expect(DRAWING_ROWS * DRAWING_COLS).toBe(784);
    expect(DIGIT_NAMES).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(emptyDrawingSet('digits')).toEqual({ kind: 'digits', classNames: DIGIT_NAMES, drawings: [] });
    expect(emptyDrawingSet('classes')).toEqual({ kind: 'classes', classNames: ['Class 1', 'Class 2'], drawings: [] });
  });

  it('counts drawings per class, zeros included', () => {
    expect(countByClass(setWith('digits', [3, 3, 0, 9, 3]))).toEqual([1, 0, 0, 3, 0, 0, 0, 0, 0, 1]);
    expect(countByClass(emptyDrawingSet('classes'))).toEqual([0, 0]);
  });
});

describe('pixels', () => {
  it('turns [0,1] floats into rounded, clamped bytes', () => {
    expect([...toBytes([0, 1, 0.5, 0.2, -3, 7, NaN, 1 / 255])]).toEqual([0, 255, 128, 51, 0, 255, 0, 1]);
  });

  it('sees ink above a small threshold, as floats or bytes', () => {
    expect(hasInk(new Float32Array(DRAWING_PIXELS))).toBe(false);
    expect(hasInk(stroke(0.05))).toBe(false);
    expect(hasInk(stroke(0.3))).toBe(true);
    expect(hasInk(new Uint8Array([0, 20, 0]))).toBe(false);
    expect(hasInk(new Uint8Array([0, 60, 0]))).toBe(true);
  });

  it('makes distinct ids', () => {
    const ids = new Set(Array.from({ length: 50 }, newDrawingId));
    expect(ids.size).toBe(50);
  });
});

describe('addDrawing and removeDrawing', () => {
  it('adds a drawing as bytes with its label, id and time, leaving the old set as it was', () => {
    const before = emptyDrawingSet('digits');
    const { set } = ok(addDrawing(before, 7, stroke(0.5, 10), 'a', 1234));
    expect(before.drawings).toEqual([]);
    expect(set.drawings).toHaveLength(1);
    const [d] = set.drawings;
    expect(d).toMatchObject({ id: 'a', label: 7, createdAt: 1234 });
    expect(d.pixels).toBeInstanceOf(Uint8Array);
    expect(d.pixels.length).toBe(DRAWING_PIXELS);
    expect(d.pixels[10]).toBe(128);
  });

  it('refuses an empty drawing', () => {
    expect(err(addDrawing(emptyDrawingSet('digits'), 1, new Float32Array(DRAWING_PIXELS), 'a', 0))).toBe(
      'The drawing is empty: draw something first',
    );
    expect(err(addDrawing(emptyDrawingSet('digits'), 1, stroke(0.02), 'a', 0))).toContain('empty');
  });

  it('refuses pixels of the wrong size', () => {
    expect(err(addDrawing(emptyDrawingSet('digits'), 1, new Float32Array(783).fill(1), 'a', 0))).toContain('784');
    expect(err(addDrawing(emptyDrawingSet('digits'), 1, new Float32Array(785).fill(1), 'a', 0))).toContain('785');
  });

  it('refuses a label outside the classes and an id already used', () => {
    expect(err(addDrawing(emptyDrawingSet('classes'), 2, stroke(), 'a', 0))).toContain('class 2');
    expect(err(addDrawing(emptyDrawingSet('digits'), -1, stroke(), 'a', 0))).toContain('class -1');
    expect(err(addDrawing(emptyDrawingSet('digits'), 1.5, stroke(), 'a', 0))).toContain('class 1.5');
    expect(err(addDrawing(setWith('digits', [1]), 2, stroke(), 'd0', 0))).toContain('d0');
  });

  it('removes a drawing by id, and gives back the same set when there is none', () => {
    const set = setWith('digits', [1, 2, 3]);
    expect(removeDrawing(set, 'd1').drawings.map((d) => d.id)).toEqual(['d0', 'd2']);
    expect(removeDrawing(set, 'nope')).toBe(set);
  });
});

describe('classes', () => {
  it('adds classes named after the first free number, up to the limit', () => {
    let set = renameClass(emptyDrawingSet('classes'), 0, 'cat');
    set = ok(addClass(set)).set;
    expect(set.classNames).toEqual(['cat', 'Class 2', 'Class 1']);
    set = ok(addClass(set)).set;
    expect(set.classNames).toEqual(['cat', 'Class 2', 'Class 1', 'Class 3']);
    while (set.classNames.length < MAX_CLASSES) set = ok(addClass(set)).set;
    expect(err(addClass(set))).toContain(`${MAX_CLASSES}`);
  });

  it('treats "class 1" as taken by " CLASS 1 "', () => {
    const set = ok(addClass({ ...emptyDrawingSet('classes'), classNames: [' CLASS 1 ', 'dog'] })).set;
    expect(set.classNames).toEqual([' CLASS 1 ', 'dog', 'Class 2']);
  });

  it('removes a class with its drawings and moves the later labels down', () => {
    const set = setWith('classes', [0, 1, 2, 1, 2, 0], ['a', 'b', 'c']);
    const { set: after } = ok(removeClass(set, 1));
    expect(after.classNames).toEqual(['a', 'c']);
    expect(after.drawings.map((d) => [d.id, d.label])).toEqual([
      ['d0', 0],
      ['d2', 1],
      ['d4', 1],
      ['d5', 0],
    ]);
    expect(set.classNames).toEqual(['a', 'b', 'c']);
  });

  it('never goes below two classes, and leaves the digits alone', () => {
    expect(err(removeClass(setWith('classes', [0, 1]), 0))).toContain('at least 2');
    expect(err(removeClass(setWith('classes', [0], ['a', 'b', 'c']), 3))).toContain('no class 3');
    const digits = emptyDrawingSet('digits');
    expect(err(addClass(digits))).toContain('digits');
    expect(err(removeClass(digits, 0))).toContain('digits');
    expect(renameClass(digits, 0, 'zero')).toBe(digits);
  });

  it('renames as typed, keeping the labels', () => {
    const set = setWith('classes', [0, 1]);
    const renamed = renameClass(set, 1, '  Dog ');
    expect(renamed.classNames).toEqual(['Class 1', '  Dog ']);
    expect(renamed.drawings).toBe(set.drawings);
    expect(renameClass(set, 5, 'x')).toBe(set);
  });
});

describe('checkClassNames', () => {
  it('accepts distinct names', () => {
    expect(checkNamesInEnglish(['cat', 'dog', 'Cat fish'])).toEqual([null, null, null]);
  });

  it('asks for a name where there is none', () => {
    expect(checkNamesInEnglish(['', '   ', 'dog'])).toEqual(['Name this class', 'Name this class', null]);
  });

  it('refuses a name over 24 characters, counting it trimmed', () => {
    const [long, fits] = checkNamesInEnglish(['x'.repeat(25), `  ${'y'.repeat(24)}  `]);
    expect(long).toContain('24');
    expect(long).toContain('25');
    expect(fits).toBeNull();
  });

  it('marks every class sharing a name, ignoring case and spaces', () => {
    const problems = checkNamesInEnglish(['Cat', 'dog', ' cat ']);
    expect(problems[1]).toBeNull();
    expect(problems[0]).toContain('"Cat"');
    expect(problems[2]).toContain('"cat"');
  });
});

describe('classesBlocker', () => {
  const full = (names: string[], perClass: number[]) =>
    setWith(
      'classes',
      perClass.flatMap((n, label) => Array<number>(n).fill(label)),
      names,
    );

  it('is null once every class is named and has 10 drawings', () => {
    expect(en(classesBlocker(full(['cat', 'dog'], [10, 12])))).toBeNull();
  });

  it('names the class with too few drawings and its count', () => {
    expect(en(classesBlocker(full(['cat', 'dog', 'fish'], [10, 7, 3])))).toBe('Draw at least 10 examples of "dog" (it has 7)');
    expect(en(classesBlocker(full([' cat ', 'dog'], [0, 10])))).toBe('Draw at least 10 examples of "cat" (it has 0)');
  });

  it('says which class has a bad name before counting', () => {
    expect(en(classesBlocker(full(['cat', ''], [10, 10])))).toBe('Class 2: Name this class');
    expect(en(classesBlocker(full(['cat', 'CAT'], [1, 1])))).toContain('Class 1');
  });

  it('asks for a second class', () => {
    expect(en(classesBlocker(full(['cat'], [10])))).toContain('at least 2 classes');
  });
});

describe('heldOutSplit', () => {
  /** Labels with `counts[k]` drawings of class k, interleaved. */
  const interleaved = (counts: number[]) => {
    const labels: number[] = [];
    for (let round = 0; round < Math.max(...counts); round++) counts.forEach((c, k) => round < c && labels.push(k));
    return labels;
  };

  it('is the same for the same seed and differs for another', () => {
    const set = setWith('digits', interleaved([20, 15, 9, 30, 5, 2, 1, 0, 11, 12]));
    expect(heldOutSplit(set, 7)).toEqual(heldOutSplit(set, 7));
    expect(heldOutSplit(set, 7).heldOut).not.toEqual(heldOutSplit(set, 8).heldOut);
  });

  it('holds out max(1, round(n/5)) of each class with two or more, and none of a single drawing', () => {
    const counts = [20, 15, 9, 30, 5, 2, 1, 0, 11, 3];
    const set = setWith('digits', interleaved(counts));
    for (const seed of [0, 1, 42, 123456]) {
      const { heldOut } = heldOutSplit(set, seed);
      const heldPerClass = countByClass({ ...set, drawings: heldOut.map((i) => set.drawings[i]) });
      expect(heldPerClass).toEqual([4, 3, 2, 6, 1, 1, 0, 0, 2, 1]);
    }
  });

  it('splits into disjoint, sorted parts that cover every drawing', () => {
    const set = setWith('digits', interleaved([7, 8, 9, 10, 1, 2, 3, 4, 5, 6]));
    const { train, heldOut } = heldOutSplit(set, 99);
    expect([...train, ...heldOut].sort((a, b) => a - b)).toEqual(set.drawings.map((_, i) => i));
    expect(train).toEqual([...train].sort((a, b) => a - b));
    expect(heldOut).toEqual([...heldOut].sort((a, b) => a - b));
    expect(train.filter((i) => heldOut.includes(i))).toEqual([]);
  });

  it("keeps a class's held-out drawings when another class gets more", () => {
    const labels = interleaved([10, 10]);
    const before = heldOutSplit(setWith('classes', labels), 5);
    const after = heldOutSplit(setWith('classes', [...labels, 1, 1, 1]), 5);
    const ofClass0 = (idx: number[], set: DrawingSet) => idx.filter((i) => set.drawings[i].label === 0);
    expect(ofClass0(after.heldOut, setWith('classes', [...labels, 1, 1, 1]))).toEqual(ofClass0(before.heldOut, setWith('classes', labels)));
  });

  it('holds out nothing from an empty set', () => {
    expect(heldOutSplit(emptyDrawingSet('digits'), 1)).toEqual({ train: [], heldOut: [] });
  });
});

describe('fineTuneBlocker', () => {
  it('asks for as many more as make ten', () => {
    expect(en(fineTuneBlocker(emptyDrawingSet('digits')))).toContain('Draw 10 more digits');
    expect(en(fineTuneBlocker(setWith('digits', [1, 1, 2, 3, 4, 5, 6, 7, 8])))).toContain('Draw 1 more digit ');
  });

  it('asks for one more when no digit has two drawings to spare one', () => {
    expect(en(fineTuneBlocker(setWith('digits', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9])))).toContain('Draw 1 more');
  });

  it('is null with ten drawings, one digit drawn twice', () => {
    expect(en(fineTuneBlocker(setWith('digits', [0, 0, 2, 3, 4, 5, 6, 7, 8, 9])))).toBeNull();
    expect(en(fineTuneBlocker(setWith('digits', Array<number>(10).fill(4))))).toBeNull();
  });
});

describe('packImages', () => {
  it('packs each drawing as 784 bytes back to back with its label', () => {
    const set = setWith('digits', [5, 0, 9]);
    const all = packImages(set);
    expect(all.count).toBe(3);
    expect(all.pixels.length).toBe(3 * DRAWING_PIXELS);
    expect([...all.labels]).toEqual([5, 0, 9]);
    for (let k = 0; k < 3; k++) expect(all.pixels.subarray(k * DRAWING_PIXELS, (k + 1) * DRAWING_PIXELS)).toEqual(set.drawings[k].pixels);
  });

  it('packs only the given indices, in their order', () => {
    const set = setWith('digits', [5, 0, 9]);
    const some = packImages(set, [2, 0]);
    expect(some.count).toBe(2);
    expect([...some.labels]).toEqual([9, 5]);
    expect(some.pixels[0]).toBe(2);
    expect(some.pixels[DRAWING_PIXELS]).toBe(0);
    expect(some.pixels[DRAWING_PIXELS + 1]).toBe(255);
    expect(packImages(set, []).pixels.length).toBe(0);
    expect(() => packImages(set, [3])).toThrow(RangeError);
  });
});

describe('sameClassNames', () => {
  it('compares names in order, as the user reads them', () => {
    expect(sameClassNames(['cat', 'dog'], [' Cat', 'DOG '])).toBe(true);
    expect(sameClassNames(['cat', 'dog'], ['dog', 'cat'])).toBe(false);
    expect(sameClassNames(['cat', 'dog'], ['cat', 'dog', 'fish'])).toBe(false);
  });
});
