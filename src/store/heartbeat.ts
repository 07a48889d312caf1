/** How often the page asks the worker whether it is still there. */
export const HEARTBEAT_MS = 5000;
/**
 * Beats in a row left unanswered before the worker counts as gone: 30 s. A
 * busy worker still answers between batches; only a very slow step on
 * software WebGL comes near it.
 */
export const MISSED_BEATS = 6;

/**
 * Counts the pings the worker has not answered. `beat` is called every
 * HEARTBEAT_MS: it gives the number of the next ping to send, or null when
 * the worker has missed MISSED_BEATS in a row. A late answer to any ping
 * counts: a worker that was only busy (or a machine that slept) is not dead.
 */
export class Heartbeat {
  private sent = 0;
  private answered = 0;
  private missed = 0;

  beat(): number | null {
    this.missed = this.answered < this.sent ? this.missed + 1 : 0;
    if (this.missed >= MISSED_BEATS) return null;
    return ++this.sent;
  }

  pong(seq: number): void {
    if (seq > this.answered) this.answered = seq;
    this.missed = 0;
  }
}
