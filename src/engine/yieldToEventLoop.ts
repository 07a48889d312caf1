/**
 * Resolves on the next macrotask, so that messages queued for this thread (pause,
 * stop, predict) run between training steps. A MessageChannel post is not
 * clamped to 4 ms the way nested setTimeout is.
 */
export function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((r) => setTimeout(r, 0));
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}
