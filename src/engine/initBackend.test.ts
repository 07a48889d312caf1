import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { initBackend } from './initBackend';

describe('initBackend', () => {
  it('falls back to cpu where WebGL cannot start (Node has no WebGL) and says it is slow', async () => {
    const info = await initBackend(['webgl', 'cpu']);
    expect(info).toEqual({ name: 'cpu', detail: 'cpu', slow: true });
    expect(tf.getBackend()).toBe('cpu');
  });

  it('names every backend that failed when none works', async () => {
    await expect(initBackend(['webgl', 'no-such-backend'])).rejects.toThrow(/webgl: .*no-such-backend: /);
  });
});
