import { specToTopology } from '../../model/keras/layersTopology';
import type { ModelSpec } from '../../model/types';
import type { NamedWeights } from '../modelFiles';
import type { H5Attribute, H5Dataset, H5Group } from './hdf5Tree';
import { layerWeights } from './layerWeights';
import { writeHdf5 } from './writeHdf5';

const group = (attrs: Record<string, H5Attribute>, children: [string, H5Group | H5Dataset][] = []): H5Group => ({ kind: 'group', attrs, children: new Map(children) });

/**
 * Python `bytes` as h5py 3 stores them in an attribute: a variable-length
 * ASCII string. tf.keras encodes its JSON and version strings to bytes
 * before storing them (hdf5_format.py); Keras 2 and 3 read either kind back.
 */
const bytesAttr = (value: string): H5Attribute => ({ type: 'string', value, charset: 'ascii' });
/** A Python `str`: a variable-length UTF-8 string. */
const strAttr = (value: string): H5Attribute => ({ type: 'string', value });
/**
 * A list of `bytes` as h5py 3 stores it: a 1-D array of variable-length
 * ASCII strings. An empty list becomes numpy's empty float64 array.
 */
const bytesListAttr = (values: string[]): H5Attribute => (values.length ? { type: 'string', value: values, charset: 'ascii' } : { type: 'float64', value: [] });

/**
 * The network as tf.keras 2.15 saves a whole model with `model.save('m.h5')`
 * (tf_keras/src/saving/legacy/hdf5_format.py): the model config as JSON in
 * the root's `model_config`, with `keras_version` and `backend`; under
 * `model_weights`, the layer names in `layer_names`, and one group per layer
 * holding `weight_names` (`conv2d/kernel:0`, …) and a dataset at each of
 * those paths, with h5py 3's types for each attribute. No `training_config`
 * or optimizer state: Keras opens it uncompiled, ready to compile and fit.
 * Keras 3 loads the same file through its legacy loader.
 */
export async function writeKerasH5(spec: ModelSpec, weights: NamedWeights): Promise<ArrayBuffer> {
  const { topology } = specToTopology(spec);
  const { keras_version: version, backend } = topology;
  const layers = layerWeights(spec, weights);
  const names = layers.map((l) => l.layer);
  const layerGroups = layers.map(({ layer, weights: own }): [string, H5Group] => {
    const weightNames = own.map((w) => `${layer}/${w.leaf}:0`);
    const inner = group({}, own.map((w): [string, H5Dataset] => [`${w.leaf}:0`, w.dataset]));
    return [layer, group({ weight_names: bytesListAttr(weightNames) }, own.length ? [[layer, inner]] : [])];
  });
  const tree = group(
    {
      backend: strAttr(backend),
      keras_version: strAttr(version),
      model_config: bytesAttr(JSON.stringify({ class_name: topology.class_name, config: topology.config })),
    },
    [['model_weights', group(
      { backend: bytesAttr(backend), keras_version: bytesAttr(version), layer_names: bytesListAttr(names) },
      // The model's own weights, beside its layers': none for a Sequential, but tf.keras always writes the group.
      [...layerGroups, ['top_level_model_weights', group({ weight_names: bytesListAttr([]) })]],
    )]],
  );
  const bytes = await writeHdf5(tree);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
