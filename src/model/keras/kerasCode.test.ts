import { describe, expect, it } from 'vitest';
import { AUGMENT_OFF } from '../augmentConfig';
import { kerasCode } from './kerasCode';
import { SEED_002_SPEC } from '../presets';
import { EVERY_LAYER_SPEC } from '../testing/everyLayerSpec';
import type { ModelSpec, OptimizerConfig, TrainConfig } from '../types';

const SEED_002_CONFIG: TrainConfig = {
  epochs: 5,
  batchSize: 32,
  optimizer: { name: 'adam', learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 },
  validationSplit: 0.2,
  seed: 42,
  earlyStopping: null,
};

const lineWith = (code: string, start: string) => code.split('\n').map((l) => l.trim()).find((l) => l.startsWith(start));
const optimizerLine = (optimizer: OptimizerConfig) => lineWith(kerasCode(SEED_002_SPEC, { ...SEED_002_CONFIG, optimizer }, 'mnist'), 'optimizer=');
const layerLines = (spec: ModelSpec) =>
  kerasCode(spec, SEED_002_CONFIG, 'mnist').split('\n').filter((l) => l.startsWith('    layers.')).map((l) => l.trim());

describe('kerasCode', () => {
  it('writes seed 002 as the tutorial would', () => {
    expect(kerasCode(SEED_002_SPEC, SEED_002_CONFIG, 'fashion-mnist')).toBe(`import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

keras.utils.set_random_seed(42)

(x_train, y_train), (x_test, y_test) = keras.datasets.fashion_mnist.load_data()
x_train = x_train[..., None].astype("float32") / 255.0
x_test = x_test[..., None].astype("float32") / 255.0

model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Conv2D(64, (3, 3), activation="relu"),
    layers.MaxPooling2D((2, 2)),
    layers.Conv2D(64, (3, 3), activation="relu"),
    layers.MaxPooling2D((2, 2)),
    layers.Flatten(),
    layers.Dense(128, activation="relu"),
    layers.Dense(10, activation="softmax"),
])
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=0.001),
    loss="sparse_categorical_crossentropy",
    metrics=["accuracy"],
)
model.summary()

# Keras validates on the last 20% of x_train (classes already mixed); Convscope holds out a stratified, seeded 20%.
model.fit(x_train, y_train, epochs=5, batch_size=32, validation_split=0.2)
model.evaluate(x_test, y_test)
`);
  });

  it('loads MNIST and omits validation when there is none', () => {
    const code = kerasCode(SEED_002_SPEC, { ...SEED_002_CONFIG, validationSplit: 0, seed: 7, epochs: 12, batchSize: 128 }, 'mnist');
    expect(lineWith(code, '(x_train')).toBe('(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()');
    expect(lineWith(code, 'keras.utils')).toBe('keras.utils.set_random_seed(7)');
    expect(lineWith(code, 'model.fit')).toBe('model.fit(x_train, y_train, epochs=12, batch_size=128)');
    expect(code).not.toContain('#');
  });

  it('writes strides, padding and activation only when not the default', () => {
    const spec: ModelSpec = {
      inputShape: [28, 28, 1],
      layers: [
        { type: 'conv2d', filters: 32, kernelSize: 5, strides: 2, padding: 'same', activation: 'tanh' },
        { type: 'conv2d', filters: 8, kernelSize: 1, strides: 1, padding: 'valid', activation: 'linear' },
        { type: 'maxPool2d', poolSize: 3, strides: 2, padding: 'valid' },
        { type: 'avgPool2d', poolSize: 2, strides: 2, padding: 'same' },
        { type: 'batchNorm' },
        { type: 'dropout', rate: 0.25 },
        { type: 'flatten' },
        { type: 'dense', units: 64, activation: 'linear' },
        { type: 'dropout', rate: 0 },
        { type: 'dense', units: 10, activation: 'softmax' },
      ],
    };
    expect(layerLines(spec)).toEqual([
      'layers.Conv2D(32, (5, 5), strides=(2, 2), padding="same", activation="tanh"),',
      'layers.Conv2D(8, (1, 1)),',
      'layers.MaxPooling2D((3, 3), strides=(2, 2)),',
      'layers.AveragePooling2D((2, 2), padding="same"),',
      'layers.BatchNormalization(),',
      'layers.Dropout(0.25),',
      'layers.Flatten(),',
      'layers.Dense(64),',
      'layers.Dropout(0.0),',
      'layers.Dense(10, activation="softmax"),',
    ]);
  });

  it('writes each optimizer with its non-default hyperparameters', () => {
    expect(optimizerLine({ name: 'sgd', learningRate: 0.01, momentum: 0, nesterov: false })).toBe('optimizer=keras.optimizers.SGD(learning_rate=0.01),');
    expect(optimizerLine({ name: 'sgd', learningRate: 0.1, momentum: 0.9, nesterov: true })).toBe(
      'optimizer=keras.optimizers.SGD(learning_rate=0.1, momentum=0.9, nesterov=True),',
    );
    expect(optimizerLine({ name: 'adam', learningRate: 0.0003, beta1: 0.5, beta2: 0.999, epsilon: 1e-8 })).toBe(
      'optimizer=keras.optimizers.Adam(learning_rate=0.0003, beta_1=0.5, epsilon=1e-08),',
    );
    expect(optimizerLine({ name: 'rmsprop', learningRate: 0.001, rho: 0.9, momentum: 0, epsilon: 1e-7 })).toBe(
      'optimizer=keras.optimizers.RMSprop(learning_rate=0.001),',
    );
    expect(optimizerLine({ name: 'rmsprop', learningRate: 1e-5, rho: 0.95, momentum: 0.5, epsilon: 1 })).toBe(
      'optimizer=keras.optimizers.RMSprop(learning_rate=1e-05, rho=0.95, momentum=0.5, epsilon=1.0),',
    );
    expect(optimizerLine({ name: 'adadelta', learningRate: 1, rho: 0.95, epsilon: 1e-7 })).toBe(
      'optimizer=keras.optimizers.Adadelta(learning_rate=1.0),',
    );
    expect(optimizerLine({ name: 'adadelta', learningRate: 0.001, rho: 0.9, epsilon: 1e-6 })).toBe(
      'optimizer=keras.optimizers.Adadelta(learning_rate=0.001, rho=0.9, epsilon=1e-06),',
    );
  });

  it('adds early stopping as a callback', () => {
    const code = kerasCode(SEED_002_SPEC, {
      ...SEED_002_CONFIG,
      epochs: 20,
      earlyStopping: { monitor: 'val_loss', minDelta: 0, patience: 3, restoreBestWeights: true },
    }, 'fashion-mnist');
    expect(code.split('\n').slice(-6).join('\n')).toBe(`
early_stopping = keras.callbacks.EarlyStopping(monitor="val_loss", patience=3, restore_best_weights=True)
# Keras validates on the last 20% of x_train (classes already mixed); Convscope holds out a stratified, seeded 20%.
model.fit(x_train, y_train, epochs=20, batch_size=32, validation_split=0.2, callbacks=[early_stopping])
model.evaluate(x_test, y_test)
`);
    const other = kerasCode(SEED_002_SPEC, {
      ...SEED_002_CONFIG,
      validationSplit: 0.15,
      earlyStopping: { monitor: 'val_accuracy', minDelta: 0.001, patience: 5, restoreBestWeights: false },
    }, 'fashion-mnist');
    expect(lineWith(other, 'early_stopping')).toBe('early_stopping = keras.callbacks.EarlyStopping(monitor="val_accuracy", min_delta=0.001, patience=5)');
    expect(lineWith(other, '#')).toBe(
      '# Keras validates on the last 15% of x_train (classes already mixed); Convscope holds out a stratified, seeded 15%.',
    );
  });

  it('builds but does not train a network for larger images', () => {
    const alexnetStem: ModelSpec = {
      inputShape: [227, 227, 3],
      layers: [
        { type: 'conv2d', filters: 96, kernelSize: 11, strides: 4, padding: 'valid', activation: 'relu' },
        { type: 'maxPool2d', poolSize: 3, strides: 2, padding: 'valid' },
        { type: 'flatten' },
        { type: 'dense', units: 1000, activation: 'softmax' },
      ],
    };
    const config = { ...SEED_002_CONFIG, earlyStopping: { monitor: 'val_loss' as const, minDelta: 0, patience: 3, restoreBestWeights: true } };
    expect(kerasCode(alexnetStem, config, 'mnist')).toBe(`import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

keras.utils.set_random_seed(42)

# This network takes 227×227×3 images: train it on a dataset of that size.

model = keras.Sequential([
    keras.Input(shape=(227, 227, 3)),
    layers.Conv2D(96, (11, 11), strides=(4, 4), activation="relu"),
    layers.MaxPooling2D((3, 3), strides=(2, 2)),
    layers.Flatten(),
    layers.Dense(1000, activation="softmax"),
])
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=0.001),
    loss="sparse_categorical_crossentropy",
    metrics=["accuracy"],
)
model.summary()
`);
  });

  it('prints numbers as Python does', () => {
    const rates = [0.5, 0.1, 1e-4, 1.5e-5, 0.3333333333333333];
    const spec: ModelSpec = { inputShape: [28, 28, 1], layers: rates.map((rate) => ({ type: 'dropout', rate })) };
    expect(layerLines(spec)).toEqual([
      'layers.Dropout(0.5),', 'layers.Dropout(0.1),', 'layers.Dropout(0.0001),', 'layers.Dropout(1.5e-05),', 'layers.Dropout(0.3333333333333333),',
    ]);
  });
});

