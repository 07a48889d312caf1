import * as tf from '@tensorflow/tfjs';
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';

/** The backend in use can no longer compute: its data is gone with it. */
export class BackendLostError extends Error {
  constructor(
    readonly backend: string,
    message: string,
  ) {
    super(message);
  }
}

function webglContext(): WebGLRenderingContext | WebGL2RenderingContext | null {
  if (tf.getBackend() !== 'webgl') return null;
  return (tf.backend() as MathBackendWebGL).gpgpu.gl;
}

/**
 * Throws BackendLostError when the backend in use has lost its device: a
 * WebGL context lost to a GPU reset or a driver crash (tfjs would go on
 * computing zeros on it). Cheap enough to call before every training step.
 */
export function checkBackendAlive(): void {
  if (webglContext()?.isContextLost()) throw contextLost();
}

const contextLost = () => new BackendLostError('webgl', 'the WebGL context was lost (a GPU reset or driver crash)');

/**
 * Loses the WebGL context on purpose, as a crashed GPU driver would, through
 * the WEBGL_lose_context extension: for tests and demonstrations. False when
 * the backend in use is not WebGL or the extension is missing.
 */
export function loseWebglContext(): boolean {
  const ext = webglContext()?.getExtension('WEBGL_lose_context');
  if (!ext) return false;
  ext.loseContext();
  return true;
}

/**
 * `read`, or BackendLostError as soon as the WebGL context is found lost: a
 * read from a lost context may never settle. Only WebGL is watched.
 */
export function unlessLost<T>(read: Promise<T>, pollMs = 250): Promise<T> {
  const gl = webglContext();
  if (!gl) return read;
  let timer: ReturnType<typeof setInterval> | undefined;
  const lost = new Promise<never>((_, reject) => {
    timer = setInterval(() => {
      if (gl.isContextLost()) reject(contextLost());
    }, pollMs);
  });
  return Promise.race([read, lost]).finally(() => clearInterval(timer));
}
