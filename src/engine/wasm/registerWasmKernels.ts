import * as tf from '@tensorflow/tfjs';
import { batchMatMulConfig } from './batchMatMul';
import { conv2dBackpropFilterConfig } from './conv2dBackpropFilter';
import { conv2dBackpropInputConfig } from './conv2dBackpropInput';
import { castConfig, identityConfig } from './identity';
import { maxPoolGradConfig } from './maxPoolGrad';
import { meanConfig } from './mean';
import { keepOriginalWasmKernel } from './originalWasmKernels';
import { sumConfig } from './sum';
import { tileConfig } from './tile';

const KERNELS = [conv2dBackpropFilterConfig, conv2dBackpropInputConfig, batchMatMulConfig, maxPoolGradConfig, sumConfig, identityConfig, castConfig, tileConfig, meanConfig];

/**
 * Registers the project's kernels for the wasm backend, replacing any it has
 * (tfjs warns when a kernel is registered twice) and keeping those for ours to
 * fall back on. Import
 * '@tensorflow/tfjs-backend-wasm' before calling this; calling it again is harmless.
 */
export function registerWasmKernels(): void {
  for (const k of KERNELS) {
    keepOriginalWasmKernel(k.kernelName, k);
    if (tf.getKernel(k.kernelName, 'wasm')) tf.unregisterKernel(k.kernelName, 'wasm');
    tf.registerKernel(k);
  }
}
