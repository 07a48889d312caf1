import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ModelFileError } from '../ModelFileError';
import { loadHdf5 } from './loadHdf5';
import { readHdf5 } from './readHdf5';
import { hasH5py, h5pyWriteKerasLike } from './testing/h5py';
import { kerasLikeTree } from './testing/kerasLikeTree';
import { writeHdf5 } from './writeHdf5';
import { english } from '../../i18n/testing/words';

/** The error readHdf5 rejects with, checked to be a ModelFileError. */
async function failure(bytes: Uint8Array, fileName = 'model.h5'): Promise<ModelFileError> {
  const error = await readHdf5(bytes, fileName).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ModelFileError);
  return error as ModelFileError;
}

describe('readHdf5', () => {
  it('refuses bytes that are not HDF5, naming the file', async () => {
    const json = new TextEncoder().encode('{"format": "layers-model"}');
    expect(english((await failure(json, 'my model.h5')).detail)).toBe(
      'my model.h5 is not an HDF5 file: it looks like JSON (a TensorFlow.js model is model.json and its .bin files)',
    );
  });

  it('refuses the first half of a file as truncated, saying how much is missing', async () => {
    const whole = await writeHdf5(kerasLikeTree());
    const half = whole.slice(0, whole.length >> 1);
    expect(english((await failure(half)).detail)).toBe(
      `model.h5 is truncated or damaged: it has ${half.length} bytes, but its HDF5 header says ${whole.length} bytes. The download or copy may have been cut short; fetch or save it again.`,
    );
  });

  it('turns whatever HDF5 finds wrong in damaged bytes into a sentence that says where, and goes on reading other files', { timeout: 60_000 }, async () => {
    const whole = await writeHdf5(kerasLikeTree());
    const wheres = new Set<string>();
    // Scribble over each 16 bytes after the superblock in turn: metadata breaks; raw values change unnoticed, as HDF5 keeps no checksum of them.
    for (let at = 48; at < whole.length; at += 16) {
      const damaged = whole.slice();
      damaged.fill(0xab, at, at + 16);
      const error = await readHdf5(damaged, 'model.h5').then(() => undefined, (e: unknown) => e);
      if (error === undefined) continue;
      expect(error).toBeInstanceOf(ModelFileError);
      const { detail, cause } = error as ModelFileError;
      const message = english(detail);
      const where = /^model\.h5 is truncated or damaged: HDF5 could not (open it|read (.+?))\. Save the model from Keras again, or fetch the file again if it was downloaded\.$/.exec(message);
      expect(where, message).not.toBeNull();
      wheres.add(where![2] ?? 'open');
      expect(String((cause as Error).message)).toMatch(/HDF5-DIAG/); // kept for developers, out of the message
    }
    const badChecksum = whole.slice();
    badChecksum.fill(0, 44, 48); // the version-2 superblock's checksum
    expect(english((await failure(badChecksum)).detail)).toMatch(/^model\.h5 is truncated or damaged: HDF5 could not open it\. /);
    // Damage in each kind of object shows: a link to a dataset, a group's header, an attribute.
    expect(wheres).toContain('/model_weights/conv2d/conv2d/kernel:0');
    expect(wheres).toContain('the group /');
    expect([...wheres].some((w) => /^the attribute "\w+" of \/$/.test(w))).toBe(true);
    expect(await readHdf5(whole, 'model.h5')).toEqual(kerasLikeTree());
    const { module } = await loadHdf5();
    expect(module.FS.readdir('/tmp')).toEqual(['.', '..']);
  });

  it('refuses a dataset of strings, naming it', async () => {
    const bytes = await writeHdf5(kerasLikeTree());
    const { File, module } = await loadHdf5();
    module.FS.writeFile('/strings.h5', bytes);
    const file = new File('/strings.h5', 'a');
    file.create_dataset({ name: 'vocabulary', data: ['a', 'b'] });
    file.close();
    const withStrings = module.FS.readFile('/strings.h5');
    module.FS.unlink('/strings.h5');
    expect(english((await failure(withStrings)).detail)).toBe('model.h5: the dataset /vocabulary holds strings; Convscope reads datasets of numbers only');
  });
});

describe.skipIf(!hasH5py)('readHdf5, of files h5py wrote', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'convscope-h5-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const h5py = (script: string) => {
    const file = path.join(dir, `${Math.random().toString(36).slice(2)}.h5`);
    execFileSync('/usr/bin/python3', ['-c', script, file], { timeout: 60_000 });
    return new Uint8Array(readFileSync(file));
  };

  it('reads fixed-length and variable-length strings, ASCII and UTF-8, numbers and float32 weights as Keras writes them', { timeout: 60_000 }, async () => {
    const file = path.join(dir, 'keras.h5');
    h5pyWriteKerasLike(file);
    const tree = await readHdf5(new Uint8Array(readFileSync(file)), 'keras.h5');
    expect(tree).toEqual(kerasLikeTree());
    expect(tree.attrs.layer_names).toEqual({ type: 'fixed-string', value: ['conv2d', 'dense_1'] });
    expect(tree.attrs.note).toEqual({ type: 'fixed-string', value: 'héllo' });
    expect(tree.attrs.backend).toEqual({ type: 'string', value: 'tensorflow', charset: 'ascii' });
  });

  it('reads past a user block, and reads big-endian, float16, int64 and gzip-compressed datasets', { timeout: 60_000 }, async () => {
    const bytes = h5py(`
import sys, h5py, numpy as np
with h5py.File(sys.argv[1], 'w', userblock_size=512) as f:
    f['big'] = np.array([1.5, -2, 3], dtype='>f4')
    f['half'] = np.array([1.5, -2, 65504, 2 ** -24], dtype='<f2')
    f['iterations'] = np.int64(2 ** 40)
    f.create_dataset('packed', data=np.arange(100, dtype='<f4').reshape(10, 10), compression='gzip', chunks=(5, 5))
    f.attrs['grid'] = np.arange(6, dtype='>i8').reshape(3, 2)
    f.attrs['flag'] = True
    f.attrs.create('nothing', h5py.Empty('f4'))
`);
    expect([...bytes.subarray(512, 516)]).toEqual([0x89, 0x48, 0x44, 0x46]);
    const tree = await readHdf5(bytes, 'x.h5');
    const data = Object.fromEntries([...tree.children].map(([name, d]) => [name, d.kind === 'dataset' && [d.dtype, d.shape, Array.from(d.value as ArrayLike<number | bigint>)]]));
    expect(data).toEqual({
      big: ['float32', [3], [1.5, -2, 3]],
      half: ['float16', [4], [1.5, -2, 65504, 2 ** -24]],
      iterations: ['int64', [], [2n ** 40n]],
      packed: ['float32', [10, 10], Array.from({ length: 100 }, (_, i) => i)],
    });
    // h5py's booleans (an enumeration) and Empty hold nothing Keras writes: left out.
    expect(tree.attrs).toEqual({ grid: { type: 'int64', value: [0, 1, 2, 3, 4, 5], shape: [3, 2] } });
  });
});
