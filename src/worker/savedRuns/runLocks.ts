/**
 * Web Locks that tell a run still training from one cut off: they outlive no
 * worker, so a lock that is free marks its run as interrupted.
 */

/** A run's trainer holds this Web Lock while it trains: a 'running' record whose lock is free was cut off. */
export const lockName = (id: string) => `convscope-run:${id}`;
/** The Web Locks API where there is one (browsers, in workers too); Node has none. */
interface Locks {
  request(name: string, callback: () => Promise<void>): Promise<unknown>;
  query(): Promise<{ held?: { name?: string }[] }>;
}
export const locks = (): Locks | undefined => (globalThis as { navigator?: { locks?: Locks } }).navigator?.locks;

/** Whether a trainer (this worker, another tab's) holds run `id`'s lock now. */
export async function lockHeld(id: string): Promise<boolean> {
  const l = locks();
  if (!l) return false;
  const state = await l.query();
  return (state.held ?? []).some((h) => h.name === lockName(id));
}

/** Holds run `id`'s lock while it trains (where there are Web Locks); returns what releases it. */
export function holdRunLock(id: string): (() => void) | null {
  const l = locks();
  if (!l) return null;
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  void l.request(lockName(id), () => held);
  return release;
}
