import type { ListedWeight } from '../../model/keras/matchWeightNames';

/** One uploaded file, as the page posts it. */
export interface UploadedFile {
  name: string;
  data: ArrayBuffer;
}

/**
 * A model file read as far as the formats differ: its Keras model config and
 * the weights it holds. Every format (a TensorFlow.js Layers folder, a Keras
 * 2 or 3 `.h5`, a Keras 3 `.keras`) comes to this, and one path turns it into
 * a spec and weights.
 */
export interface ModelSource {
  /** What topologyToSpec reads: a model.json, or a Keras model config. */
  topology: unknown;
  /** Every weight the file holds, by its name in the file and shape (read when asked: a model only studied needs none). */
  weights(): Promise<ListedWeight[]>;
  /** The float32 values of the i-th weight `weights()` listed; throws ModelFileError when they cannot be read. */
  values(i: number): Float32Array;
  /** The model's name for the run list: the file's, without its extension. */
  name: string;
  /** Where a weight's name comes from, in messages: "model.json", "m.h5". */
  where: string;
}
