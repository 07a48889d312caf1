/** How many runs lost each kind of stored data to make room. */
export interface FreedCounts {
  best: number;
  optimizer: number;
  latest: number;
}

const runs = (n: number) => `${n} other run${n === 1 ? '' : 's'}`;

/**
 * What was dropped to make room, in one sentence for the user, e.g.
 * "Dropped the best-epoch weights of 2 other runs to make room."; null when
 * nothing was.
 */
export function describeFreed(freed: FreedCounts): string | null {
  const parts = [
    freed.best > 0 ? `the best-epoch weights of ${runs(freed.best)}` : null,
    freed.optimizer > 0 ? `the optimizer state of ${runs(freed.optimizer)}` : null,
    freed.latest > 0 ? `all weights of ${runs(freed.latest)} (${freed.latest === 1 ? 'its record stays' : 'their records stay'})` : null,
  ].filter((p): p is string => p !== null);
  if (parts.length === 0) return null;
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `Dropped ${list} to make room.`;
}
