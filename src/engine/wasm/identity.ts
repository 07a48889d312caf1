import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { runOriginalWasmKernel, replacingWasmKernel } from './originalWasmKernels';

type Info = tf.TensorInfo;
type Args = { inputs: tf.NamedTensorInfoMap; backend: tf.KernelBackend; attrs?: tf.NamedAttrMap };

/** The same data under a second reference, as the cpu and webgl backends (and wasm's own Reshape) do. */
function share(backend: tf.KernelBackend, x: Info): Info {
  (backend as BackendWasm).incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
}

/**
 * Identity and Cast to the same dtype without a copy. tfjs-backend-wasm 4.22
 * copies the whole tensor for both, and a training step calls them on every
 * activation (the tape's clones, ReLU's gradient casting float32 to float32):
 * 2–3.5 ms of a net-S step. Tensor data is never written in place (a
 * Variable's assign swaps in new data), so sharing it is safe.
 */
function identity({ inputs, backend, attrs }: Args): Info {
  const { x } = inputs as { x: Info };
  return x.dtype === 'string' ? runOriginalWasmKernel(backend, tf.Identity, inputs, attrs) : share(backend, x);
}

function cast({ inputs, backend, attrs }: Args): Info {
  const { x } = inputs as { x: Info };
  const { dtype } = attrs as unknown as tf.CastAttrs;
  return dtype === x.dtype && dtype !== 'string' ? share(backend, x) : runOriginalWasmKernel(backend, tf.Cast, inputs, attrs);
}

export const identityConfig = replacingWasmKernel(tf.Identity, identity);
export const castConfig = replacingWasmKernel(tf.Cast, cast);
