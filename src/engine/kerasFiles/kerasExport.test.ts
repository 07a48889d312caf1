import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { specToTopology } from '../../model/keras/layersTopology';
import { kerasLayerNames } from '../../model/keras/kerasNames';
import { EVERY_LAYER_SPEC } from '../../model/testing/everyLayerSpec';
import { buildModel } from '../buildModel';
import { exportModelFiles } from '../modelFiles';
import { readWeights } from '../modelWeights';
import { useTestBackend } from '../testing/useTestBackend';
import { hasH5py } from './testing/h5py';

/*
 * The files Download model writes, read back by h5py the way Keras's own
 * loaders read them (testing/kerasLoaderView.py): every attribute and
 * dataset they read is there, with h5py 3's types as Keras writes them, and
 * holds Convscope's weights. Runs where Debian's python3-h5py is installed
 * (.ci/run installs it).
 */
const VIEW = fileURLToPath(new URL('./testing/kerasLoaderView.py', import.meta.url));

interface WeightView { dtype: string; shape: number[]; values: number[] }

async function exported(format: 'h5' | 'keras') {
  const built = buildModel(EVERY_LAYER_SPEC, 5);
  const dir = mkdtempSync(join(tmpdir(), 'convscope-export-'));
  try {
    const [file] = await exportModelFiles(built, EVERY_LAYER_SPEC, 'every', format);
    const path = join(dir, file.name);
    writeFileSync(path, new Uint8Array(file.data));
    const view = JSON.parse(execFileSync('/usr/bin/python3', [VIEW, path], { encoding: 'utf8', timeout: 60_000 }));
    const specs = specToTopology(EVERY_LAYER_SPEC).weightSpecs;
    const values = await readWeights(built);
    return { view, weights: new Map(specs.map((w, i) => [w.name, values[i]])), shapes: new Map(specs.map((w) => [w.name, w.shape])) };
  } finally {
    built.model.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

const sameValues = (w: WeightView, expected: Float32Array | undefined) =>
  expected !== undefined && w.values.length === expected.length && w.values.every((v, i) => v === expected[i]);

describe.skipIf(!hasH5py)('Download model, read as Keras reads it (h5py)', () => {
  useTestBackend('cpu');

  it('.h5: tf.keras 2.15 layout, attribute types, every listed layer with its weights by position', async () => {
    const { view, weights } = await exported('h5');
    expect(view.attrs).toEqual({
      keras_version: 'vlen-utf-8', backend: 'vlen-utf-8', model_config: 'vlen-ascii',
      'model_weights/layer_names': 'vlen-ascii-array', 'model_weights/backend': 'vlen-ascii', 'model_weights/keras_version': 'vlen-ascii',
    });
    expect(view.top_level_model_weights).toBe('<f8-array[0]');
    const names = kerasLayerNames(EVERY_LAYER_SPEC.layers);
    expect(view.layers.map((l: { name: string }) => l.name)).toEqual(names);
    expect(view.model_config.config.layers.slice(1).map((l: { config: { name: string } }) => l.config.name)).toEqual(names);
    for (const layer of view.layers as { name: string; weight_names_type: string; weight_names: string[]; weights: WeightView[] }[]) {
      expect(layer.weight_names_type, layer.name).toBe(layer.weight_names.length ? 'vlen-ascii-array' : '<f8-array[0]');
      layer.weights.forEach((w, i) => {
        const name = layer.weight_names[i];
        expect(name).toMatch(new RegExp(`^${layer.name}/(kernel|bias|gamma|beta|moving_mean|moving_variance):0$`));
        expect(w.dtype).toBe('<f4');
        expect(sameValues(w, weights.get(name.replace(/:0$/, ''))), name).toBe(true);
      });
    }
    expect(view.layers.flatMap((l: { weight_names: string[] }) => l.weight_names)).toHaveLength(weights.size);
  });

  it('.keras: Keras 3.6 members and config, weights at Keras\'s class-based paths, in each layer\'s order', async () => {
    const { view, weights, shapes } = await exported('keras');
    expect(view.members).toEqual(['metadata.json', 'config.json', 'model.weights.h5']);
    expect(view.compressed).toEqual([0, 0, 0]);
    expect(view.metadata.keras_version).toBe('3.6.0');
    expect(view.metadata.date_saved).toMatch(/^\d{4}-\d\d-\d\d@\d\d:\d\d:\d\d$/);
    expect(view.config).toMatchObject({ module: 'keras', class_name: 'Sequential', registered_name: null, build_config: { input_shape: [null, 28, 28] } });
    expect(view.config.config.layers[0]).toEqual({
      module: 'keras.layers', class_name: 'InputLayer', config: { batch_shape: [null, 28, 28], dtype: 'float32', sparse: false, name: 'input_layer' }, registered_name: null,
    });
    expect(view.root).toEqual(['layers', 'vars']);
    let count = 0;
    for (const layer of view.layers as { path: string; name: string; has_vars: boolean; weights: WeightView[] }[]) {
      expect(layer.has_vars, layer.path).toBe(true);
      const own = [...weights.keys()].filter((n) => n.startsWith(`${layer.name}/`));
      expect(layer.weights.map((w) => w.shape), layer.path).toEqual(own.map((n) => shapes.get(n)));
      expect(layer.weights.every((w) => w.dtype === '<f4')).toBe(true);
      layer.weights.forEach((w, i) => expect(sameValues(w, weights.get(own[i])), `${layer.path}/vars/${i}`).toBe(true));
      count += layer.weights.length;
    }
    expect(count).toBe(weights.size);
  });
});
