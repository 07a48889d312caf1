import { describe, expect, it } from 'vitest';
import { OPTIMIZER_NAMES, OPTIMIZERS } from './optimizerDefaults';

describe('the optimizer lists', () => {
  it('links name every optimizer, in a fixed order', () => {
    expect(OPTIMIZER_NAMES).toEqual(['sgd', 'adam', 'rmsprop', 'adadelta']);
  });

  it('the menu offers every optimizer once, each with a label', () => {
    // The compiler checks the defaults table for every name; nothing checks a plain list but this.
    expect(OPTIMIZERS.map((o) => o.name).sort()).toEqual([...OPTIMIZER_NAMES].sort());
    expect(OPTIMIZERS.every((o) => o.label.length > 0)).toBe(true);
  });
});
