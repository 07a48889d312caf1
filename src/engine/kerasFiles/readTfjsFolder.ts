import { ModelFileError } from '../ModelFileError';
import { decodeWeight, parseWeightsManifest, type ManifestWeight } from '../weightsManifest';
import { byLayerName } from './archiveLayerPaths';
import type { ModelSource, UploadedFile } from './modelSource';
import { message, type Message } from '../../model/message';

const SELECT_ALL = message('errors:modelFile.selectAll');

/** The file part of a path or URL, as a manifest may list it ("https://host/m/group1-shard1of1.bin"). */
const baseName = (path: string) => path.replace(/[?#].*$/, '').split(/[\\/]/).pop() ?? path;

function listNames(files: readonly { name: string }[]): Message | string {
  const names = files.slice(0, 5).map((f) => `"${f.name}"`).join(', ');
  return files.length > 5 ? message('errors:modelFile.andMore', { names, more: files.length - 5 }) : names;
}

function findModelJson(files: readonly { name: string; data: ArrayBuffer }[]) {
  const json = files.filter((f) => /\.json$/i.test(f.name));
  const file = json.find((f) => baseName(f.name).toLowerCase() === 'model.json') ?? (json.length === 1 ? json[0] : undefined);
  if (file) return file;
  if (files.length === 0) throw new ModelFileError(message('errors:modelFile.noFilesSelected', { what: SELECT_ALL }));
  throw new ModelFileError(message('errors:modelFile.noModelJson', { names: listNames(files), what: SELECT_ALL }));
}

function parseJson(file: { name: string; data: ArrayBuffer }): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(file.data).replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ModelFileError(message('errors:modelFile.notJson', { file: baseName(file.name), why: e instanceof Error ? e.message : String(e) }));
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
    throw new ModelFileError(missing.length === 1 ? message('errors:modelFile.weightsFileNotSelected', { file: missing[0], what: SELECT_ALL }) : message('errors:modelFile.weightsFilesNotSelected', { files: missing.join(', '), what: SELECT_ALL }));
  }
  const shards = found.map((f) => new Uint8Array(f!.data));
  const total = shards.reduce((n, s) => n + s.length, 0);
  if (total !== expected) {
    const names = paths.map((p) => `"${baseName(p)}"`).join(', ');
    const values = { files: names, bytes: total.toLocaleString('en-US'), expected: expected.toLocaleString('en-US') };
    throw new ModelFileError(total < expected ? message('errors:modelFile.weightsTooShort', values) : message('errors:modelFile.weightsTooLong', values));
  }
  const bytes = new Uint8Array(total);
  shards.reduce((offset, s) => (bytes.set(s, offset), offset + s.length), 0);
  return bytes;
}

/** Whether the files look like a TensorFlow.js Layers folder: a .json among them. */
export function isTfjsFolder(files: readonly UploadedFile[]): boolean {
  return files.some((f) => /\.json$/i.test(f.name));
}

/**
 * A TensorFlow.js Layers model from its files: model.json and the weight
 * files its manifest names, as tensorflowjs_converter (any version: shards
 * with or without `.bin`, several shards and groups) or tfjs's model.save
 * wrote them. Throws ModelFileError naming the file at fault.
 */
export function readTfjsFolder(files: readonly UploadedFile[]): ModelSource {
  const file = findModelJson(files);
  const json = parseJson(file);
  let manifest: ReturnType<typeof parseWeightsManifest> | undefined;
  let listed: ManifestWeight[] = [];
  const bytes = new Map<number, Uint8Array>();
  return {
    topology: json,
    name: baseName(file.name).replace(/\.json$/i, ''),
    where: 'model.json',
    async weights() {
      manifest ??= parseWeightsManifest((json as Record<string, unknown>).weightsManifest);
      // tfjs's model.save lists the optimizer's state too: no layer's weight.
      listed = manifest.weights.filter((w) => !w.optimizer);
      // Converted from Keras 3, weights keep the .keras file's class-based paths (`layers/dense_1/vars/0`): name them by layer.
      const topology = (json as { modelTopology?: { model_config?: unknown } }).modelTopology;
      return byLayerName(listed, topology?.model_config ?? topology);
    },
    values(i) {
      const w = listed[i];
      const group = manifest!.groups[w.group];
      if (!bytes.has(w.group)) bytes.set(w.group, groupBytes(group.paths, files, group.byteLength));
      return decodeWeight(w, bytes.get(w.group)!);
    },
  };
}
