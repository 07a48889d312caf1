import * as tf from '@tensorflow/tfjs';

type Info = tf.TensorInfo;

/**
 * Runs a kernel of the wasm backend directly on tensor data, as backends
 * compose their own kernels: no tape, no Tensor objects, so it is safe inside
 * another kernel. Every intermediate it returns must go back through `free`.
 */
export function runWasmKernel(backend: tf.KernelBackend, name: string, inputs: Record<string, Info>, attrs: Record<string, unknown> = {}): Info {
  const config = tf.getKernel(name, 'wasm');
  if (!config) throw new Error(`The wasm backend has no ${name} kernel`);
  return config.kernelFunc({ inputs, backend, attrs: attrs as tf.NamedAttrMap }) as Info;
}

/** Releases intermediates made by runWasmKernel (data shared through a reshape is reference-counted). */
export function free(backend: tf.KernelBackend, ...infos: Info[]): void {
  for (const info of infos) backend.disposeData(info.dataId);
}
