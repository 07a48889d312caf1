import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-wasm';
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';

export interface BackendInfo {
  /** tfjs backend name, e.g. "webgl" or "wasm". */
  name: string;
  /** What runs it, e.g. the GPU's renderer string, or "WebAssembly SIMD". */
  detail: string;
  /** True for CPU emulation of a GPU (software WebGL) and for the plain-JavaScript cpu backend. */
  slow: boolean;
}

/**
 * Makes `name` the backend in use and proves it with one small convolution.
 * Throws, with the reason, when it cannot start or gives a wrong answer, or
 * when either takes longer than `timeoutMs` (a wasm build whose thread
 * workers fail to start never settles).
 */
export async function startBackend(name: string, timeoutMs = 30_000): Promise<BackendInfo> {
  tf.env().set('SOFTWARE_WEBGL_ENABLED', true);
  const started = await withTimeout(tf.setBackend(name), timeoutMs, `${name} did not start within ${timeoutMs / 1000} s`);
  if (!started) throw new Error(`${name}: not available`);
  await withTimeout(smokeTest(), timeoutMs, `${name}'s first convolution did not finish within ${timeoutMs / 1000} s`);
  return describeBackend(name);
}

function describeBackend(name: string): BackendInfo {
  if (name === 'webgl') {
    const detail = webglRenderer();
    return { name, detail, slow: /swiftshader|llvmpipe|software/i.test(detail) };
  }
  if (name === 'wasm') {
    const simd = tf.env().getBool('WASM_HAS_SIMD_SUPPORT');
    // The threads (one worker per core) are the worker's to add: they are not this backend's.
    return { name, detail: `WebAssembly${simd ? ' SIMD' : ''}`, slow: false };
  }
  return { name, detail: name === 'cpu' ? 'plain JavaScript' : name, slow: name === 'cpu' };
}

/** A backend can initialise and still fail on its first kernel: run one. */
async function smokeTest(): Promise<void> {
  // 2×2 outputs × 2 filters, each summing nine ones: 72.
  const y = tf.tidy(() => tf.conv2d(tf.ones([1, 4, 4, 1]) as tf.Tensor4D, tf.ones([3, 3, 1, 2]) as tf.Tensor4D, 1, 'valid').sum());
  try {
    const [v] = await y.data();
    if (v !== 72) throw new Error(`wrong result from a test convolution (${v})`);
  } finally {
    y.dispose();
  }
}

function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

function webglRenderer(): string {
  try {
    const gl = (tf.backend() as MathBackendWebGL).gpgpu.gl;
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    return String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  } catch {
    return 'WebGL';
  }
}
