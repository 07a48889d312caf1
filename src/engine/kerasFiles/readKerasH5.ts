import type { ListedWeight } from '../../model/keras/matchWeightNames';
import { ModelFileError } from '../ModelFileError';
import { childAt, type H5Dataset, type H5Group } from './hdf5Tree';
import { attrText, attrTexts, float32Values } from './h5Weights';
import type { ModelSource, UploadedFile } from './modelSource';
import { readHdf5 } from './readHdf5';
import { message } from '../../model/message';

const SAVE_WHOLE = message('errors:modelFile.saveWhole');

/** Why an HDF5 file without a model config is not a model Convscope can open, as exactly as its layout tells. */
function notAModel(tree: H5Group, fileName: string): ModelFileError {
  if (tree.attrs.layer_names) {
    return new ModelFileError(message('errors:modelFile.weightsOnly', { file: fileName, save: SAVE_WHOLE }));
  }
  if (childAt(tree, 'layers') && childAt(tree, 'vars')) {
    return new ModelFileError(message('errors:modelFile.archiveWeights', { file: fileName }));
  }
  return new ModelFileError(message('errors:modelFile.noModelConfig', { file: fileName, save: SAVE_WHOLE }));
}

/** The last part of a weight's name, without the output slot: `kernel` of `conv2d/kernel:0` or `sequential/conv2d/kernel`. */
const leafOf = (name: string) => name.split('/').pop()!.replace(/:\d+$/, '');

/**
 * The weights of `model_weights`, as Keras's loaders find them: the layers
 * in `layer_names` order, each layer's weights at the paths its
 * `weight_names` lists, relative to its group (Keras 2: `conv2d/kernel:0`;
 * Keras 3: the weight's path, `sequential/conv2d/kernel`). Each is named
 * `<layer>/<leaf>` for matching, and also by its place in the layer, as
 * Keras itself pairs them by position.
 */
function listWeights(group: H5Group, fileName: string): { listed: ListedWeight[]; datasets: H5Dataset[] } {
  const layers = attrTexts(group, 'layer_names') ?? [...group.children.keys()];
  const listed: ListedWeight[] = [];
  const datasets: H5Dataset[] = [];
  for (const layer of layers) {
    const layerGroup = group.children.get(layer);
    if (layerGroup?.kind !== 'group') throw new ModelFileError(message('errors:modelFile.noWeightsGroup', { file: fileName, layer }));
    const names = attrTexts(layerGroup, 'weight_names') ?? [];
    names.forEach((name, index) => {
      const dataset = childAt(layerGroup, name);
      if (dataset?.kind !== 'dataset') {
        throw new ModelFileError(message('errors:modelFile.missingWeight', { file: fileName, layer, name }));
      }
      listed.push({ name: `${layer}/${leafOf(name)}`, shape: dataset.shape });
      datasets.push(dataset);
      listed.push({ name: `${layer}/${index}`, shape: dataset.shape });
      datasets.push(dataset);
    });
  }
  return { listed, datasets };
}

/**
 * A Keras model saved whole as HDF5: by Keras 2 / tf.keras (`model.save('m.h5')`)
 * or Keras 3's legacy writer. The layers are the JSON of the `model_config`
 * attribute; the weights, the datasets under `model_weights` (see
 * listWeights). The optimizer's state, when saved, is left alone.
 */
export async function readKerasH5(file: UploadedFile): Promise<ModelSource> {
  const tree = await readHdf5(new Uint8Array(file.data), file.name);
  const config = attrText(tree, 'model_config');
  if (config === undefined) throw notAModel(tree, file.name);
  let modelConfig: unknown;
  try {
    modelConfig = JSON.parse(config);
  } catch (e) {
    throw new ModelFileError(message('errors:modelFile.configNotJson', { file: file.name, why: e instanceof Error ? e.message : String(e) }));
  }
  let datasets: H5Dataset[] = [];
  return {
    topology: { model_config: modelConfig, keras_version: attrText(tree, 'keras_version'), backend: attrText(tree, 'backend') },
    name: file.name.replace(/\.(h5|hdf5)$/i, ''),
    where: file.name,
    async weights() {
      const group = childAt(tree, 'model_weights');
      if (group?.kind !== 'group') throw new ModelFileError(message('errors:modelFile.noModelWeights', { file: file.name }));
      const read = listWeights(group, file.name);
      datasets = read.datasets;
      return read.listed;
    },
    values: (i) => float32Values(datasets[i], file.name),
  };
}
