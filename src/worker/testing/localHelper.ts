import { ShareComputer } from '../../engine/parallel/shareComputer';
import type { HelperCommand, HelperReply } from '../parallel/helperMessages';
import type { HelperPort } from '../parallel/workerPeer';

/**
 * A helper worker in this thread, for tests in Node: the same ShareComputer
 * the helper's entry runs, behind a port that answers asynchronously, as a
 * Worker does. `crash()` fails it as a killed worker would.
 */
export class LocalHelper implements HelperPort {
  onmessage: ((e: MessageEvent<HelperReply>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  shares = 0;
  private readonly computer = new ShareComputer();
  private queue: Promise<unknown> = Promise.resolve();

  postMessage(cmd: HelperCommand): void {
    if (cmd.type === 'crash') {
      this.terminate(); // silently, as the real helper closes itself
      return;
    }
    this.queue = this.queue.then(async () => {
      if (this.terminated) return;
      let reply: HelperReply;
      try {
        if (cmd.type === 'prepare') {
          await this.computer.prepare(cmd.spec);
          reply = { type: 'prepared', id: cmd.id };
        } else {
          const { type: _t, id, ...request } = cmd;
          reply = { type: 'shared', id, ...(await this.computer.compute(request)) };
          this.shares++;
        }
      } catch (e) {
        reply = { type: 'failed', id: cmd.id, message: (e as Error).message };
      }
      if (!this.terminated) this.onmessage?.({ data: reply } as MessageEvent<HelperReply>);
    });
  }

  crash(message = 'out of memory'): void {
    this.onerror?.({ message, preventDefault: () => {} } as ErrorEvent);
  }

  terminate(): void {
    this.terminated = true;
    this.computer.dispose();
  }
}
