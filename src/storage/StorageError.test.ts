import { describe, expect, it } from 'vitest';
import { StorageError } from './StorageError';

describe('StorageError', () => {
  it('is an Error that carries its kind and message', () => {
    const e = new StorageError('full', 'Storage is full.');
    expect(e).toBeInstanceOf(Error);
    expect(e.kind).toBe('full');
    expect(e.message).toBe('Storage is full.');
    expect(e.name).toBe('StorageError');
  });
});
