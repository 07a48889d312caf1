import type { LayerType } from '../model/types';

/** Layers whose output pixels come from a sliding window: the ones the explainer works out by hand. */
export const PIXEL_LAYER_TYPES: readonly LayerType[] = ['conv2d', 'maxPool2d', 'avgPool2d'];

export const isPixelLayer = (type: LayerType | undefined): boolean => type !== undefined && PIXEL_LAYER_TYPES.includes(type);
