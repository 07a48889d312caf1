import * as tf from '@tensorflow/tfjs';
import { formatShape } from '../model/formatShape';
import { forTfjsLayers, specToTopology, topologyToSpec, type WeightSpec } from '../model/keras/layersTopology';
import type { ModelFormat } from '../model/modelFormat';
import { matchWeightNames } from '../model/keras/matchWeightNames';
import type { ModelSpec } from '../model/types';
import type { BuiltModel } from './buildModel';
import { ModelFileError } from './ModelFileError';
import { classifierOf } from '../model/classifierOf';
import type { UploadedFile } from './kerasFiles/modelSource';
import { loadPart, readModelSource } from './kerasFiles/readModelSource';
import { message, type Message } from '../model/message';

export { ModelFileError };

/** One exported file: its name and bytes. */
export interface ModelFile {
  name: string;
  data: ArrayBuffer;
}

/** The network's weights as Keras names them (`conv2d/kernel`), with their values, in getWeights() order. */
export interface NamedWeights {
  specs: WeightSpec[];
  values: Float32Array[];
}

/** Reads the live weights of `built`, checked against the names and shapes its spec gives them. */
async function namedWeights(built: BuiltModel, spec: ModelSpec): Promise<NamedWeights> {
  const { weightSpecs } = specToTopology(spec);
  const tensors = built.model.getWeights();
  const matches = tensors.length === weightSpecs.length
    && tensors.every((t, i) => t.shape.length === weightSpecs[i].shape.length && t.shape.every((d, j) => d === weightSpecs[i].shape[j]));
  if (!matches) throw new Error('The model does not match its spec: its weights differ in number or shape');
  // getWeights() returns the live variables: read them, never dispose them.
  const values = await Promise.all(tensors.map(async (t) => ((await t.data()) as Float32Array).slice()));
  return { specs: weightSpecs, values };
}

/**
 * The model as TensorFlow.js Layers files: model.json (a Keras 2 Sequential
 * topology, as specToTopology writes it, and a weights manifest)
 * and one weights file holding every weight as little-endian float32 in
 * getWeights() order, with the layers tfjs lacks written as what they are at
 * inference (forTfjsLayers). tf.loadLayersModel reads them back, and
 * tensorflowjs_converter --input_format=tfjs_layers_model --output_format=keras
 * turns them into a Keras h5 file.
 */
function tfjsFiles(spec: ModelSpec, weights: NamedWeights, name: string): ModelFile[] {
  const topology = forTfjsLayers(specToTopology(spec).topology);
  const all = new Float32Array(weights.values.reduce((n, v) => n + v.length, 0));
  weights.values.reduce((offset, v) => (all.set(v, offset), offset + v.length), 0);
  const weightsName = `${name}.weights.bin`;
  const modelJson = JSON.stringify({
    format: 'layers-model',
    generatedBy: `Convscope with TensorFlow.js tfjs-layers v${tf.version_layers}`,
    convertedBy: null,
    modelTopology: topology,
    weightsManifest: [{ paths: [weightsName], weights: weights.specs }],
  });
  return [{ name: `${name}.json`, data: new TextEncoder().encode(modelJson).buffer as ArrayBuffer }, { name: weightsName, data: all.buffer }];
}

/**
 * The current model as files named `name`, in `format`: a Keras 3 `.keras`
 * or Keras 2 `.h5` that `keras.models.load_model` opens as it is, or
 * TensorFlow.js Layers files. `spec` must be the network `built` was made
 * from. The Keras writers (and h5wasm) load only when asked for.
 */
export async function exportModelFiles(built: BuiltModel, spec: ModelSpec, name: string, format: ModelFormat): Promise<ModelFile[]> {
  const weights = await namedWeights(built, spec);
  switch (format) {
    case 'tfjs':
      return tfjsFiles(spec, weights, name);
    case 'h5': {
      const { writeKerasH5 } = await loadPart(() => import('./kerasFiles/writeKerasH5'));
      return [{ name: `${name}.h5`, data: await writeKerasH5(spec, weights) }];
    }
    case 'keras': {
      const { writeKerasArchive } = await loadPart(() => import('./kerasFiles/writeKerasArchive'));
      return [{ name: `${name}.keras`, data: await writeKerasArchive(spec, weights) }];
    }
  }
}

/**
 * Loads the Keras file readers and h5wasm, as opening a file would, so that
 * the next open does not wait for them (the first costs a few seconds on a
 * slow machine: 4.8 MB of script holding 3.5 MB of WebAssembly).
 */
export async function prepareKerasFiles(): Promise<void> {
  const { loadHdf5 } = await import('./kerasFiles/loadHdf5');
  await loadHdf5();
}

/** What an opened model file gives: its network, its weights when it fits the dataset, and what to tell the user. */
export interface ImportedModel {
  spec: ModelSpec;
  /** float32 values in buildModel(spec).model.getWeights() order; null for a model shown for study only. */
  weights: Float32Array[] | null;
  /** Why the model is shown for study only (another input or class count), or null. */
  studyOnly: Message | null;
  /** What was read differently from the file (a multi-output model read up to its classifier). */
  notes: Message[];
  /** The model's name, from its file. */
  name: string;
}

/**
 * Reads a model from the files a user opened: a Keras `.h5` (Keras 2 or 3),
 * a Keras 3 `.keras`, or a TensorFlow.js Layers folder (model.json and its
 * weight files). Its weights are found by name, whatever order the file lists
 * them in. A model whose input or class count is not `expect`'s is returned
 * for study: its spec, null weights, and `studyOnly` saying why. Throws
 * ModelFileError, naming the file, layer or weight at fault.
 */
export async function importModelFiles(
  files: readonly UploadedFile[],
  expect: { inputShape: readonly [number, number, number]; classes: number },
): Promise<ImportedModel> {
  const source = await readModelSource(files);
  const read = topologyToSpec(source.topology);
  if ('error' in read) throw new ModelFileError(read.error);
  const { spec, weightNames, notes } = read;

  const classes = classifierOf(spec)?.units ?? 0;
  const sameInput = spec.inputShape.every((d, i) => d === expect.inputShape[i]);
  if (!sameInput || classes !== expect.classes) {
    const studyOnly = message('errors:modelFile.studyOnly', { shape: formatShape(spec.inputShape), classes, datasetShape: formatShape(expect.inputShape), datasetClasses: expect.classes });
    return { spec, weights: null, studyOnly, notes, name: source.name };
  }
  const match = matchWeightNames(weightNames, await source.weights(), source.where);
  if ('error' in match) throw new ModelFileError(match.error);
  return { spec, weights: match.indices.map((i) => source.values(i)), studyOnly: null, notes, name: source.name };
}
