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
    case 'reshape': return `Reshape (${layer.targetShape.join(', ')})`;
    case 'zeroPadding2d': {
      const [t, b, l, r] = layer.padding;
      return t === b && b === l && l === r ? `ZeroPadding2D ${t}` : `ZeroPadding2D ((${t}, ${b}), (${l}, ${r}))`;
    }
    case 'activation': return `Activation ${layer.activation}`;
    case 'relu': return 'ReLU';
    case 'globalAvgPool2d': return 'GlobalAveragePooling2D';
    case 'globalMaxPool2d': return 'GlobalMaxPooling2D';
    case 'rescaling': return `Rescaling ${layer.scale}${layer.offset ? ` + ${layer.offset}` : ''}`;
    case 'spatialDropout2d': return `SpatialDropout2D ${layer.rate}`;
    case 'gaussianNoise': return `GaussianNoise ${layer.stddev}`;
    case 'gaussianDropout': return `GaussianDropout ${layer.rate}`;
    case 'random': return layer.className;
  }
}
