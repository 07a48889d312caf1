import * as tf from '@tensorflow/tfjs';
import { formatShape } from '../model/formatShape';
import { specToTopology, topologyToSpec } from '../model/keras/layersTopology';
import { matchWeightNames } from '../model/keras/matchWeightNames';
import type { ModelSpec } from '../model/types';
import type { BuiltModel } from './buildModel';
import { ModelFileError } from './ModelFileError';
import { decodeWeight, parseWeightsManifest } from './weightsManifest';

export { ModelFileError };

/** As tfjs names the weights of a model saved to `downloads://model`. */
const WEIGHTS_NAME = 'model.weights.bin';

const SELECT_ALL = 'select model.json together with its .bin weight files';

/**
 * The model as TensorFlow.js Layers files: model.json (a Keras 2 Sequential
 * topology, whose output is one Dense with softmax, and a weights manifest)
 * and one weights file holding every weight as little-endian float32 in
 * getWeights() order. tf.loadLayersModel reads them back, and
 * tensorflowjs_converter --input_format=tfjs_layers_model --output_format=keras
 * turns them into a Keras h5 file. `spec` must be the network `built` was made from;
 * `weightsName` is the weights file's name, as model.json refers to it.
 */
export async function exportModelFiles(built: BuiltModel, spec: ModelSpec, weightsName = WEIGHTS_NAME): Promise<{ modelJson: string; weightsName: string; weights: ArrayBuffer }> {
  const { topology, weightSpecs } = specToTopology(spec);
  const tensors = built.model.getWeights();
  const matches = tensors.length === weightSpecs.length
    && tensors.every((t, i) => t.shape.length === weightSpecs[i].shape.length && t.shape.every((d, j) => d === weightSpecs[i].shape[j]));
  if (!matches) throw new Error('The model does not match its spec: its weights differ in number or shape');
  // getWeights() returns the live variables: read them, never dispose them.
  const values = await Promise.all(tensors.map((t) => t.data() as Promise<Float32Array>));
  const all = new Float32Array(values.reduce((n, v) => n + v.length, 0));
  values.reduce((offset, v) => (all.set(v, offset), offset + v.length), 0);
  const modelJson = JSON.stringify({
    format: 'layers-model',
    generatedBy: `Convscope with TensorFlow.js tfjs-layers v${tf.version_layers}`,
    convertedBy: null,
    modelTopology: topology,
    weightsManifest: [{ paths: [weightsName], weights: weightSpecs }],
  });
  return { modelJson, weightsName, weights: all.buffer };
}

/** The file part of a path or URL, as a manifest may list it ("https://host/m/group1-shard1of1.bin"). */
const baseName = (path: string) => path.replace(/[?#].*$/, '').split(/[\\/]/).pop() ?? path;

function listNames(files: readonly { name: string }[]): string {
  const names = files.slice(0, 5).map((f) => `"${f.name}"`).join(', ');
  return files.length > 5 ? `${names} and ${files.length - 5} more` : names;
}

function findModelJson(files: readonly { name: string; data: ArrayBuffer }[]) {
  const json = files.filter((f) => /\.json$/i.test(f.name));
  const file = json.find((f) => baseName(f.name).toLowerCase() === 'model.json') ?? (json.length === 1 ? json[0] : undefined);
  if (file) return file;
  if (files.length === 0) throw new ModelFileError(`No files were selected: ${SELECT_ALL}`);
  throw new ModelFileError(`No model.json among the selected files (${listNames(files)}): ${SELECT_ALL}`);
}

function parseJson(file: { name: string; data: ArrayBuffer }): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(file.data).replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ModelFileError(`${baseName(file.name)} is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** Shards of one manifest group, found among the files by name and joined in manifest order. */
function groupBytes(paths: readonly string[], files: readonly { name: string; data: ArrayBuffer }[], expected: number): Uint8Array {
  const found = paths.map((p) => {
    const name = baseName(p);
    return files.find((f) => baseName(f.name) === name) ?? files.find((f) => baseName(f.name).toLowerCase() === name.toLowerCase());
  });
  const missing = paths.filter((_, i) => !found[i]).map((p) => `"${baseName(p)}"`);
  if (missing.length > 0) {
    const which = missing.length === 1 ? `The weights file ${missing[0]} named in model.json was` : `The weights files ${missing.join(', ')} named in model.json were`;
    throw new ModelFileError(`${which} not selected: ${SELECT_ALL}`);
  }
  const shards = found.map((f) => new Uint8Array(f!.data));
  const total = shards.reduce((n, s) => n + s.length, 0);
  if (total !== expected) {
    const names = paths.map((p) => `"${baseName(p)}"`).join(', ');
    const why = total < expected ? 'truncated, or belongs to another model' : 'from another model';
    throw new ModelFileError(
      `The weights in ${names} are ${total.toLocaleString('en-US')} bytes, but model.json describes ${expected.toLocaleString('en-US')}: the file is ${why}`,
    );
  }
  const bytes = new Uint8Array(total);
  shards.reduce((offset, s) => (bytes.set(s, offset), offset + s.length), 0);
  return bytes;
}

/**
 * Reads a TensorFlow.js Layers model from its files (model.json and the weight
 * files its manifest names, as tensorflowjs_converter or tfjs's model.save
 * wrote them). `weights`: float32 values in buildModel(spec).model.getWeights()
 * order, found by name. A model whose input or class count is not `expect`'s
 * is returned for study: its spec, null weights, and `studyOnly` saying why.
 * Throws ModelFileError, naming the file, layer or weight at fault.
 */
export function importModelFiles(
  files: { name: string; data: ArrayBuffer }[],
  expect: { inputShape: readonly [number, number, number]; classes: number },
): { spec: ModelSpec; weights: Float32Array[] | null; studyOnly: string | null } {
  const json = parseJson(findModelJson(files));
  const read = topologyToSpec(json);
  if ('error' in read) throw new ModelFileError(read.error);
  const { spec, weightNames } = read;

  const last = spec.layers[spec.layers.length - 1];
  const classes = last.type === 'dense' ? last.units : 0;
  const sameInput = spec.inputShape.every((d, i) => d === expect.inputShape[i]);
  if (!sameInput || classes !== expect.classes) {
    const studyOnly = `This model takes ${formatShape(spec.inputShape)} images and has ${classes} classes; Convscope's datasets are ${formatShape(expect.inputShape)} with ${expect.classes} classes: it is shown for study only, as the classic networks are.`;
    return { spec, weights: null, studyOnly };
  }

  const manifest = parseWeightsManifest((json as Record<string, unknown>).weightsManifest);
  const candidates = manifest.weights.filter((w) => !w.optimizer);
  const match = matchWeightNames(weightNames, candidates);
  if ('error' in match) throw new ModelFileError(match.error);
  const chosen = match.indices.map((i) => candidates[i]);
  const bytes = new Map<number, Uint8Array>();
  for (const g of new Set(chosen.map((w) => w.group))) bytes.set(g, groupBytes(manifest.groups[g].paths, files, manifest.groups[g].byteLength));
  const weights = chosen.map((w) => decodeWeight(w, bytes.get(w.group)!));
  return { spec, weights, studyOnly: null };
}
