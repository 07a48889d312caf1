import * as tf from '@tensorflow/tfjs';
import { conv2dBackpropFilterConfig } from './conv2dBackpropFilter';
import { conv2dBackpropInputConfig } from './conv2dBackpropInput';

const KERNELS = [conv2dBackpropFilterConfig, conv2dBackpropInputConfig];

/**
 * Registers the project's gradient kernels for the wasm backend, replacing
 * any it has (tfjs warns when a kernel is registered twice). Import
 * '@tensorflow/tfjs-backend-wasm' before calling this; calling it again is harmless.
 */
export function registerWasmKernels(): void {
  for (const k of KERNELS) {
    if (tf.getKernel(k.kernelName, 'wasm')) tf.unregisterKernel(k.kernelName, 'wasm');
    tf.registerKernel(k);
  }
}
