import type * as H5Wasm from 'h5wasm';
import { ModelFileError } from '../ModelFileError';
import { message } from '../../model/message';

/** h5wasm, ready to use: its classes and the Emscripten module behind them (in-memory FS, heap, HDF5 calls). */
export interface Hdf5 {
  File: typeof H5Wasm.File;
  Group: typeof H5Wasm.Group;
  Dataset: typeof H5Wasm.Dataset;
  module: Awaited<typeof H5Wasm.ready>;
}

let loading: Promise<Hdf5> | undefined;

/**
 * h5wasm, loaded on first use and once. The import is dynamic so that its
 * chunk (HDF5 compiled to wasm, embedded in the JavaScript as base64, ~4 MB)
 * is fetched only when a file is opened or written, never with the page or
 * the worker. The same ESM entry serves the browser and Node (Vitest):
 * `h5wasm/node` would map its FS onto the disk (NODERAWFS), whereas the ESM
 * build keeps files in memory everywhere and needs nothing Node lacks.
 * Throws ModelFileError when it cannot load.
 */
export function loadHdf5(): Promise<Hdf5> {
  loading ??= import('h5wasm').then(
    async ({ File, Group, Dataset, ready }) => {
      const module = await ready;
      // HDF5's default error handler prints its error stack to the console and
      // returns a failure code that h5wasm mostly ignores (reading on from a
      // broken file yields garbage). This one throws the stack as an Error,
      // which readHdf5 and writeHdf5 turn into a sentence of their own.
      module.activate_throwing_error_handler();
      return { File, Group, Dataset, module };
    },
  ).catch((error: unknown) => {
    loading = undefined; // a chunk that failed to load may load on a later try
    throw new ModelFileError(message('errors:modelFile.hdf5NotLoaded'), { cause: error });
  });
  return loading;
}
