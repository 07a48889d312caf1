import type { LayerSpec } from './types';

/** Human-readable layer name, as Keras would print it. */
export function layerTitle(layer: LayerSpec): string {
  switch (layer.type) {
    case 'conv2d': return `Conv2D ${layer.filters} ${layer.kernelSize}×${layer.kernelSize}`;
    case 'maxPool2d': return `MaxPooling2D ${layer.poolSize}×${layer.poolSize}`;
    case 'avgPool2d': return `AveragePooling2D ${layer.poolSize}×${layer.poolSize}`;
    case 'flatten': return 'Flatten';
    case 'dense': return `Dense ${layer.units}`;
    case 'dropout': return `Dropout ${layer.rate}`;
    case 'batchNorm': return 'BatchNormalization';
  }
}
