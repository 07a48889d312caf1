import { message, type Message } from '../../model/message';

/** How many runs lost each kind of stored data to make room. */
export interface FreedCounts {
  best: number;
  optimizer: number;
  latest: number;
}

/**
 * What was dropped to make room, in one sentence for the user, e.g.
 * "Dropped the best-epoch weights of 2 other runs to make room."; null when
 * nothing was.
 */
export function describeFreed(freed: FreedCounts): Message | null {
  const parts = [
    freed.best > 0 ? message('errors:storage.freed.best', { count: freed.best }) : null,
    freed.optimizer > 0 ? message('errors:storage.freed.optimizer', { count: freed.optimizer }) : null,
    freed.latest > 0 ? message('errors:storage.freed.latest', { count: freed.latest }) : null,
  ].filter((p): p is Message => p !== null);
  if (parts.length === 0) return null;
  const [a, b, c] = parts;
  const list = parts.length === 1 ? a : parts.length === 2 ? message('errors:storage.freed.two', { a, b }) : message('errors:storage.freed.three', { a, b, c });
  return message('errors:storage.freed.dropped', { list });
}
