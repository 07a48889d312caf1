import { strToU8, zipSync } from 'fflate';
import { KERAS3_VERSION, keras3Config } from '../../model/keras/keras3Config';
import { kerasArchiveFolders } from '../../model/keras/kerasNames';
import type { ModelSpec } from '../../model/types';
import type { NamedWeights } from '../modelFiles';
import type { H5Dataset, H5Group } from './hdf5Tree';
import { layerWeights } from './layerWeights';
import { writeHdf5 } from './writeHdf5';

/** A group as H5Entry makes it; Keras names each `vars` group's owner in a `name` attribute (a Python str), which no loader reads. */
const group = (children: [string, H5Group | H5Dataset][] = [], name?: string): H5Group => ({
  kind: 'group', attrs: name === undefined ? {} : { name: { type: 'string', value: name } }, children: new Map(children),
});

const MODEL_NAME = 'convscope';

/** Keras's `date_saved`: local time as "%Y-%m-%d@%H:%M:%S". */
function dateSaved(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}@${p(now.getHours())}:${p(now.getMinutes())}:${p(now.getSeconds())}`;
}

/**
 * The weights as Keras 3 stores them in `model.weights.h5`
 * (keras/src/saving/saving_lib.py, H5IOStore): each object's own variables
 * in a `vars` group, numbered in the layer's own order (kernel 0, bias 1;
 * gamma, beta, moving mean, moving variance), a Sequential's layers under
 * `layers/<class in snake case>[_n]`, and a `vars` group for every object,
 * empty or not, named after its layer in a `name` attribute.
 */
function weightsTree(spec: ModelSpec, weights: NamedWeights, modelName: string): H5Group {
  const folders = kerasArchiveFolders(spec.layers);
  const layers = layerWeights(spec, weights).map(({ layer, weights: own }, l): [string, H5Group] => {
    const vars = own.map((w, n): [string, H5Dataset] => [String(n), w.dataset]);
    return [folders[l], group([['vars', group(vars, layer)]])];
  });
  return group([['layers', group(layers)], ['vars', group([], modelName)]]);
}

/**
 * The network as Keras 3 saves a model with `model.save('m.keras')`: a zip
 * of `metadata.json`, `config.json` (keras3Config) and `model.weights.h5`,
 * stored uncompressed as Keras's zipfile writes them.
 */
export async function writeKerasArchive(spec: ModelSpec, weights: NamedWeights, now = new Date()): Promise<ArrayBuffer> {
  const h5 = await writeHdf5(weightsTree(spec, weights, MODEL_NAME));
  const metadata = { keras_version: KERAS3_VERSION, date_saved: dateSaved(now) };
  const zip = zipSync({
    'metadata.json': [strToU8(JSON.stringify(metadata)), { level: 0 }],
    'config.json': [strToU8(JSON.stringify(keras3Config(spec, MODEL_NAME))), { level: 0 }],
    'model.weights.h5': [h5, { level: 0 }],
  });
  return zip.buffer.slice(zip.byteOffset, zip.byteOffset + zip.byteLength) as ArrayBuffer;
}
