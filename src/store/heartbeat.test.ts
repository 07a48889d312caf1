import { describe, expect, it } from 'vitest';
import { Heartbeat, MISSED_BEATS } from './heartbeat';

describe('Heartbeat', () => {
  it('keeps a worker that answers', () => {
    const h = new Heartbeat();
    for (let i = 0; i < 20; i++) {
      const seq = h.beat();
      expect(seq).toBe(i + 1);
      h.pong(seq!);
    }
  });

  it('gives up on a worker after MISSED_BEATS unanswered beats in a row', () => {
    const h = new Heartbeat();
    h.pong(h.beat()!);
    const beats: (number | null)[] = [];
    // The first beat sends a ping; each later one finds the one before unanswered.
    for (let i = 0; i <= MISSED_BEATS; i++) beats.push(h.beat());
    expect(beats.slice(0, -1).every((b) => b !== null)).toBe(true);
    expect(beats.at(-1)).toBeNull();
  });

  it('forgives a busy worker whose answers come late', () => {
    const h = new Heartbeat();
    for (let i = 0; i < MISSED_BEATS - 1; i++) h.beat();
    h.pong(2); // an old ping answered: the worker lives
    for (let i = 0; i < MISSED_BEATS - 1; i++) expect(h.beat()).not.toBeNull();
  });
});
