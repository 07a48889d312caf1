import { KERAS_OPTIMIZER_DEFAULTS as KERAS } from '../optimizerDefaults';
import { isAugmentOn, type AugmentConfig } from '../augmentConfig';
import { inferShapes } from '../inferShapes';
import { pixelScale } from '../pixelScale';
import type { JsonValue, LayerSpec, ModelSpec, OptimizerConfig, TrainConfig } from '../types';

/**
 * A float as Python's repr prints it (0.001, 1e-07, 1.0), so the script reads
 * as if written by hand: positional from 1e-4 up to 1e16, scientific outside.
 */
function py(x: number): string {
  const [mantissa, exp] = x.toExponential().split('e');
  const e = Number(exp);
  if (e >= -4 && e < 16) {
    const s = String(x);
    return s.includes('.') ? s : `${s}.0`;
  }
  return `${mantissa}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

const pair = (n: number) => `(${n}, ${n})`;

/**
 * The words of the script's comments, in the page's language (Korean
 * tutorials comment their Keras code in Korean); the code itself stays Python.
 * The page passes them from its catalogue; ENGLISH_COMMENTS is the default.
 */
export interface KerasComments {
  /** Convscope's augmentation that Keras has no layer for: stroke thickness, elastic distortion, or both. */
  noKerasLayer(thickness: boolean, elastic: boolean): string;
  /** Augmentation on, but the model reads the images flat. */
  flatInput: string;
  /** Where the user's own classes come from. */
  ownClasses: string;
  /** The network's input (e.g. "32×32×1") is not the dataset's. */
  otherSize(shape: string): string;
  /** How Keras's validation split differs from Convscope's (e.g. "20%"). */
  validation(percent: string): string;
}

export const ENGLISH_COMMENTS: KerasComments = {
  noKerasLayer: (thickness, elastic) => {
    const none = [thickness ? 'stroke thickness' : '', elastic ? 'elastic distortion' : ''].filter(Boolean);
    return `Convscope also varies ${none.join(' and ')}: Keras has no layer for ${none.length > 1 ? 'them' : 'it'}.`;
  },
  flatInput: "Convscope augments the images: this model reads them flat, where Keras's random image layers do not apply.",
  ownClasses: 'Your classes: "Export" in the Your drawings panel saves them as one JSON file.',
  otherSize: (shape) => `This network takes ${shape} images: train it on a dataset of that size.`,
  validation: (pct) => `Keras validates on the last ${pct} of x_train (classes already mixed); Convscope holds out a stratified, seeded ${pct}.`,
};

/** A JSON value as Python source: a random layer's Keras arguments. */
function pyValue(v: JsonValue): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : py(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return `(${v.map(pyValue).join(', ')}${v.length === 1 ? ',' : ''})`;
  return `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${pyValue(x)}`).join(', ')}}`;
}

/** The layer's call with its own name, when it has one from a file: `layers.Dense(10, name="classifier")`. */
function layerCode(layer: LayerSpec): string {
  const call = layerCall(layer);
  if (!layer.name) return call;
  return `${call.slice(0, -1)}${call.endsWith('()') ? '' : ', '}name=${JSON.stringify(layer.name)})`;
}

