import * as tf from '@tensorflow/tfjs';

type Info = tf.TensorInfo;

/** The wasm backend's own kernels that ours replace but still call (for the cases they do not improve). */
const originals = new Map<string, tf.KernelConfig>();

/**
 * Keeps the wasm backend's own kernel for `name` before `replacement` is
 * registered over it. Once ours is registered the registry hands back ours,
 * so a second registration keeps nothing (and must not: ours would call itself).
 */
export function keepOriginalWasmKernel(name: string, replacement: tf.KernelConfig): void {
  const current = tf.getKernel(name, 'wasm');
  if (current && current !== replacement) originals.set(name, current);
}

function original(name: string): tf.KernelConfig {
  const config = originals.get(name);
  if (!config) throw new Error(`The wasm backend's own ${name} kernel was not kept: register the project's kernels after importing @tensorflow/tfjs-backend-wasm`);
  return config;
}

/** Runs the wasm backend's own kernel for `name` (see runWasmKernel: its result must be freed when it is an intermediate). */
export function runOriginalWasmKernel(backend: tf.KernelBackend, name: string, inputs: tf.NamedTensorInfoMap, attrs: Record<string, unknown> = {}): Info {
  return original(name).kernelFunc({ inputs, backend, attrs: attrs as tf.NamedAttrMap }) as Info;
}

/**
 * A setupFunc for a kernel that replaces `name`: the original binds its C
 * function when the backend starts, and once ours is registered the engine
 * calls only ours (registered before `setBackend('wasm')`, the original's
 * setup would otherwise never run).
 */
export function setUpOriginalWasmKernel(name: string): tf.KernelSetupFunc {
  return (backend) => original(name).setupFunc?.(backend);
}

/**
 * The registration of one of the project's kernels that replaces the wasm
 * backend's own `name` (which it may still call for cases it does not improve).
 */
export function replacingWasmKernel(name: string, kernelFunc: (args: never) => tf.TensorInfo): tf.KernelConfig {
  return { kernelName: name, backendName: 'wasm', kernelFunc: kernelFunc as unknown as tf.KernelFunc, setupFunc: setUpOriginalWasmKernel(name) };
}
