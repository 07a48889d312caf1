import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { H5Attribute, H5Dataset, H5Group } from './hdf5Tree';
import { loadHdf5 } from './loadHdf5';
import { readHdf5 } from './readHdf5';
import { hasH5py, h5pyDescribe, h5pyWriteKerasLike, type H5pyAttribute } from './testing/h5py';
import { kerasLikeTree } from './testing/kerasLikeTree';
import { writeHdf5 } from './writeHdf5';

const group = (children: [string, H5Group | H5Dataset][], attrs: Record<string, H5Attribute> = {}): H5Group => ({ kind: 'group', attrs, children: new Map(children) });
const floats = (shape: number[]): H5Dataset => {
  const n = shape.reduce((a, b) => a * b, 1);
  return { kind: 'dataset', dtype: 'float32', shape, value: Float32Array.from({ length: n }, (_, i) => (i - 3) / 4), attrs: {} };
};

/** Every attribute type, scalars and lists; names in byte order, as the file lists them back. */
const ATTRS: Record<string, H5Attribute> = {
  bytes_list: { type: 'fixed-string', value: ['conv2d', 'dense_1', ''] },
  bytes_one: { type: 'fixed-string', value: '2.13.1' },
  bytes_utf8: { type: 'fixed-string', value: 'héllo wörld' },
  f32: { type: 'float32', value: [0.5, -0.25] },
  f64: { type: 'float64', value: 1 / 3 },
  i32: { type: 'int32', value: -7 },
  i64: { type: 'int64', value: [2 ** 40, -1, 0, 5, 6, 7], shape: [2, 3] },
  u8: { type: 'uint8', value: [0, 255] },
  str_ascii: { type: 'string', value: '{"class_name": "Sequential"}', charset: 'ascii' },
  str_list: { type: 'string', value: ['relu', 'sóftmax', 'trailing  '], charset: 'utf-8' },
  str_one: { type: 'string', value: 'tensorflow', charset: 'utf-8' },
};

const TREE: H5Group = group([
  ['model_weights', group([
    ['conv2d', group([
      ['conv2d', group([['bias:0', floats([4])], ['kernel:0', floats([3, 3, 1, 4])]])],
    ], { weight_names: { type: 'fixed-string', value: ['conv2d/kernel:0', 'conv2d/bias:0'] } })],
    ['empty', group([])],
  ], { layer_names: { type: 'fixed-string', value: ['conv2d'] } })],
  ['optimizer_weights', group([
    ['iterations:0', { kind: 'dataset', dtype: 'int64', shape: [], value: BigInt64Array.of(1200n), attrs: {} }],
    ['m:0', { kind: 'dataset', dtype: 'float64', shape: [2, 2], value: Float64Array.of(0.1, 0.2, 0.3, 0.4), attrs: { note: { type: 'string', value: 'moment', charset: 'utf-8' } } }],
  ])],
  ['scalar', floats([])],
  ['vector', floats([5])],
  ['zero', floats([0, 3])],
], ATTRS);

describe('writeHdf5', () => {
  it('writes a tree that readHdf5 reads back the same: groups, datasets of every shape, every attribute type', async () => {
    const bytes = await writeHdf5(TREE);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]);
    const read = await readHdf5(bytes, 'model.h5');
    expect(read).toEqual(TREE);
    expect([...read.children.keys()]).toEqual([...TREE.children.keys()]);
    expect(Object.keys(read.attrs).sort()).toEqual(Object.keys(ATTRS).sort());
  });

  it('lists children by name, as h5py does in files that do not track creation order', async () => {
    const read = await readHdf5(await writeHdf5(group([['dense', floats([1])], ['conv2d', floats([1])], ['Dense', floats([1])]])), 'x.h5');
    expect([...read.children.keys()]).toEqual(['Dense', 'conv2d', 'dense']);
  });

  it('writes "string" without a charset as UTF-8', async () => {
    const read = await readHdf5(await writeHdf5(group([], { s: { type: 'string', value: 'é' } })), 'x.h5');
    expect(read.attrs.s).toEqual({ type: 'string', value: 'é', charset: 'utf-8' });
  });

  it('stores an attribute over 64 KB, as a large model_config needs', async () => {
    const config = JSON.stringify({ layers: Array.from({ length: 4000 }, (_, i) => ({ name: `dense_${i}`, units: i })) });
    expect(config.length).toBeGreaterThan(100_000);
    const read = await readHdf5(await writeHdf5(group([], { model_config: { type: 'fixed-string', value: config } })), 'x.h5');
    expect(read.attrs.model_config).toEqual({ type: 'fixed-string', value: config });
  });

  it('refuses, naming it, what it cannot write as asked, before writing anything', async () => {
    const half: H5Dataset = { kind: 'dataset', dtype: 'float16', shape: [1], value: Float32Array.of(1), attrs: {} };
    await expect(writeHdf5(group([['half', half]]))).rejects.toThrow('writeHdf5: the dataset /half is float16, which h5wasm cannot write: convert it to float32');
    await expect(writeHdf5(group([['w', { ...floats([2, 2]), shape: [2, 3] }]]))).rejects.toThrow('writeHdf5: the dataset /w has 4 values for shape [2,3]');
    await expect(writeHdf5(group([['w', { ...floats([2]), value: new Float64Array(2) } as unknown as H5Dataset]]))).rejects.toThrow(/\/w is float32, but its values are not in the matching typed array/);
    await expect(writeHdf5(group([['a/b', floats([1])]]))).rejects.toThrow('writeHdf5: "a/b" in / cannot name an HDF5 object');
    await expect(writeHdf5(group([['g', group([], { n: { type: 'int32', value: 1.5 } })]]))).rejects.toThrow('writeHdf5: the attribute "n" of /g holds values that are not int32');
    await expect(writeHdf5(group([], { n: { type: 'uint8', value: [256] } }))).rejects.toThrow(/not uint8/);
    await expect(writeHdf5(group([], { s: { type: 'string', value: [] } }))).rejects.toThrow(/empty list of variable-length strings/);
    await expect(writeHdf5(group([], { s: { type: 'fixed-string', value: ['a', 'b'], shape: [3] } }))).rejects.toThrow('writeHdf5: the attribute "s" of / has 2 values for shape [3]');
  });

  it('says what HDF5 refused, keeping its own words for developers, and leaves no file behind', async () => {
    const error = await writeHdf5(group([['g', group([], { '': { type: 'int32', value: 1 } })]])).then(() => undefined, (e: unknown) => e as Error);
    expect(error?.message).toBe('HDF5 could not write the attribute "" of /g');
    expect(String((error?.cause as Error).message)).toMatch(/HDF5-DIAG/);
    const { module } = await loadHdf5();
    expect(module.FS.readdir('/tmp')).toEqual(['.', '..']);
  });

  it('leaves no file and no open stream behind in h5wasm\'s file system', async () => {
    const { module } = await loadHdf5();
    const open = () => (module.FS as unknown as { streams: unknown[] }).streams.filter(Boolean).length;
    await writeHdf5(TREE);
    const before = open();
    await readHdf5(await writeHdf5(TREE), 'model.h5');
    expect(open()).toBe(before);
    expect(module.FS.readdir('/tmp')).toEqual(['.', '..']);
  });
});

