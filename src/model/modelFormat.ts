/** How a model is downloaded: Keras 3's `.keras` archive, Keras 2's `.h5` file, or TensorFlow.js Layers files. */
export type ModelFormat = 'keras' | 'h5' | 'tfjs';
