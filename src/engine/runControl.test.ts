import { describe, expect, it } from 'vitest';
import { RunControl } from './runControl';

describe('RunControl', () => {
  it('passes straight through when running', async () => {
    const c = new RunControl();
    expect(await c.checkpoint()).toBe(false);
  });

  it('waits while paused and continues on resume', async () => {
    const c = new RunControl();
    c.pause();
    let paused = 0;
    let done = false;
    const p = c.checkpoint(() => paused++).then((stop) => {
      done = true;
      return stop;
    });
    await new Promise((r) => setTimeout(r, 5));
    expect(done).toBe(false);
    expect(paused).toBe(1);
    c.resume();
    expect(await p).toBe(false);
  });

  it('stop releases a paused loop and tells it to stop', async () => {
    const c = new RunControl();
    c.pause();
    const p = c.checkpoint();
    c.stop();
    expect(await p).toBe(true);
    c.pause();
    expect(c.isPaused).toBe(false);
  });
});
