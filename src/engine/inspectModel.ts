import * as tf from '@tensorflow/tfjs';
import type { BuiltModel } from './buildModel';

/** One spec layer's output for one input image. */
export interface LayerActivation {
  /** Index into the spec's layers. */
  layer: number;
  /** Output shape without the batch dimension: [h, w, c] or [units]. */
  shape: number[];
  /** Row-major values (channels last), a copy safe to transfer. */
  values: Float32Array;
}

/** A conv layer's kernels. */
export interface ConvKernels {
  layer: number;
  /** [kernelH, kernelW, inChannels, filters], as tfjs stores them. */
  shape: [number, number, number, number];
  values: Float32Array;
  bias: Float32Array;
}

/**
 * Reads a live model without disturbing its training: predictions, every
 * layer's activations and the conv kernels, with the current weights.
 *
 * The activation model is built once over the training model's layers and is
 * never disposed: it shares their variables, and disposing it would dispose the
 * training model's weights. Only its output tensors are freed.
 */
export class ModelInspector {
  private readonly activationModel: tf.LayersModel;
  /** tfjs layer whose output stands for each spec layer (the last one is the softmax). */
  private readonly layerOutputs: tf.SymbolicTensor[];

  constructor(private readonly built: BuiltModel) {
    const layers = built.model.layers;
    // Spec layer i is tfjs layer i, except that the final Dense was split into
    // a linear Dense plus a Softmax layer: show the probabilities for it.
    this.layerOutputs = layers.slice(0, -1).map((l) => l.output as tf.SymbolicTensor);
    this.layerOutputs[this.layerOutputs.length - 1] = layers[layers.length - 1].output as tf.SymbolicTensor;
    this.activationModel = tf.model({ inputs: built.model.inputs, outputs: this.layerOutputs });
  }

  /** Class probabilities for one 28×28 image (`pixels` in [0, 1], length h×w). */
  async predict(pixels: Float32Array): Promise<Float32Array> {
    const [h, w] = this.inputSize();
    const probs = tf.tidy(() => this.built.model.predict(tf.tensor4d(pixels, [1, h, w, 1])) as tf.Tensor);
    const out = (await probs.data()) as Float32Array;
    probs.dispose();
    return out.slice();
  }

  /** Every spec layer's output for one image; the last entry holds the class probabilities. */
  async activations(pixels: Float32Array): Promise<LayerActivation[]> {
    const [h, w] = this.inputSize();
    const outs = tf.tidy(() => {
      const r = this.activationModel.predict(tf.tensor4d(pixels, [1, h, w, 1]));
      return Array.isArray(r) ? r : [r];
    });
    try {
      const values = await Promise.all(outs.map((t) => t.data()));
      return outs.map((t, layer) => ({ layer, shape: t.shape.slice(1), values: (values[layer] as Float32Array).slice() }));
    } finally {
      tf.dispose(outs);
    }
  }

  /** Kernels and biases of every conv layer, copied out of the live variables. */
  async convKernels(): Promise<ConvKernels[]> {
    const result: ConvKernels[] = [];
    for (const [layer, l] of this.built.model.layers.entries()) {
      if (l.getClassName() !== 'Conv2D') continue;
      // getWeights() hands out the live variables: read, never dispose.
      const [kernel, bias] = l.getWeights();
      const [k, b] = await Promise.all([kernel.data(), bias.data()]);
      result.push({ layer, shape: kernel.shape as ConvKernels['shape'], values: (k as Float32Array).slice(), bias: (b as Float32Array).slice() });
    }
    return result;
  }

  /** Trainable weights (kernels, biases, BatchNorm's gamma and beta) of each layer that has any, concatenated. */
  async layerWeights(): Promise<{ layer: number; values: Float32Array }[]> {
    const result: { layer: number; values: Float32Array }[] = [];
    for (const [layer, l] of this.built.model.layers.entries()) {
      const ws = l.getWeights(true);
      if (ws.length === 0) continue;
      const datas = await Promise.all(ws.map((w) => w.data()));
      const values = new Float32Array(datas.reduce((a, d) => a + d.length, 0));
      let off = 0;
      for (const d of datas) {
        values.set(d as Float32Array, off);
        off += d.length;
      }
      result.push({ layer, values });
    }
    return result;
  }

  private inputSize(): [number, number] {
    const shape = this.built.model.inputs[0].shape;
    return [shape[1] as number, shape[2] as number];
  }
}
