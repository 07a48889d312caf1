import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { initBackend, startBackend } from './initBackend';

describe('initBackend', () => {
  it('falls back to cpu where WebGL cannot start (Node has no WebGL) and says it is slow', async () => {
    const info = await initBackend(['webgl', 'cpu']);
    expect(info).toEqual({ name: 'cpu', detail: 'plain JavaScript', slow: true });
    expect(tf.getBackend()).toBe('cpu');
  });

  it('names every backend that failed when none works', async () => {
    await expect(initBackend(['webgl', 'no-such-backend'])).rejects.toThrow(/webgl: .*no-such-backend: /);
  });

  it('starts wasm and says how it runs', async () => {
    const info = await startBackend('wasm');
    expect(info.name).toBe('wasm');
    expect(info.detail).toMatch(/^WebAssembly( SIMD)?, 1 thread$/);
    expect(info.slow).toBe(false);
    expect(tf.getBackend()).toBe('wasm');
  });

  it('says why there are no threads on a page that is not cross-origin isolated', async () => {
    const g = globalThis as { crossOriginIsolated?: boolean };
    g.crossOriginIsolated = false;
    try {
      expect((await startBackend('wasm')).detail).toMatch(/, 1 thread \(no threads: the page is not cross-origin isolated\)$/);
    } finally {
      delete g.crossOriginIsolated;
    }
  });
});