function layerCall(layer: LayerSpec): string {
  const activation = (a: string) => (a === 'linear' ? '' : `, activation="${a}"`);
  const padding = (p: string) => (p === 'same' ? ', padding="same"' : '');
  const bias = layer.type === 'conv2d' || layer.type === 'dense' ? (layer.useBias === false ? ', use_bias=False' : '') : '';
  switch (layer.type) {
    case 'conv2d': {
      const strides = layer.strides === 1 ? '' : `, strides=${pair(layer.strides)}`;
      return `layers.Conv2D(${layer.filters}, ${pair(layer.kernelSize)}${strides}${padding(layer.padding)}${activation(layer.activation)}${bias})`;
    }
    case 'maxPool2d':
    case 'avgPool2d': {
      const name = layer.type === 'maxPool2d' ? 'MaxPooling2D' : 'AveragePooling2D';
      const strides = layer.strides === layer.poolSize ? '' : `, strides=${pair(layer.strides)}`;
      return `layers.${name}(${pair(layer.poolSize)}${strides}${padding(layer.padding)})`;
    }
    case 'flatten': return 'layers.Flatten()';
    case 'dense': return `layers.Dense(${layer.units}${activation(layer.activation)}${bias})`;
    case 'dropout': return `layers.Dropout(${py(layer.rate)})`;
    case 'batchNorm': return 'layers.BatchNormalization()';
    case 'reshape': return `layers.Reshape((${layer.targetShape.join(', ')}${layer.targetShape.length === 1 ? ',' : ''}))`;
    case 'zeroPadding2d': {
      const [t, b, l, r] = layer.padding;
      if (t === b && b === l && l === r) return `layers.ZeroPadding2D(${t})`;
      return t === b && l === r ? `layers.ZeroPadding2D((${t}, ${l}))` : `layers.ZeroPadding2D(((${t}, ${b}), (${l}, ${r})))`;
    }
    case 'activation': return `layers.Activation("${layer.activation}")`;
    case 'relu': return 'layers.ReLU()';
    case 'globalAvgPool2d': return 'layers.GlobalAveragePooling2D()';
    case 'globalMaxPool2d': return 'layers.GlobalMaxPooling2D()';
    case 'rescaling': {
      const scale = Math.abs(layer.scale * 255 - 1) < 1e-9 ? '1 / 255' : Math.abs(layer.scale * 127.5 - 1) < 1e-9 ? '1 / 127.5' : py(layer.scale);
      return `layers.Rescaling(${scale}${layer.offset ? `, offset=${py(layer.offset)}` : ''})`;
    }
    case 'spatialDropout2d': return `layers.SpatialDropout2D(${py(layer.rate)})`;
    case 'gaussianNoise': return `layers.GaussianNoise(${py(layer.stddev)})`;
    case 'gaussianDropout': return `layers.GaussianDropout(${py(layer.rate)})`;
    case 'random': {
      const args = Object.entries(layer.config).map(([k, v]) => `${k}=${pyValue(v)}`);
      return `layers.${layer.className}(${args.join(', ')})`;
    }
  }
}

/** `name=value` for each value that differs from Keras's default. */
function nonDefault(args: readonly (readonly [name: string, value: number, keras: number])[]): string[] {
  return args.filter(([, value, keras]) => value !== keras).map(([name, value]) => `${name}=${py(value)}`);
}

function optimizerCode(o: OptimizerConfig): string {
  const call = (name: string, args: string[]) => `${name}(${[`learning_rate=${py(o.learningRate)}`, ...args].join(', ')})`;
  switch (o.name) {
    case 'sgd':
      return call('SGD', [...nonDefault([['momentum', o.momentum, KERAS.sgd.momentum]]), ...(o.nesterov ? ['nesterov=True'] : [])]);
    case 'adam':
      return call('Adam', nonDefault([['beta_1', o.beta1, KERAS.adam.beta1], ['beta_2', o.beta2, KERAS.adam.beta2], ['epsilon', o.epsilon, KERAS.adam.epsilon]]));
    case 'rmsprop':
      return call('RMSprop', nonDefault([['rho', o.rho, KERAS.rmsprop.rho], ['momentum', o.momentum, KERAS.rmsprop.momentum], ['epsilon', o.epsilon, KERAS.rmsprop.epsilon]]));
    case 'adadelta':
      return call('Adadelta', nonDefault([['rho', o.rho, KERAS.adadelta.rho], ['epsilon', o.epsilon, KERAS.adadelta.epsilon]]));
  }
}

/**
 * Keras's random preprocessing layers for the augmentation that has one (they
 * act only in training, as here); stroke thickness and elastic distortion have
 * none in Keras, and a comment says so.
 */
