/**
 * Runs of Latin letters the Korean page may show: names Korean tutorials keep
 * as Keras, Python and the web write them (docs/TRANSLATING.md). Anything
 * else in Latin letters on a `lang=ko` page is a string left untranslated.
 */
export const KOREAN_ALLOW_LIST: readonly string[] = [
  // Keras layers, as Keras writes their classes
  'Conv2D', 'MaxPooling2D', 'MaxPool2D', 'AveragePooling2D', 'AvgPool2D', 'Dense', 'Flatten', 'Dropout', 'BatchNormalization',
  'Reshape', 'ZeroPadding2D', 'Activation', 'ReLU', 'Softmax', 'GlobalAveragePooling2D', 'GlobalMaxPooling2D', 'Rescaling',
  'SpatialDropout2D', 'GaussianNoise', 'GaussianDropout', 'RandomRotation', 'RandomTranslation', 'RandomZoom', 'RandomFlip',
  'RandomContrast', 'InputLayer', 'Input', 'Sequential', 'Model', 'Lambda', 'LSTM', 'Embedding',
  // Keras arguments and values
  'filters', 'kernel_size', 'strides', 'padding', 'activation', 'units', 'rate', 'pool_size', 'use_bias', 'input_shape', 'shape',
  'target_shape', 'scale', 'offset', 'stddev', 'momentum', 'epsilon', 'same', 'valid', 'relu', 'softmax', 'sigmoid', 'tanh',
  'linear', 'elu', 'selu', 'gelu', 'swish', 'he_normal', 'glorot_uniform', 'kernel_initializer', 'learning_rate', 'batch_size',
  'epochs', 'validation_split', 'nesterov', 'patience', 'monitor', 'restore_best_weights',
  // Keras and Python calls and names
  'model', 'summary', 'fit', 'compile', 'evaluate', 'predict', 'keras', 'layers', 'tf', 'np', 'import', 'from', 'as', 'None', 'True', 'False',
  'loss', 'accuracy', 'val_loss', 'val_accuracy', 'sparse_categorical_crossentropy', 'categorical_crossentropy', 'Param', 'Total', 'params',
  // optimizers
  'Adam', 'SGD', 'RMSprop', 'Adagrad', 'Adadelta', 'Nesterov',
  // units
  'px', 'ms', 's', 'kB', 'KB', 'MB', 'GB', 'B', 'img', 'min',
  // files and formats
  'keras', 'h5', 'json', 'bin', 'png', 'PNG', 'JPEG', 'HDF5', 'zip', 'TensorFlow', 'js', 'tfjs', 'Python', 'PyTorch',
  // the web and the machine
  'WebGL', 'WASM', 'WebAssembly', 'SIMD', 'CPU', 'GPU', 'Chrome', 'Chromium', 'IndexedDB',
  // names
  'Convscope', 'CNN', 'MNIST', 'Fashion', 'LeCun', 'Cortes', 'Burges', 'Zalando', 'Research', 'Keras', 'English', 'AlexNet', 'VGG', 'LeNet',
  // scores and maths
  'F1', 'NaN', 'Infinity', 'ReLU', 'im2col', 'max', 'argmax', 'x', 'y', 'W', 'b', 'k', 'n', 'i', 'j',
];
