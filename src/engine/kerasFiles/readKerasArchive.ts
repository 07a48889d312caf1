import { unzipSync } from 'fflate';
import { ModelFileError } from '../ModelFileError';
import { byLayerName } from './archiveLayerPaths';
import { float32Values, h5Weights, type H5Weight } from './h5Weights';
import type { ModelSource, UploadedFile } from './modelSource';
import { readHdf5 } from './readHdf5';
import { message } from '../../model/message';

/** The parts of a Keras 3 `.keras` archive (keras/src/saving/saving_lib.py). */
const CONFIG = 'config.json';
const WEIGHTS = 'model.weights.h5';

function json(bytes: Uint8Array, what: string): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (e) {
    throw new ModelFileError(message('errors:modelFile.notJson', { file: what, why: e instanceof Error ? e.message : String(e) }));
  }
}

/**
 * A Keras 3 `.keras` file: a zip of `config.json` (the model's layers),
 * `metadata.json` and `model.weights.h5`, whose weights live at
 * `layers/<class-based folder>/vars/<index>` (archiveLayerPaths), numbered in
 * each layer's own order, and are found later by layer name and index. The
 * optimizer's state is left alone.
 */
export async function readKerasArchive(file: UploadedFile): Promise<ModelSource> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(new Uint8Array(file.data));
  } catch (e) {
    throw new ModelFileError(message('errors:modelFile.notZip', { file: file.name, why: e instanceof Error ? e.message : String(e) }));
  }
  const names = Object.keys(entries);
  if (!entries[CONFIG]) {
    const has = names.length ? message('errors:modelFile.archiveHolds', { names: `${names.slice(0, 4).map((n) => `"${n}"`).join(', ')}${names.length > 4 ? '…' : ''}` }) : message('errors:modelFile.archiveEmpty');
    throw new ModelFileError(message('errors:modelFile.noConfig', { file: file.name, config: CONFIG, has }));
  }
  const config = json(entries[CONFIG], `${file.name}: ${CONFIG}`);
  const metadata = entries['metadata.json'] ? json(entries['metadata.json'], `${file.name}: metadata.json`) : {};
  const version = typeof metadata === 'object' && metadata !== null ? (metadata as Record<string, unknown>).keras_version : undefined;
  let listed: H5Weight[] = [];
  const where = `${file.name} (${WEIGHTS})`;
  return {
    topology: { model_config: config, keras_version: version },
    name: file.name.replace(/\.keras$/i, ''),
    where,
    async weights() {
      const bytes = entries[WEIGHTS];
      if (!bytes) throw new ModelFileError(message('errors:modelFile.noArchiveWeights', { file: file.name, weights: WEIGHTS }));
      // Named by layer name rather than Keras's class-based folder, so that they are found like any other file's.
      listed = byLayerName(h5Weights(await readHdf5(bytes, `${file.name}'s ${WEIGHTS}`), ['optimizer']), config);
      return listed;
    },
    values: (i) => float32Values(listed[i].dataset, where),
  };
}
