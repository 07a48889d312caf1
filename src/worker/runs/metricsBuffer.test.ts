import { describe, expect, it } from 'vitest';
import type { BatchReport } from '../../engine/trainModel';
import { MetricsBuffer } from './metricsBuffer';
import { transferablesOf } from '../../protocol';

const report = (batch: number): BatchReport => ({
  epoch: 1, batch, batchesPerEpoch: 4, loss: 1 / (batch + 1), accuracy: batch / 4,
  examplesPerSec: 100, elapsedMs: batch * 10, etaMs: 500,
});

describe('MetricsBuffer', () => {
  it('sends the first batch at once, then at most one message per interval with every batch in it', () => {
    const buf = new MetricsBuffer(7, 100);
    const first = buf.add(report(0), 0);
    expect(first?.x).toEqual(Float64Array.from([1.25]));
    expect(buf.add(report(1), 30)).toBeNull();
    expect(buf.add(report(2), 60)).toBeNull();
    const msg = buf.add(report(3), 100);
    expect(msg?.runId).toBe(7);
    expect(Array.from(msg!.x)).toEqual([1.5, 1.75, 2]);
    expect(Array.from(msg!.loss)).toEqual([1 / 2, 1 / 3, 1 / 4].map(Math.fround));
    expect(msg?.elapsedMs).toBe(30);
  });

  it('flushes what is pending and nothing twice', () => {
    const buf = new MetricsBuffer(1, 1000);
    buf.add(report(0), 0);
    buf.add(report(1), 10);
    expect(buf.flush(20)?.x.length).toBe(1);
    expect(buf.flush(30)).toBeNull();
  });

  it('messages are transferable: the arrays detach from the sender once posted', () => {
    const msg = new MetricsBuffer(1).add(report(0), 0)!;
    const list = transferablesOf(msg);
    expect(list).toHaveLength(3);
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(msg, list);
    expect(msg.x.length).toBe(0); // detached: moved, not copied
    port1.close();
    port2.close();
  });
});
