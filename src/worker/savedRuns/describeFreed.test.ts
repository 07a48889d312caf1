import { describe, expect, it } from 'vitest';
import { describeFreed } from './describeFreed';
import { english } from '../../i18n/testing/words';

describe('describeFreed', () => {
  it('is null when nothing was dropped', () => {
    expect(describeFreed({ best: 0, optimizer: 0, latest: 0 })).toBeNull();
  });

  it('names each kind dropped and how many runs lost it', () => {
    expect(english(describeFreed({ best: 2, optimizer: 0, latest: 0 }))).toBe('Dropped the best-epoch weights of 2 other runs to make room.');
    expect(english(describeFreed({ best: 0, optimizer: 1, latest: 0 }))).toBe('Dropped the optimizer state of 1 other run to make room.');
    expect(english(describeFreed({ best: 3, optimizer: 0, latest: 1 })))
      .toBe('Dropped the best-epoch weights of 3 other runs and all weights of 1 other run (its record stays) to make room.');
    expect(english(describeFreed({ best: 1, optimizer: 2, latest: 2 })))
      .toBe('Dropped the best-epoch weights of 1 other run, the optimizer state of 2 other runs and all weights of 2 other runs (their records stay) to make room.');
  });
});
