import { describe, expect, it } from 'vitest';
import { Heartbeat, MISSED_BEATS } from './heartbeat';

describe('Heartbeat', () => {
  it('keeps a worker that answers', () => {
    const h = new Heartbeat();
    for (let i = 0; i < 20; i++) {
      const seq = h.beat();
      expect(seq).toBe(i + 1);
      h.heard();
    }
  });

  it('gives up on a worker after MISSED_BEATS unanswered beats in a row', () => {
    const h = new Heartbeat();
    h.beat();
    h.heard();
    const beats: (number | null)[] = [];
    // The first beat sends a ping; each later one finds the one before unanswered.
    for (let i = 0; i <= MISSED_BEATS; i++) beats.push(h.beat());
    expect(beats.slice(0, -1).every((b) => b !== null)).toBe(true);
    expect(beats.at(-1)).toBeNull();
  });

  it('forgives a busy worker whose answers come late', () => {
    const h = new Heartbeat();
    for (let i = 0; i < MISSED_BEATS - 1; i++) h.beat();
    h.heard(); // a late answer, or any event: the worker lives
    for (let i = 0; i < MISSED_BEATS - 1; i++) expect(h.beat()).not.toBeNull();
  });

  it('counts silence from the last word heard, not from the first ping missed', () => {
    const h = new Heartbeat();
    for (let i = 0; i < MISSED_BEATS - 1; i++) h.beat();
    h.heard();
    // A full MISSED_BEATS of silence again before it counts as gone.
    for (let i = 0; i < MISSED_BEATS; i++) expect(h.beat()).not.toBeNull();
    expect(h.beat()).toBeNull();
  });
});
