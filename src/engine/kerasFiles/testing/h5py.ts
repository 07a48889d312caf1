import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// h5py is what Keras reads and writes .h5 files with: where the system Python
// has it, tests check our files against it. Elsewhere those tests are skipped.
const PYTHON = '/usr/bin/python3';

export const hasH5py = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import h5py'], { timeout: 60_000 }).status === 0;

function runPython(script: string, path: string): string {
  return execFileSync(PYTHON, ['-c', script, path], { encoding: 'utf8', timeout: 60_000 });
}

/**
 * Writes, at `path`, kerasLikeTree() the way Keras stores such values with
 * h5py 3: bytes (Keras's `.encode('utf8')`) become variable-length ASCII
 * strings, str variable-length UTF-8, numpy S scalars and arrays (Keras's
 * chunked name lists) fixed-length strings, weights '<f4'.
 */
export function h5pyWriteKerasLike(path: string): void {
  runPython(`
import sys, h5py, numpy as np
count = lambda n: np.arange(n, dtype=np.float32) / 8 - 1
with h5py.File(sys.argv[1], 'w') as f:
    f.attrs['backend'] = 'tensorflow'.encode('utf8')
    f.attrs['f32_list'] = np.array([0.5, 0.25], np.float32)
    f.attrs['f64'] = 1.5
    f.attrs['i32'] = np.int32(7)
    f.attrs['i64_grid'] = np.arange(1, 7, dtype=np.int64).reshape(2, 3)
    f.attrs['keras_version'] = np.bytes_(b'2.13.1')
    f.attrs['layer_names'] = np.array([b'conv2d', b'dense_1'])
    f.attrs['model_config'] = '{"class_name": "Sequential", "config": {"name": "s\\u00e9quentiel"}}'
    f.attrs['note'] = np.bytes_('h\\u00e9llo'.encode('utf8'))
    f.attrs.create('tags', ['a', 'b\\u00e9  '], dtype=h5py.string_dtype())
    w = f.create_group('model_weights')
    w.attrs['layer_names'] = np.array([b'conv2d'])
    c = w.create_group('conv2d')
    c.attrs['weight_names'] = np.array([b'conv2d/kernel:0', b'conv2d/bias:0'])
    g = c.create_group('conv2d')
    g['bias:0'] = count(4)
    g['kernel:0'] = count(36).reshape(3, 3, 1, 4)
    f['scalar'] = np.float32(0.75)
    f['table'] = count(6).reshape(2, 3)
`, path);
}

/** How h5py sees an attribute: numpy dtype, string info (with HDF5's padding and character set), shape and value. */
export interface H5pyAttribute {
  dtype: string;
  kind: string;
  shape: number[];
  value: unknown;
  string?: { encoding: 'ascii' | 'utf-8'; length: number | null; strpad: number; cset: number };
}

/** How h5py sees each object of the file at `path`, by its path ('/' for the root). */
export function h5pyDescribe(path: string): Record<string, { attrs: Record<string, H5pyAttribute>; dtype?: string; shape?: number[]; value?: unknown }> {
  return JSON.parse(runPython(`
import sys, json, h5py
def plain(v):
    v = v.tolist() if hasattr(v, 'tolist') else v
    if isinstance(v, bytes): return v.decode('utf-8')
    if isinstance(v, list): return [plain(x) for x in v]
    return v
def attribute(attrs, name):
    a = attrs.get_id(name)
    info = {'dtype': a.dtype.str, 'kind': a.dtype.kind, 'shape': list(a.shape), 'value': plain(attrs[name])}
    s = h5py.check_string_dtype(a.dtype)
    if s: info['string'] = {'encoding': s.encoding, 'length': s.length, 'strpad': a.get_type().get_strpad(), 'cset': a.get_type().get_cset()}
    return info
out = {}
def visit(name, obj):
    entry = {'attrs': {k: attribute(obj.attrs, k) for k in obj.attrs}}
    if isinstance(obj, h5py.Dataset): entry.update(dtype=obj.dtype.str, shape=list(obj.shape), value=plain(obj[()]))
    out['/' + name] = entry
with h5py.File(sys.argv[1], 'r') as f:
    visit('', f)
    f.visititems(visit)
print(json.dumps(out))
`, path));
}
