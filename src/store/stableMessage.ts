import type { Message } from '../model/message';

/**
 * A selector that builds a message (e.g. why Train is disabled) makes a new
 * object at every call, which React's store subscription takes for a change
 * and renders again, without end. This one returns the previous message while
 * the new one says the same (same key, same values).
 */
export function stableMessage<S>(selector: (s: S) => Message | null): (s: S) => Message | null {
  let last: Message | null = null;
  let lastKey = 'null';
  return (s) => {
    const m = selector(s);
    const key = JSON.stringify(m);
    if (key !== lastKey) {
      last = m;
      lastKey = key;
    }
    return last;
  };
}
