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
  // Keras's layer names, as model.summary() prints them (a second one gets _1, _2…: the test drops that suffix)
  'conv2d', 'max_pooling2d', 'average_pooling2d', 'flatten', 'dense', 'dropout', 'batch_normalization', 'reshape', 'zero_padding2d',
  'activation', 're_lu', 'softmax', 'global_average_pooling2d', 'global_max_pooling2d', 'rescaling', 'spatial_dropout2d',
  'gaussian_noise', 'gaussian_dropout', 'random_rotation', 'random_translation', 'random_zoom', 'random_flip', 'random_contrast', 'input_layer',
  // Keras arguments and values
  'filters', 'kernel_size', 'strides', 'padding', 'activation', 'units', 'rate', 'pool_size', 'use_bias', 'input_shape', 'shape',
  'target_shape', 'scale', 'offset', 'stddev', 'momentum', 'epsilon', 'same', 'valid', 'relu', 'softmax', 'sigmoid', 'tanh',
  'linear', 'elu', 'selu', 'gelu', 'swish', 'he_normal', 'glorot_uniform', 'kernel_initializer', 'learning_rate', 'batch_size',
  'epochs', 'validation_split', 'nesterov', 'patience', 'monitor', 'restore_best_weights',
  // Keras and Python calls and names
  'model', 'summary', 'fit', 'compile', 'evaluate', 'predict', 'keras', 'layers', 'tf', 'np', 'import', 'from', 'as', 'None', 'True', 'False',
  'loss', 'accuracy', 'val_loss', 'val_accuracy', 'sparse_categorical_crossentropy', 'categorical_crossentropy', 'Param', 'Total', 'params',
  // optimizers, as Keras names them in classes and in compile(optimizer='adam'), and their arguments
  'Adam', 'SGD', 'RMSprop', 'RMSProp', 'Adagrad', 'Adadelta', 'Nesterov', 'adam', 'sgd', 'rmsprop', 'adadelta', 'beta1', 'beta2', 'beta_1', 'beta_2', 'rho',
  // units
  'px', 'ms', 's', 'kB', 'KB', 'MB', 'GB', 'B', 'img', 'min',
  // libraries and their names for things
  'scikit', 'learn', 'classification_report',
  // files and formats
  'keras', 'h5', 'json', 'bin', 'png', 'PNG', 'JPEG', 'WebP', 'HDF5', 'zip', 'TensorFlow', 'js', 'tfjs', 'Python', 'PyTorch',
  // the web and the machine
  'WebGL', 'WASM', 'WebAssembly', 'SIMD', 'CPU', 'GPU', 'Chrome', 'Chromium', 'IndexedDB',
  // names
  'Convscope', 'CNN', 'MNIST', 'Fashion', 'LeCun', 'Cortes', 'Burges', 'Zalando', 'Research', 'Keras', 'English', 'AlexNet', 'VGG', 'LeNet',
  // formulas' letters (output size ⌊(H + 2P − K)/S⌋ + 1, im2col's OH·OW × K·K·C, H×W×C) and the libraries and papers the explainer names
  'H', 'P', 'K', 'S', 'C', 'F', 'OH', 'OW', 'r', 'f', 'BLAS', 'SmoothGrad', 'Simonyan', 'Smilkov', 'Zeiler', 'Fergus', 'Krizhevsky', 'Zisserman', 'Simard', 'C5', 'C3',
  // Keras's own words where the page quotes it: model.summary()'s table, EarlyStopping and its arguments, file fields
  'Layer', 'type', 'Output', 'Shape', 'Trainable', 'Non', 'trainable', 'EarlyStopping', 'min_delta', 'JSON', 'JavaScript', 'models', 'load_model', 'loadLayersModel',
  'tensorflowjs_converter', 'Layers', 'config', 'weights', 'save', 'save_weights', 'model_config', 'model_weights', 'float16', 'float32', 'float64', 'uint8',
  // scores and maths
  'F1', 'NaN', 'Infinity', 'ReLU', 'im2col', 'max', 'argmax', 'x', 'y', 'W', 'b', 'k', 'n', 'i', 'j',
];
