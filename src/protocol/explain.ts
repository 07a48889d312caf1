/**
 * The explainer's part of the protocol (re-exported by protocol/index.ts): what the
 * page asks the worker to explain, and the plain data of each answer.
 */
import type { Box, PixelArithmetic } from '../explain/types';
import type { ModelSpec } from '../model/types';

/** A feature-map pixel picked on the page: spec layer, channel, row and column. */
export interface MapPixel {
  layer: number;
  channel: number;
  y: number;
  x: number;
}

/** A 3×3 kernel set by hand (row-major). */
export interface HandKernel {
  name: string;
  kernel: number[];
}

/** The explainer views open on the page; null: that view is closed. */
export interface ExplainRequest {
  requestId: number;
  /** Pixel arithmetic and the sliding kernel of a conv or pooling layer's pixel. */
  pixel: MapPixel | null;
  /** The im2col matrices of the picked pixel's (conv) layer. */
  im2col: MapPixel | null;
  handFilters: HandKernel[] | null;
  /** One unit of a Dense layer. */
  dense: { layer: number; unit: number } | null;
  /** Saliency of a class (null: the top class) for the current input. */
  saliency: { classIndex: number | null } | null;
  /**
   * A network that cannot be built here (a classic net at full size, for
   * study): the pixel view then works on the picked layer alone, with random weights.
   */
  studySpec: ModelSpec | null;
}

/** A map: shape [h, w, c] (or [h, w] for one channel), row-major channels last. */
export interface MapValues {
  shape: number[];
  values: Float32Array;
}

/** One output pixel worked out by hand, and what the model itself computed there. */
export interface PixelExplanation {
  kind: 'pixel';
  pixel: MapPixel;
  /** The layer's input: the image (layer −1) or the previous layer's output, every channel. */
  source: MapValues & { layer: number };
  /** The picked channel of the layer's output, [oh, ow]: what the sliding kernel fills. */
  map: MapValues;
  arithmetic: PixelArithmetic;
  /** The model's own activation at the pixel: equals `arithmetic.value` to float precision. */
  modelValue: number;
  /** The input pixels the output pixel depends on, and that field's side before clipping. */
  receptiveField: { box: Box; size: number };
  /** The input image [h, w]. */
  image: MapValues;
  /** Worked out on the layer alone with random weights: the network is too big to build here (study only). */
  study?: boolean;
}

/** A conv layer as one matrix product: patches (rows × cols) · kernels (cols × filters) = maps. */
export interface Im2colExplanation {
  kind: 'im2col';
  pixel: MapPixel;
  rows: number;
  cols: number;
  filters: number;
  outHeight: number;
  outWidth: number;
  patches: Float32Array;
  kernels: Float32Array;
  /** Patches · kernels, rows × filters, before bias and activation. */
  product: Float32Array;
  bias: Float32Array;
  /** Largest |activation(product + bias) − the layer's output| over every value. */
  maxError: number;
}

/** Classic kernels applied to the input, beside what the first trained conv layer does to it. */
export interface HandFiltersExplanation {
  kind: 'handFilters';
  /** The kernels applied, in the order of `outputs`. */
  kernels: HandKernel[];
  image: MapValues;
  /** One map per hand kernel, same size as the image (zero padding). */
  outputs: Float32Array[];
  /** The first conv layer: kernels [K, K, C, F], its maps [oh, ow, F]; null without a conv layer. */
  trained: { layer: number; kernels: MapValues; maps: MapValues } | null;
  /** Per hand kernel: the trained 3×3 single-channel filter most like it (cosine of the weights), when there is one. */
  closest: ({ filter: number; similarity: number } | null)[];
}

export interface InputStrength {
  index: number;
  weight: number;
  /** input × weight (the weight itself when there is no input). */
  contribution: number;
}

/** One Dense unit: its weights, what the current input contributes through each, its strongest inputs. */
export interface DenseExplanation {
  kind: 'dense';
  layer: number;
  unit: number;
  weights: Float32Array;
  bias: number;
  /** input × weight per input, null without an input. */
  contributions: Float32Array | null;
  /** The unit's output for the current input (after its activation), NaN without one. */
  value: number;
  positive: InputStrength[];
  negative: InputStrength[];
  /** When the layer reads a flattened [h, w, c] map: that shape and the layer it comes from. */
  maps: { shape: [number, number, number]; layer: number } | null;
}

/** Which input pixels matter for a class: three methods side by side. */
export interface SaliencyExplanation {
  kind: 'saliency';
  /** The class asked for: null, the top class (then `classIndex`). */
  requested: number | null;
  classIndex: number;
  probability: number;
  image: MapValues;
  /** d(class score)/d(pixel). */
  gradient: Float32Array;
  smoothGrad: Float32Array;
  /** Probability drop when a patch around the pixel is blanked. */
  occlusion: Float32Array;
}

export type Explanation = PixelExplanation | Im2colExplanation | HandFiltersExplanation | DenseExplanation | SaliencyExplanation;
