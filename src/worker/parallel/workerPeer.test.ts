import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HelperCommand, HelperReply } from './helperMessages';
import { WorkerPeer, type HelperPort } from './workerPeer';
import { HelperPool } from './helperPool';
import { TINY_SPEC } from '../../model/testing/tinySpec';

/** A port that records what it is sent and answers only when told. */
class FakePort implements HelperPort {
  onmessage: ((e: MessageEvent<HelperReply>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  sent: { cmd: HelperCommand; transfer: Transferable[] }[] = [];
  terminated = false;
  postMessage(cmd: HelperCommand, transfer: Transferable[]): void {
    this.sent.push({ cmd, transfer });
  }
  reply(r: HelperReply): void {
    this.onmessage?.({ data: r } as MessageEvent<HelperReply>);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const share = () => ({ weights: [new Float32Array(4)], batch: { n: 1, x: new Float32Array(4), y: new Int32Array(1) }, imageShape: [2, 2, 1] as const });

afterEach(() => vi.useRealTimers());

describe('WorkerPeer', () => {
  it('posts a share with its arrays transferred and resolves with the answer to its id', async () => {
    const port = new FakePort();
    const peer = new WorkerPeer(port);
    const request = share();
    const pending = peer.compute(request);
    const { cmd, transfer } = port.sent[0];
    expect(cmd).toMatchObject({ type: 'share', id: 1 });
    expect(transfer).toEqual([request.weights[0].buffer, request.batch.x.buffer, request.batch.y.buffer]);
    port.reply({ type: 'shared', id: 99, grads: [], loss: 0, correct: 0, state: [], ms: 1 }); // not its id: ignored
    port.reply({ type: 'shared', id: 1, grads: [new Float32Array([1])], loss: 0.5, correct: 1, state: [], ms: 1 });
    expect(await pending).toEqual({ grads: [new Float32Array([1])], loss: 0.5, correct: 1, state: [], ms: 1 });
    expect(peer.failed).toBe(false);
  });

  it('once its worker fails, rejects what is pending and all later requests, and terminates it', async () => {
    const port = new FakePort();
    const peer = new WorkerPeer(port);
    const pending = peer.compute(share());
    port.onerror?.({ message: 'out of memory', preventDefault: () => {} } as ErrorEvent);
    await expect(pending).rejects.toThrow('a training helper stopped: out of memory');
    await expect(peer.compute(share())).rejects.toThrow('out of memory');
    expect(port.terminated).toBe(true);
    expect(peer.failed).toBe(true);
  });

  it('treats a failed answer as the end of the helper', async () => {
    const port = new FakePort();
    const peer = new WorkerPeer(port);
    const pending = peer.prepare(TINY_SPEC);
    port.reply({ type: 'failed', id: 1, message: 'the wasm backend did not start' });
    await expect(pending).rejects.toThrow('a training helper failed: the wasm backend did not start');
    expect(peer.failed).toBe(true);
  });

  it('gives up on a helper that does not answer in time', async () => {
    vi.useFakeTimers();
    const port = new FakePort();
    const peer = new WorkerPeer(port, { first: 1000, least: 1000 });
    const pending = peer.compute(share());
    vi.advanceTimersByTime(1001);
    await expect(pending).rejects.toThrow('did not answer within 1 s');
    expect(port.terminated).toBe(true);
  });
});

describe('HelperPool', () => {
  it('starts helpers as needed, builds the network once per helper, and replaces one that failed', async () => {
    const ports: FakePort[] = [];
    const pool = new HelperPool(() => {
      const p = new FakePort();
      // Answers every prepare at once.
      p.postMessage = (cmd) => {
        p.sent.push({ cmd, transfer: [] });
        if (cmd.type === 'prepare') queueMicrotask(() => p.reply({ type: 'prepared', id: cmd.id }));
      };
      ports.push(p);
      return p;
    });
    expect(await pool.peersFor(TINY_SPEC, 2)).toHaveLength(2);
    expect(await pool.peersFor(TINY_SPEC, 1)).toHaveLength(1);
    expect(ports.map((p) => p.sent.length)).toEqual([1, 1]); // the same network is not built again
    ports[0].onerror?.({ message: 'gone', preventDefault: () => {} } as ErrorEvent);
    const peers = await pool.peersFor({ ...TINY_SPEC, layers: [...TINY_SPEC.layers] }, 2);
    expect(peers).toHaveLength(2);
    expect(ports).toHaveLength(3);
    pool.terminate();
    expect(ports.every((p) => p.terminated)).toBe(true);
  });

  it('where workers cannot start workers, says why and gives what it has', async () => {
    const pool = new HelperPool(() => {
      throw new ReferenceError('Worker is not defined');
    });
    const why: string[] = [];
    expect(await pool.peersFor(TINY_SPEC, 3, (w) => why.push(w))).toEqual([]);
    expect(why).toEqual(['Worker is not defined']);
  });

  it('leaves out a helper that cannot build the network, and says why', async () => {
    const pool = new HelperPool(() => {
      const p = new FakePort();
      p.postMessage = (cmd) => queueMicrotask(() => p.reply({ type: 'failed', id: cmd.id, message: 'no wasm' }));
      return p;
    });
    const why: string[] = [];
    expect(await pool.peersFor(TINY_SPEC, 1, (w) => why.push(w))).toEqual([]);
    expect(why).toEqual(['a training helper failed: no wasm']);
  });
});

describe('WorkerPeer timeouts', () => {
  it('after its first answers, gives a helper ten times its slowest share (at least the floor) before giving up', async () => {
    vi.useFakeTimers();
    const port = new FakePort();
    const peer = new WorkerPeer(port, { first: 30_000, least: 500 });
    const first = peer.compute(share());
    vi.advanceTimersByTime(100);
    port.reply({ type: 'shared', id: 1, grads: [], loss: 0, correct: 0, state: [], ms: 1 });
    await first;
    const second = peer.compute(share());
    vi.advanceTimersByTime(999);
    expect(peer.failed).toBe(false);
    vi.advanceTimersByTime(2);
    await expect(second).rejects.toThrow('did not answer within 1 s');
  });

  it('crash() asks the helper to end itself, and only its silence tells', () => {
    const port = new FakePort();
    const peer = new WorkerPeer(port);
    peer.crash();
    expect(port.sent.map((s) => s.cmd.type)).toEqual(['crash']);
    expect(peer.failed).toBe(false);
  });
});
