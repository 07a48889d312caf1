import { snakeCase } from '../../model/keras/kerasNames';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Where a Keras 3 `.keras` file keeps each layer's weights, by layer name.
 * Keras does not file them under the layer's name but under its class in
 * snake case, numbered per class in `model.layers` order (`layers/conv2d`,
 * `layers/conv2d_1`, `layers/re_lu`: saving_lib's _save_container_state), so a
 * Dense named "classifier" may be stored at `layers/dense_1`. A Sequential's
 * `model.layers` leaves out its InputLayer; a functional model's keeps it.
 */
export function archiveLayerPaths(config: unknown): Map<string, string> {
  const paths = new Map<string, string>();
  if (!isRecord(config) || !isRecord(config.config) || !Array.isArray(config.config.layers)) return paths;
  const sequential = config.class_name === 'Sequential';
  const seen = new Map<string, number>();
  for (const layer of config.config.layers as unknown[]) {
    if (!isRecord(layer) || typeof layer.class_name !== 'string') continue;
    if (sequential && layer.class_name === 'InputLayer') continue;
    const base = snakeCase(layer.class_name);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    const name = isRecord(layer.config) && typeof layer.config.name === 'string' ? layer.config.name : undefined;
    if (name !== undefined) paths.set(`layers/${n === 0 ? base : `${base}_${n}`}`, name);
  }
  return paths;
}

/** `weights` with names under a class-based folder (`layers/dense_1/vars/0`) renamed by their layer (`layers/classifier/vars/0`). */
export function byLayerName<W extends { name: string }>(weights: readonly W[], config: unknown): W[] {
  const paths = archiveLayerPaths(config);
  return weights.map((w) => {
    const folder = /^layers\/[^/]+/.exec(w.name)?.[0];
    const name = folder === undefined ? undefined : paths.get(folder);
    return name === undefined ? w : { ...w, name: `layers/${name}${w.name.slice(folder!.length)}` };
  });
}
