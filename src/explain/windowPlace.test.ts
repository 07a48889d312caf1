import { describe, expect, it } from 'vitest';
import { windowBox, windowPlace } from './windowPlace';

describe('windowPlace', () => {
  it('places valid windows without padding', () => {
    const p = windowPlace(28, 28, 3, 1, 'valid', 4, 7);
    expect(p).toEqual({ top: 4, left: 7, size: 3, stride: 1, pad: { top: 0, bottom: 0, left: 0, right: 0 } });
  });

  it('shifts same windows by the padding before', () => {
    const p = windowPlace(28, 28, 3, 1, 'same', 0, 0);
    expect([p.top, p.left]).toEqual([-1, -1]);
    expect(p.pad).toEqual({ top: 1, bottom: 1, left: 1, right: 1 });
  });

  it('puts TensorFlow\'s odd padding pixel after, per axis', () => {
    // Height 7, pool 2 stride 2: total 1 → 0 before, 1 after. Width 8: no padding.
    const p = windowPlace(7, 8, 2, 2, 'same', 3, 3);
    expect(p.pad).toEqual({ top: 0, bottom: 1, left: 0, right: 0 });
    expect([p.top, p.left]).toEqual([6, 6]);
  });

  it('scales by the stride', () => {
    const p = windowPlace(10, 10, 5, 2, 'same', 2, 1);
    // total = (5-1)·2 + 5 − 10 = 3 → 1 before, 2 after.
    expect(p.pad.top).toBe(1);
    expect([p.top, p.left]).toEqual([3, 1]);
  });
});

describe('windowBox', () => {
  it('clips the window to the map', () => {
    const p = windowPlace(5, 5, 3, 1, 'same', 0, 4);
    expect(windowBox(p, 5, 5)).toEqual({ top: 0, left: 3, bottom: 1, right: 4 });
  });

  it('leaves an inside window whole', () => {
    const p = windowPlace(5, 5, 3, 1, 'valid', 1, 2);
    expect(windowBox(p, 5, 5)).toEqual({ top: 1, left: 2, bottom: 3, right: 4 });
  });
});
