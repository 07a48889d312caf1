import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgl';
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';

export interface BackendInfo {
  /** tfjs backend name, e.g. "webgl" or "cpu". */
  name: string;
  /** What runs it, e.g. the GPU's renderer string. */
  detail: string;
  /** True for CPU emulation (software WebGL or the cpu backend). */
  slow: boolean;
}

/**
 * Picks the fastest backend that trains a convnet here. WebGL first (in a worker
 * tfjs draws on an OffscreenCanvas); software WebGL (SwiftShader) is allowed
 * because it still beats the cpu backend several times over. Safari refuses
 * WebGL in workers and some browsers have it off: those get `cpu`. The wasm
 * backend is not offered yet: tfjs 4.22 lacks its Conv2DBackpropFilter, which
 * src/engine/wasm/ now supplies; loading and measuring it here is the next step.
 */
export async function initBackend(preferred: readonly string[] = ['webgl', 'cpu']): Promise<BackendInfo> {
  tf.env().set('SOFTWARE_WEBGL_ENABLED', true);
  const failures: string[] = [];
  for (const name of preferred) {
    try {
      if (!(await tf.setBackend(name))) {
        failures.push(`${name}: not available`);
        continue;
      }
      await smokeTest();
      const detail = name === 'webgl' ? webglRenderer() : name;
      const slow = name !== 'webgl' || /swiftshader|llvmpipe|software/i.test(detail);
      return { name, detail, slow };
    } catch (e) {
      failures.push(`${name}: ${(e as Error).message}`);
    }
  }
  throw new Error(`No TensorFlow.js backend works in this browser (${failures.join('; ')})`);
}

/** A backend can initialise and still fail on its first kernel: run one. */
async function smokeTest(): Promise<void> {
  // 2×2 outputs × 2 filters, each summing nine ones: 72.
  const y = tf.tidy(() => tf.conv2d(tf.ones([1, 4, 4, 1]) as tf.Tensor4D, tf.ones([3, 3, 1, 2]) as tf.Tensor4D, 1, 'valid').sum());
  const [v] = await y.data();
  y.dispose();
  if (v !== 72) throw new Error(`wrong result from a test convolution (${v})`);
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
