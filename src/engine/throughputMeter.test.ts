import { describe, expect, it } from 'vitest';
import { ThroughputMeter } from './throughputMeter';

describe('ThroughputMeter', () => {
  it('measures examples per second and an ETA', () => {
    const m = new ThroughputMeter(10_000);
    m.start(0);
    for (let t = 100; t <= 1000; t += 100) m.add(32, t);
    expect(m.rate).toBeCloseTo(320, 5);
    expect(m.etaMs(640)).toBeCloseTo(2000, 5);
    expect(m.elapsedMs).toBe(1000);
  });

  it('does not count paused time', () => {
    const m = new ThroughputMeter();
    m.start(0);
    m.add(10, 1000);
    m.halt();
    m.start(60_000);
    m.add(10, 61_000);
    expect(m.elapsedMs).toBe(2000);
    expect(m.rate).toBeCloseTo(10, 5);
  });

  it('has no ETA before it has a rate', () => {
    expect(new ThroughputMeter().etaMs(100)).toBeNull();
  });
});