function augmentCode(augment: AugmentConfig | null | undefined, h: number, w: number, comments: KerasComments): string[] {
  if (!augment || !isAugmentOn(augment)) return [];
  const out: string[] = [];
  const { shift, rotate, scale, thickness, elastic } = augment;
  if (shift.on && shift.pixels > 0) out.push(`    layers.RandomTranslation(${py(round4(shift.pixels / h))}, ${py(round4(shift.pixels / w))}, fill_mode="constant"),`);
  if (rotate.on && rotate.degrees > 0) out.push(`    layers.RandomRotation(${py(round4(rotate.degrees / 360))}, fill_mode="constant"),`);
  if (scale.on && scale.amount > 0) out.push(`    layers.RandomZoom(${py(round4(scale.amount))}, fill_mode="constant"),`);
  const thick = thickness.on && thickness.chance > 0;
  const elastics = elastic.on && elastic.alpha > 0;
  if (thick || elastics) out.push(`    # ${comments.noKerasLayer(thick, elastics)}`);
  return out;
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

/**
 * The layers' lines with the augmentation's where Keras's random layers can
 * take it: on H×W×C images, so after a Reshape that makes them when the model
 * declares a 28×28 or 784 input; left out, with a comment, when none does.
 */
function withAugmentation(spec: ModelSpec, augment: string[], comments: KerasComments): string[] {
  const lines = spec.layers.map((l) => `    ${layerCode(l)},`);
  if (augment.length === 0) return lines;
  if (!spec.kerasInput || spec.kerasInput.length === 3) return [...augment, ...lines];
  const info = inferShapes(spec);
  const at = info.layers.findIndex((l, i) => i <= 1 && l.outputShape?.length === 3);
  if (at < 0) return [`    # ${comments.flatInput}`, ...lines];
  return [...lines.slice(0, at + 1), ...augment, ...lines.slice(at + 1)];
}

/**
 * A TensorFlow 2 / Keras script that builds, compiles and trains the same
 * network with the same settings, so a result here can be checked in Python.
 * Only non-default arguments are written, as a person would. A network whose
 * input is not 28×28×1 gets no MNIST loading or training, which would not fit it.
 */
export function kerasCode(spec: ModelSpec, config: TrainConfig, dataset: 'mnist' | 'fashion-mnist' | 'own', comments: KerasComments = ENGLISH_COMMENTS): string {
  const [h, w, c] = spec.inputShape;
  const fitsDataset = h === 28 && w === 28 && c === 1;
  const input = spec.kerasInput ?? spec.inputShape;
  // The images as the model declares them: [..., None] adds the channel, reshape flattens them.
  const shaped = input.length === 3 ? 'x[..., None]' : input.length === 2 ? 'x' : `x.reshape(-1, ${input[0]})`;
  // A model that rescales at its input reads the 0–255 pixels as they are.
  const prepare = (x: string) => `${shaped.replace('x', x)}.astype("float32")${pixelScale(spec) === 255 ? '' : ' / 255.0'}`;
  const lines = [
    'import tensorflow as tf',
    'from tensorflow import keras',
    'from tensorflow.keras import layers',
    '',
    `keras.utils.set_random_seed(${config.seed})`,
    '',
  ];
  if (fitsDataset && dataset === 'own') {
    lines.push(
      `# ${comments.ownClasses}`,
      'import base64, json',
      'import numpy as np',
      'with open("convscope-classes.json") as f:',
      '    drawings = json.load(f)',
      'class_names = drawings["classNames"]',
      'x_train = np.stack([np.frombuffer(base64.b64decode(d["pixels"]), np.uint8).reshape(28, 28) for d in drawings["drawings"]])',
      'y_train = np.array([d["label"] for d in drawings["drawings"]])',
      `x_train = ${prepare('x_train')}`,
    );
  } else if (fitsDataset) {
    lines.push(
      `(x_train, y_train), (x_test, y_test) = keras.datasets.${dataset === 'mnist' ? 'mnist' : 'fashion_mnist'}.load_data()`,
      `x_train = ${prepare('x_train')}`,
      `x_test = ${prepare('x_test')}`,
    );
  } else {
    lines.push(`# ${comments.otherSize(`${h}×${w}×${c}`)}`);
  }
  lines.push(
    '',
    'model = keras.Sequential([',
    `    keras.Input(shape=(${input.join(', ')}${input.length === 1 ? ',' : ''})),`,
    ...withAugmentation(spec, augmentCode(config.augment, h, w, comments), comments),
    '])',
    'model.compile(',
    `    optimizer=keras.optimizers.${optimizerCode(config.optimizer)},`,
    '    loss="sparse_categorical_crossentropy",',
    '    metrics=["accuracy"],',
    ')',
    'model.summary()',
  );
  if (fitsDataset) {
    const fitArgs = [`epochs=${config.epochs}`, `batch_size=${config.batchSize}`];
    lines.push('');
    const es = config.earlyStopping;
    if (es) {
      const args = [
        `monitor="${es.monitor}"`,
        ...(es.minDelta !== 0 ? [`min_delta=${py(es.minDelta)}`] : []),
        `patience=${es.patience}`,
        ...(es.restoreBestWeights ? ['restore_best_weights=True'] : []),
      ];
      lines.push(`early_stopping = keras.callbacks.EarlyStopping(${args.join(', ')})`);
    }
    if (config.validationSplit > 0) {
      const pct = `${Number((config.validationSplit * 100).toFixed(6))}%`;
      lines.push(`# ${comments.validation(pct)}`);
      fitArgs.push(`validation_split=${py(config.validationSplit)}`);
    }
    if (es) fitArgs.push('callbacks=[early_stopping]');
    if (dataset === 'own') {
      // Keras's validation_split takes the last images: shuffled once, every class is in both parts.
      lines.push('order = np.random.permutation(len(x_train))', 'x_train, y_train = x_train[order], y_train[order]');
    }
    lines.push(`model.fit(x_train, y_train, ${fitArgs.join(', ')})`);
    if (dataset !== 'own') lines.push('model.evaluate(x_test, y_test)');
  }
  return `${lines.join('\n')}\n`;
}
