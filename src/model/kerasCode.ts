import { KERAS_OPTIMIZER_DEFAULTS as KERAS } from './optimizerDefaults';
import type { LayerSpec, ModelSpec, OptimizerConfig, TrainConfig } from './types';

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

function layerCode(layer: LayerSpec): string {
  const activation = (a: string) => (a === 'linear' ? '' : `, activation="${a}"`);
  const padding = (p: string) => (p === 'same' ? ', padding="same"' : '');
  switch (layer.type) {
    case 'conv2d': {
      const strides = layer.strides === 1 ? '' : `, strides=${pair(layer.strides)}`;
      return `layers.Conv2D(${layer.filters}, ${pair(layer.kernelSize)}${strides}${padding(layer.padding)}${activation(layer.activation)})`;
    }
    case 'maxPool2d':
    case 'avgPool2d': {
      const name = layer.type === 'maxPool2d' ? 'MaxPooling2D' : 'AveragePooling2D';
      const strides = layer.strides === layer.poolSize ? '' : `, strides=${pair(layer.strides)}`;
      return `layers.${name}(${pair(layer.poolSize)}${strides}${padding(layer.padding)})`;
    }
    case 'flatten': return 'layers.Flatten()';
    case 'dense': return `layers.Dense(${layer.units}${activation(layer.activation)})`;
    case 'dropout': return `layers.Dropout(${py(layer.rate)})`;
    case 'batchNorm': return 'layers.BatchNormalization()';
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
 * A TensorFlow 2 / Keras script that builds, compiles and trains the same
 * network with the same settings, so a result here can be checked in Python.
 * Only non-default arguments are written, as a person would. A network whose
 * input is not 28×28×1 gets no MNIST loading or training, which would not fit it.
 */
export function kerasCode(spec: ModelSpec, config: TrainConfig, dataset: 'mnist' | 'fashion-mnist'): string {
  const [h, w, c] = spec.inputShape;
  const fitsDataset = h === 28 && w === 28 && c === 1;
  const lines = [
    'import tensorflow as tf',
    'from tensorflow import keras',
    'from tensorflow.keras import layers',
    '',
    `keras.utils.set_random_seed(${config.seed})`,
    '',
  ];
  if (fitsDataset) {
    lines.push(
      `(x_train, y_train), (x_test, y_test) = keras.datasets.${dataset === 'mnist' ? 'mnist' : 'fashion_mnist'}.load_data()`,
      'x_train = x_train[..., None].astype("float32") / 255.0',
      'x_test = x_test[..., None].astype("float32") / 255.0',
    );
  } else {
    lines.push(`# This network takes ${h}×${w}×${c} images: train it on a dataset of that size.`);
  }
  lines.push(
    '',
    'model = keras.Sequential([',
    `    keras.Input(shape=(${h}, ${w}, ${c})),`,
    ...spec.layers.map((l) => `    ${layerCode(l)},`),
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
      lines.push(`# Keras validates on the last ${pct} of x_train (classes already mixed); Convscope holds out a stratified, seeded ${pct}.`);
      fitArgs.push(`validation_split=${py(config.validationSplit)}`);
    }
    if (es) fitArgs.push('callbacks=[early_stopping]');
    lines.push(`model.fit(x_train, y_train, ${fitArgs.join(', ')})`, 'model.evaluate(x_test, y_test)');
  }
  return `${lines.join('\n')}\n`;
}
