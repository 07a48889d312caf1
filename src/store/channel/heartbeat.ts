/** How often the page asks the worker whether it is still there. */
export const HEARTBEAT_MS = 5000;
/**
 * Beats in a row left unanswered before the worker counts as gone: 30 s. A
 * busy worker still answers between batches; only a very slow step on
 * software WebGL comes near it.
 */
export const MISSED_BEATS = 6;

/**
 * Counts the beats the worker has let pass without a word. `beat` is called
 * every HEARTBEAT_MS: it gives the number of the next ping to send, or null
 * when the worker has been silent for MISSED_BEATS beats in a row. Anything
 * the worker says counts, not only its answer to a ping: a late answer, or a
 * progress event from a worker too busy to read its pings (a training step
 * that compiles WebGL shaders on a loaded machine blocks it for seconds), shows
 * it is alive.
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

  /** The worker said something: every ping so far counts as answered. */
  heard(): void {
    this.answered = this.sent;
    this.missed = 0;
  }
}
