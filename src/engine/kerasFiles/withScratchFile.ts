import type { Hdf5 } from './loadHdf5';

let count = 0;

/**
 * Runs `run` on a fresh path in h5wasm's in-memory file system (HDF5 opens
 * files only by name), holding `bytes` when given, and deletes the file
 * afterwards, whether `run` returned or threw. `run` must close what it opens.
 * The name is ours, never the user's: a file name may hold anything.
 */
export function withScratchFile<T>({ module: { FS } }: Hdf5, bytes: Uint8Array | undefined, run: (path: string) => T): T {
  const path = `/tmp/convscope-${++count}.h5`;
  if (bytes) FS.writeFile(path, bytes);
  try {
    return run(path);
  } finally {
    // Writing may fail before HDF5 has created the file.
    if (FS.analyzePath(path, false).exists) FS.unlink(path);
  }
}
