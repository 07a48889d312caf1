import { describe, expect, it } from 'vitest';
import { planFreeing } from './planFreeing';

const run = (id: string, createdAt: number, pinned: boolean, best: boolean, optimizer: boolean) => ({
  id,
  createdAt,
  pinned,
  weights: { latest: 5, best: best ? 3 : null, optimizer, bytes: 100 },
});

describe('planFreeing', () => {
  it('drops best slots, then optimizer state, then unpinned latest weights; unpinned and older first', () => {
    const runs = [
      run('new', 40, false, true, true),
      run('pinnedOld', 10, true, true, true),
      run('old', 20, false, true, false),
      run('mid', 30, false, false, true),
      run('writing', 50, false, true, true),
    ];
    expect(planFreeing(runs, 'writing').map((s) => `${s.kind} ${s.id}`)).toEqual([
      'best old',
      'best new',
      'best pinnedOld',
      'optimizer mid',
      'optimizer new',
      'optimizer pinnedOld',
      'latest old',
      'latest mid',
      'latest new',
    ]);
  });

  it('skips runs without weights and never plans for the run being written', () => {
    const bare = { id: 'bare', createdAt: 1, pinned: false, weights: { latest: null, best: null, optimizer: false, bytes: 0 } };
    expect(planFreeing([bare, run('me', 2, false, true, true)], 'me')).toEqual([]);
  });
});
