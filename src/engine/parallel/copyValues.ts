import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/**
 * Copies of `tensors`' values, this worker's own, to transfer. Synchronously:
 * parallel steps run on wasm, where reading waits for nothing (unlike WebGL),
 * and a dozen awaited reads cost milliseconds of every step; straight off the
 * wasm heap, one copy (tfjs's own read copies once more): 2.2 → about 1 ms a
 * step for net S's 1.7 MB of weights. Elsewhere (the cpu backend in tests)
 * through dataSync.
 */
export function copyValues(tensors: readonly tf.Tensor[]): Float32Array[] {
  const backend = tf.backend() as Partial<BackendWasm>;
  if (tf.getBackend() === 'wasm' && backend.typedArrayFromHeap) {
    const heap = backend.typedArrayFromHeap.bind(backend);
    return tensors.map((t) => (heap(t as unknown as tf.TensorInfo) as Float32Array).slice());
  }
  return tensors.map((t) => (t.dataSync() as Float32Array).slice());
}
