import * as tf from '@tensorflow/tfjs';
import type { ConvKernels, LayerActivation } from '../protocol/engineResults';
import type { BuiltModel } from './buildModel';

/** A Conv2D or Dense without a bias (use_bias=False) as one with a zero bias, so explainers read kernel then bias alike. */
function withBias(ws: { shape: number[]; values: Float32Array }[]): { shape: number[]; values: Float32Array }[] {
  if (ws.length !== 1 || ws[0].shape.length < 2) return ws;
  const units = ws[0].shape[ws[0].shape.length - 1];
  return [...ws, { shape: [units], values: new Float32Array(units) }];
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
  constructor(private readonly built: BuiltModel) {
    // One output per spec layer; the classifier's is the class probabilities.
    this.activationModel = tf.model({ inputs: built.model.inputs, outputs: built.outputs });
  }

  /** Class probabilities for one 28×28 image (`pixels` in [0, 1], length h×w). */
  async predict(pixels: Float32Array): Promise<Float32Array> {
    const [h, w] = this.inputSize();
    const probs = tf.tidy(() => this.built.model.predict(tf.tensor4d(pixels, [1, h, w, 1])) as tf.Tensor);
    try {
      return ((await probs.data()) as Float32Array).slice();
    } finally {
      probs.dispose();
    }
  }

  /** Every spec layer's output for one image; the last entry holds the class probabilities. */
  async activations(pixels: Float32Array): Promise<LayerActivation[]> {
    return (await this.snapshot(pixels, [])).activations;
  }

  /**
   * Every spec layer's output for one image and the weights of `weightLayers`,
   * from the same training step: the forward pass and the weight copies are
   * taken together, before anything awaits, so that the numbers of an explainer
   * view agree with each other to float precision.
   */
  async snapshot(pixels: Float32Array, weightLayers: readonly number[]): Promise<{ activations: LayerActivation[]; weights: { shape: number[]; values: Float32Array }[][] }> {
    const [h, w] = this.inputSize();
    const layers = this.built.layers;
    const outs = tf.tidy(() => {
      const r = this.activationModel.predict(tf.tensor4d(pixels, [1, h, w, 1]));
      return Array.isArray(r) ? r : [r];
    });
    try {
      const [values, weights] = await Promise.all([
        Promise.all(outs.map((t) => t.data())),
        this.readWeights(weightLayers.map((l) => layers[l]?.getWeights() ?? [])),
      ]);
      const activations = outs.map((t, layer) => ({ layer, shape: t.shape.slice(1), values: (values[layer] as Float32Array).slice() }));
      return { activations, weights: weights.map(withBias) };
    } finally {
      tf.dispose(outs);
    }
  }

  /** The network the inspector reads (for explainers that run their own passes). */
  get model(): BuiltModel {
    return this.built;
  }

  /** Kernels and biases of every conv layer (zeros for one without a bias), all from the same training step. */
  async convKernels(): Promise<ConvKernels[]> {
    const layers = this.built.layers.map((l, layer) => ({ l, layer })).filter(({ l }) => l.getClassName() === 'Conv2D');
    const read = await this.readWeights(layers.map(({ l }) => l.getWeights()));
    return layers.map(({ layer }, i) => {
      const [kernel, bias] = read[i];
      const shape = kernel.shape as ConvKernels['shape'];
      return { layer, shape, values: kernel.values, bias: bias?.values ?? new Float32Array(shape[3]) };
    });
  }

  /** Trainable weights (kernels, biases, BatchNorm's gamma and beta) of each layer that has any, concatenated. */
  async layerWeights(): Promise<{ layer: number; values: Float32Array }[]> {
    const layers = this.built.layers.map((l, layer) => ({ layer, ws: l.getWeights(true) })).filter(({ ws }) => ws.length > 0);
    const read = await this.readWeights(layers.map(({ ws }) => ws));
    return layers.map(({ layer }, i) => {
      const parts = read[i];
      const values = new Float32Array(parts.reduce((a, p) => a + p.values.length, 0));
      let off = 0;
      for (const p of parts) {
        values.set(p.values, off);
        off += p.values.length;
      }
      return { layer, values };
    });
  }

  /**
   * Copies groups of live variables to the CPU as one consistent snapshot: the
   * clones are taken synchronously (they share the variables' data, ref-counted),
   * so an optimizer step or a disposal while the reads are in flight cannot
   * change or free what is read. getWeights() hands out the live variables:
   * only the clones are disposed.
   */
  private async readWeights(groups: tf.Tensor[][]): Promise<{ shape: number[]; values: Float32Array }[][]> {
    const clones = tf.tidy(() => groups.map((g) => g.map((w) => w.clone())));
    try {
      const datas = await Promise.all(clones.map((g) => Promise.all(g.map((t) => t.data()))));
      return clones.map((g, i) => g.map((t, j) => ({ shape: t.shape, values: (datas[i][j] as Float32Array).slice() })));
    } finally {
      tf.dispose(clones.flat());
    }
  }

  private inputSize(): [number, number] {
    const shape = this.built.model.inputs[0].shape;
    return [shape[1] as number, shape[2] as number];
  }
}
