/**
 * The explainer's plain data: what the worker computes about one convolution,
 * one pooling window, one dense unit, and sends to the page. Pure types, no
 * imports of ours but the spec types: the page and the worker both read them.
 */
import type { Activation } from '../model/types';

/** Rows and columns [top, bottom] × [left, right], inclusive, of a map of `height` × `width`. */
export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * Where the window of output pixel (y, x) lies on the layer's input: its
 * top-left corner in input coordinates (negative inside the padding), its
 * size and the stride and padding that placed it.
 */
export interface WindowPlace {
  top: number;
  left: number;
  /** Window side (kernel or pool size). */
  size: number;
  stride: number;
  /** Zero rows and columns added around the layer's input (TensorFlow's "same" puts an odd one after). */
  pad: Box;
}

/**
 * A conv output pixel worked out by hand: for every input channel c and
 * window cell (ky, kx), the input value (0 in the padding), the weight and
 * their product; all indexed [(ky·K + kx)·C + c], as tfjs lays kernels out.
 */
export interface ConvArithmetic {
  op: 'conv';
  window: WindowPlace;
  channels: number;
  /** Input values under the window, 0 where it lies in the padding. */
  patch: Float32Array;
  /** 1 where the window cell lies in the padding, else 0. */
  padded: Uint8Array;
  /** The filter's weights. */
  kernel: Float32Array;
  products: Float32Array;
  /** Sum of the products per input channel (length C). */
  channelSums: Float32Array;
  /** Sum of all products. */
  sum: number;
  bias: number;
  /** sum + bias. */
  preActivation: number;
  activation: Activation;
  /** activation(preActivation): the map's value. */
  value: number;
}

/** A pooling output pixel worked out by hand (one channel). */
export interface PoolArithmetic {
  op: 'max' | 'avg';
  window: WindowPlace;
  /** Values under the window, row-major size × size; NaN in the padding (neither max nor average counts it). */
  patch: Float32Array;
  /** Index into `patch` of the maximum (max pooling), else -1. */
  chosen: number;
  /** How many cells counted (the average divides by this). */
  count: number;
  value: number;
}

export type PixelArithmetic = ConvArithmetic | PoolArithmetic;
