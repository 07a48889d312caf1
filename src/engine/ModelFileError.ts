/** Why uploaded model files cannot be read, in a sentence for the error banner. */
export class ModelFileError extends Error {
  override name = 'ModelFileError';
}
