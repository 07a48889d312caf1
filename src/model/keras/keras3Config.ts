import { firstLayerInput, inferShapes } from '../inferShapes';
import { message, MessageError } from '../message';
import { kerasLayerNames } from './kerasNames';
import { layerJson, type KerasLayerJson } from './layersTopology';
import type { LayerSpec, ModelSpec } from '../types';

/** The Keras 3 release whose `.keras` format the export follows: files from it load in it and in every later release. */
export const KERAS3_VERSION = '3.6.0';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Keras 3 writes a layer's dtype as a DTypePolicy object. */
const FLOAT32_POLICY = { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null };

/** Layers whose Keras 3 class builds weights or checks shapes in build(), and so records the shape it was built for. */
const BUILT: ReadonlySet<LayerSpec['type']> = new Set(['conv2d', 'dense', 'batchNorm', 'flatten', 'reshape', 'zeroPadding2d', 'rescaling', 'random']);

/** A Keras 2 initializer `{class_name, config}` as Keras 3 serialises objects. */
function keras3Object(value: unknown): Json {
  const v = value as { class_name: string; config?: Json };
  return { module: 'keras.initializers', class_name: v.class_name, config: v.config ?? {}, registered_name: null };
}

/**
 * One layer's Keras 3.6 config from its Keras 2 one: the same arguments with
 * Keras 3's differences (Keras 3.6 refuses an argument it does not know, so
 * the key sets are its own: keras/src/layers/…get_config).
 */
function keras3Layer(layer: LayerSpec, json: KerasLayerJson, inputShape: readonly number[]): Json {
  const config: Record<string, Json> = {};
  for (const [key, value] of Object.entries(json.config)) {
    if (key === 'dtype') config.dtype = FLOAT32_POLICY;
    else if (key.endsWith('_initializer')) config[key] = keras3Object(value);
    else config[key] = value as Json;
  }
  switch (layer.type) {
    case 'dense':
      delete config.activity_regularizer;
      break;
    case 'batchNorm':
      config.synchronized = false;
      break;
    case 'random':
      // All its arguments, Keras 3's own (value_range) included, which the Keras 2 form leaves out.
      Object.assign(config, layer.config, { data_format: 'channels_last' });
      break;
    case 'spatialDropout2d': {
      // SpatialDropout2D's own get_config: its five arguments in its order, a plain dtype string.
      const { rate, seed, name } = json.config as Record<string, Json>;
      return { module: 'keras.layers', class_name: json.class_name, config: { rate, seed, name, dtype: 'float32', data_format: 'channels_last' }, registered_name: null };
    }
  }
  const out: Record<string, Json> = { module: 'keras.layers', class_name: json.class_name, config, registered_name: null };
  if (BUILT.has(layer.type)) out.build_config = { input_shape: [null, ...inputShape] };
  return out;
}

/**
 * The network as Keras 3.6 writes a Sequential model into a `.keras` file's
 * config.json (keras/src/saving/serialization_lib.py): module, class_name,
 * config and registered_name for the model and each layer, an InputLayer
 * with `batch_shape` first, dtypes as DTypePolicy objects, and the shapes
 * layers were built for. No compile_config: the model opens uncompiled.
 */
export function keras3Config(spec: ModelSpec, name = 'convscope'): Json {
  const info = inferShapes(spec);
  if (info.error) throw new MessageError(message('errors:keras.cannotExport', { error: info.error }));
  const input = [null, ...firstLayerInput(spec)];
  const names = kerasLayerNames(spec.layers);
  const inputLayer = {
    module: 'keras.layers', class_name: 'InputLayer',
    config: { batch_shape: input, dtype: 'float32', sparse: false, name: 'input_layer' }, registered_name: null,
  };
  const layers = spec.layers.map((l, i) => keras3Layer(l, layerJson(l, names[i]), info.layers[i].inputShape));
  return {
    module: 'keras', class_name: 'Sequential',
    config: { name, trainable: true, dtype: FLOAT32_POLICY, layers: [inputLayer, ...layers], build_input_shape: input },
    registered_name: null,
    build_config: { input_shape: input },
  };
}
