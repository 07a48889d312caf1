import * as tf from '@tensorflow/tfjs';
import { mulberry32 } from '../data/random';
import type { BuiltModel } from './buildModel';
import { modelInputSize } from './modelInputSize';

export interface MaximizeOptions {
  /** Gradient-ascent steps (default 48). */
  steps?: number;
  /** Pixel change per step, after each gradient is scaled to unit RMS (default 0.03). */
  stepSize?: number;
  /** Pull of each step back toward grey, as a fraction of the distance (default 0.02): a cheap L2 prior that keeps images readable. */
  l2?: number;
  /** Seed of the starting noise (default 1). */
  seed?: number;
}

/** Amplitude of the starting noise around grey (the Keras recipe's order): a relu filter dead on plain grey still finds some input that wakes it, and ties between symmetric filters break. */
const START_NOISE = 0.1;
const GREY = 0.5;
/** Steps between two blurs of the images. */
const BLUR_EVERY = 4;

/**
 * Activation maximisation (Erhan et al. 2009; Keras's "visualizing what
 * convnets learn" recipe) for every filter of one layer at once: a batch of F
 * images, image f climbing the mean of channel f. Only reads the model's
 * weights, so it may run between training steps and sees the live weights.
 */
export class FilterMaximizer {
  readonly filters: number;
  readonly steps: number;
  readonly height: number;
  readonly width: number;
  private readonly stepSize: number;
  private readonly l2: number;
  /**
   * The layer's output, built once over the training model's layers. Never
   * disposed: it owns no weights, and disposing it would dispose the shared ones.
   */
  private readonly layerModel: tf.LayersModel;
  /** [F, h, w, 1], owned by this instance and replaced by each step. */
  private images: tf.Tensor4D;
  /** 1 where channel index = image index: picks each image's own filter. */
  private readonly diagonal: tf.Tensor2D;
  /** A 3×3 binomial blur, [3, 3, 1, 1]. */
  private readonly blur: tf.Tensor4D;
  private done_ = 0;
  private disposed = false;

  constructor(built: BuiltModel, layer: number, opts: MaximizeOptions = {}) {
    const { steps = 48, stepSize = 0.03, l2 = 0.02, seed = 1 } = opts;
    const target = built.layers[layer];
    if (!target) throw new Error(`No layer ${layer}`);
    const output = target.output as tf.SymbolicTensor;
    if (output.shape.length !== 4) throw new Error(`Layer ${layer} does not output [h, w, c] maps`);
    this.filters = output.shape[3] as number;
    this.steps = steps;
    this.stepSize = stepSize;
    this.l2 = l2;
    [this.height, this.width] = modelInputSize(built.model);
    this.layerModel = tf.model({ inputs: built.model.inputs, outputs: output });

    const rand = mulberry32(seed);
    const start = Float32Array.from({ length: this.filters * this.height * this.width }, () => GREY + START_NOISE * (2 * rand() - 1));
    this.images = tf.tensor4d(start, [this.filters, this.height, this.width, 1]);
    this.diagonal = tf.eye(this.filters) as tf.Tensor2D;
    this.blur = tf.tensor4d([1, 2, 1, 2, 4, 2, 1, 2, 1].map((v) => v / 16), [3, 3, 1, 1]);
  }

  get stepsDone(): number {
    return this.done_;
  }

  get done(): boolean {
    return this.done_ >= this.steps;
  }

  /** One gradient-ascent step for all filters. Resolves when its numbers are read, so callers can yield between steps. */
  async step(): Promise<void> {
    if (this.disposed) throw new Error('FilterMaximizer is disposed');
    if (this.done) return;
    const x = this.images;
    // The whole update runs synchronously, so training cannot change the
    // weights halfway through it; each step simply sees the latest weights.
    const next = tf.tidy(() => {
      const g = tf.grad((imgs: tf.Tensor) => this.objective(imgs as tf.Tensor4D).sum())(x);
      // Per-image RMS normalisation: every filter climbs at the same pace,
      // whatever the scale of its weights.
      const rms = g.square().mean([1, 2, 3], true).sqrt().add(1e-8);
      const climbed = x.add(g.div(rms).mul(this.stepSize)).sub(x.sub(GREY).mul(this.l2));
      // Now and then a light blur: without it the climb saturates into pixel-sized
      // noise, which raises the activation as well but shows nothing (Olah et al. 2017).
      const smooth = (this.done_ + 1) % BLUR_EVERY === 0 ? tf.conv2d(climbed as tf.Tensor4D, this.blur, 1, 'same') : climbed;
      return smooth.clipByValue(0, 1) as tf.Tensor4D;
    });
    this.images = next;
    x.dispose();
    this.done_++;
    // Wait for the values so a caller's loop actually yields to training and
    // messages instead of queuing work on the backend.
    const probe = tf.tidy(() => next.slice([0, 0, 0, 0], [1, 1, 1, 1]));
    try {
      await probe.data();
    } finally {
      probe.dispose();
    }
  }

  /** Images (F·h·w, in [0, 1]) and each filter's mean activation on its own image. */
  async result(): Promise<{ images: Float32Array; activations: Float32Array }> {
    if (this.disposed) throw new Error('FilterMaximizer is disposed');
    // Clone synchronously: a step or dispose() during the reads cannot free them.
    const [images, acts] = tf.tidy(() => [this.images.clone(), this.objective(this.images)]);
    try {
      const [i, a] = await Promise.all([images.data(), acts.data()]);
      return { images: (i as Float32Array).slice(), activations: (a as Float32Array).slice() };
    } finally {
      tf.dispose([images, acts]);
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    tf.dispose([this.images, this.diagonal, this.blur]);
  }

  /** [F]: mean of channel f of image f's layer output. Call inside tf.tidy. */
  private objective(imgs: tf.Tensor4D): tf.Tensor1D {
    const out = this.layerModel.apply(imgs, { training: false }) as tf.Tensor4D;
    return out.mean([1, 2]).mul(this.diagonal).sum(1) as tf.Tensor1D;
  }
}