describe('kerasCode for models read from Keras files', () => {
  it('writes every layer type as Keras code, the declared input, and 0–255 pixels for a model that rescales them', () => {
    const code = kerasCode(EVERY_LAYER_SPEC, SEED_002_CONFIG, 'mnist');
    expect(layerLines(EVERY_LAYER_SPEC)).toEqual([
      'layers.Reshape((28, 28, 1)),',
      'layers.Rescaling(1 / 255),',
      'layers.RandomRotation(factor=0.05, fill_mode="constant"),',
      'layers.ZeroPadding2D(2),',
      'layers.Conv2D(4, (5, 5), use_bias=False),',
      'layers.BatchNormalization(),',
      'layers.Activation("relu"),',
      'layers.MaxPooling2D((2, 2)),',
      'layers.SpatialDropout2D(0.1),',
      'layers.Conv2D(6, (3, 3), padding="same"),',
      'layers.ReLU(),',
      'layers.AveragePooling2D((2, 2)),',
      'layers.GlobalMaxPooling2D(),',
      'layers.GaussianNoise(0.1),',
      'layers.Dense(12, activation="tanh", use_bias=False),',
      'layers.GaussianDropout(0.1),',
      'layers.Dropout(0.2),',
      'layers.Dense(10),',
      'layers.Activation("softmax"),',
    ]);
    expect(lineWith(code, 'keras.Input(')).toBe('keras.Input(shape=(28, 28)),');
    expect(lineWith(code, 'x_train = ')).toBe('x_train = x_train.astype("float32")');
    const flat: ModelSpec = { inputShape: [28, 28, 1], kerasInput: [784], layers: [{ type: 'dense', units: 10, activation: 'softmax' }] };
    expect(lineWith(kerasCode(flat, SEED_002_CONFIG, 'mnist'), 'x_test = ')).toBe('x_test = x_test.reshape(-1, 784).astype("float32") / 255.0');
    expect(lineWith(kerasCode(flat, SEED_002_CONFIG, 'mnist'), 'keras.Input(')).toBe('keras.Input(shape=(784,)),');
  });
});

describe('kerasCode augmentation on a declared input', () => {
  const augment = { ...AUGMENT_OFF, rotate: { on: true, degrees: 15 } };
  it('puts the random layers after the Reshape that makes images of a 28×28 input', () => {
    const code = kerasCode(EVERY_LAYER_SPEC, { ...SEED_002_CONFIG, augment }, 'mnist');
    const lines = code.split('\n').map((l) => l.trim());
    expect(lines.indexOf('layers.Reshape((28, 28, 1)),')).toBeLessThan(lines.findIndex((l) => l.startsWith('layers.RandomRotation(0.0417')));
  });

  it('leaves them out, and says so, for a model that reads flat images', () => {
    const flat: ModelSpec = { inputShape: [28, 28, 1], kerasInput: [784], layers: [{ type: 'dense', units: 10, activation: 'softmax' }] };
    const code = kerasCode(flat, { ...SEED_002_CONFIG, augment }, 'mnist');
    expect(code).not.toContain('layers.RandomRotation');
    expect(code).toContain("# Convscope augments the images: this model reads them flat, where Keras's random image layers do not apply.");
  });
});
