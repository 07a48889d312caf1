import { describe, expect, it } from 'vitest';
import { message } from '../model/message';
import { stableMessage } from './stableMessage';

describe('stableMessage', () => {
  it('returns the same object while the message says the same, a new one when it changes', () => {
    const select = stableMessage((n: number) => (n > 0 ? message('setup:blocker.field', { reason: message('x', { n }) }) : null));
    const a = select(1);
    expect(select(1)).toBe(a);
    const b = select(2);
    expect(b).not.toBe(a);
    expect(b).toEqual(message('setup:blocker.field', { reason: message('x', { n: 2 }) }));
    expect(select(0)).toBeNull();
    expect(select(0)).toBeNull();
  });
});
