import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { startBackend } from './startBackend';

// Trying backends in order, and naming every failure, is BackendManager's (its tests).
describe('startBackend', () => {
  it('refuses WebGL where it cannot start (Node has no WebGL), and starts cpu, saying it is slow', async () => {
    await expect(startBackend('webgl')).rejects.toThrow(/webgl/);
    const info = await startBackend('cpu');
    expect(info).toEqual({ name: 'cpu', detail: 'plain JavaScript', slow: true });
    expect(tf.getBackend()).toBe('cpu');
  });

  it('names a backend that does not exist', async () => {
    await expect(startBackend('no-such-backend')).rejects.toThrow(/no-such-backend/);
  });

  it('starts wasm and says how it runs', async () => {
    const info = await startBackend('wasm');
    expect(info.name).toBe('wasm');
    // The threads (one worker per core) are the worker's to add (BackendManager).
    expect(info.detail).toMatch(/^WebAssembly( SIMD)?$/);
    expect(info.slow).toBe(false);
    expect(tf.getBackend()).toBe('wasm');
  });
});