describe.skipIf(!hasH5py)('writeHdf5, read by h5py', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'convscope-h5-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives h5py the attribute and dataset types Keras writes through it: S<n> bytes, str, <f4', { timeout: 60_000 }, async () => {
    const ours = path.join(dir, 'ours.h5');
    const keras = path.join(dir, 'keras.h5');
    writeFileSync(ours, await writeHdf5(kerasLikeTree()));
    h5pyWriteKerasLike(keras);
    const [mine, theirs] = [h5pyDescribe(ours), h5pyDescribe(keras)];

    // The strings' padding is h5wasm's choice, not ours (it offers no other):
    // null-terminated fixed strings where numpy's are null-padded, space-padded
    // variable-length UTF-8 where h5py's are null-terminated. h5py reads both
    // to the same values and dtypes; Keras reads only those.
    const NULLTERM = 0;
    const NULLPAD = 1;
    const SPACEPAD = 2;
    const pads = (described: typeof mine) => Object.fromEntries(Object.entries(described['/'].attrs).flatMap(([name, a]) => (a.string ? [[name, a.string.strpad]] : [])));
    expect(pads(mine)).toEqual({ backend: NULLTERM, keras_version: NULLTERM, layer_names: NULLTERM, model_config: SPACEPAD, note: NULLTERM, tags: SPACEPAD });
    expect(pads(theirs)).toEqual({ backend: NULLTERM, keras_version: NULLPAD, layer_names: NULLPAD, model_config: NULLTERM, note: NULLPAD, tags: NULLTERM });
    const unpadded = (described: typeof mine) => JSON.parse(JSON.stringify(described, (key, value) => (key === 'strpad' ? undefined : value)));
    expect(unpadded(mine)).toEqual(unpadded(theirs));

    // What that comparison covers, spelled out.
    const root = mine['/'].attrs;
    const fixed = (a: H5pyAttribute) => [a.dtype, a.kind, a.string?.encoding, a.string?.length, a.string?.cset];
    expect(fixed(root.keras_version)).toEqual(['|S6', 'S', 'ascii', 6, 0]);
    expect(fixed(root.layer_names)).toEqual(['|S7', 'S', 'ascii', 7, 0]);
    expect(root.layer_names.value).toEqual(['conv2d', 'dense_1']);
    expect(fixed(root.note)).toEqual(['|S6', 'S', 'ascii', 6, 0]);
    expect(root.note.value).toBe('héllo');
    expect(fixed(root.model_config)).toEqual(['|O', 'O', 'utf-8', null, 1]);
    expect(fixed(root.backend)).toEqual(['|O', 'O', 'ascii', null, 0]);
    expect(root.tags).toMatchObject({ dtype: '|O', shape: [2], value: ['a', 'bé  '] });
    expect(mine['/model_weights/conv2d/conv2d/kernel:0']).toMatchObject({ dtype: '<f4', shape: [3, 3, 1, 4] });
    expect(mine['/scalar']).toMatchObject({ dtype: '<f4', shape: [], value: 0.75 });
  });
});
