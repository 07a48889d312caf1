import { ModelFileError } from '../ModelFileError';
import type { ModelSource, UploadedFile } from './modelSource';
import { isTfjsFolder, readTfjsFolder } from './readTfjsFolder';
import { message } from '../../model/message';

/** The first bytes of an HDF5 file (at offset 0 when it has no user block) and of a zip archive, which a `.keras` file is. */
const HDF5_SIGNATURE = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

const startsWith = (data: ArrayBuffer, signature: readonly number[]) => {
  const head = new Uint8Array(data, 0, Math.min(signature.length, data.byteLength));
  return head.length === signature.length && signature.every((b, i) => head[i] === b);
};

/** A part of the app loaded when first needed; a network that failed meanwhile gets a sentence, not a stack. */
export async function loadPart<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (cause) {
    throw new ModelFileError(message('errors:modelFile.readerNotLoaded'), { cause });
  }
}

const WHAT_TO_OPEN = message('errors:modelFile.whatToOpen');

/**
 * Reads whichever model format the files are: a TensorFlow.js folder when a
 * `.json` is among them (its shards may have no extension), else a `.keras`
 * or `.h5` file, by extension or, without one, by its first bytes. The HDF5
 * and zip readers, and h5wasm with them, load only here.
 */
export async function readModelSource(files: readonly UploadedFile[]): Promise<ModelSource> {
  if (files.length === 0) throw new ModelFileError(message('errors:modelFile.noFilesSelected', { what: WHAT_TO_OPEN }));
  if (isTfjsFolder(files)) return readTfjsFolder(files);
  const keras = files.find((f) => /\.keras$/i.test(f.name)) ?? (files.length === 1 && startsWith(files[0].data, ZIP_SIGNATURE) ? files[0] : undefined);
  const h5 = files.find((f) => /\.(h5|hdf5)$/i.test(f.name)) ?? (files.length === 1 && startsWith(files[0].data, HDF5_SIGNATURE) ? files[0] : undefined);
  if ((keras || h5) && files.length > 1) {
    throw new ModelFileError(message('errors:modelFile.openAlone', { files: files.length, format: keras ? '.keras' : '.h5' }));
  }
  if (keras) return (await loadPart(() => import('./readKerasArchive'))).readKerasArchive(keras);
  if (h5) return (await loadPart(() => import('./readKerasH5'))).readKerasH5(h5);
  const names = files.slice(0, 3).map((f) => `"${f.name}"`).join(', ');
  throw new ModelFileError(message(files.length > 3 ? 'errors:modelFile.noModelFileMore' : 'errors:modelFile.noModelFile', { names, what: WHAT_TO_OPEN }));
}
