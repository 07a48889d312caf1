import { LIMITS } from './inferShapes';
import { message, type Message, type MessageValue } from './message';
import { RANDOM_LAYER_CLASSES, type Activation, type JsonValue, type LayerSpec, type LayerType, type ModelSpec, type Padding, type RandomLayerClass } from './types';

/** The `format` tag of an architecture file, so a stray JSON file is recognised as not ours. */
export const ARCHITECTURE_FORMAT = 'convscope-architecture';

/** Shared with the URL form so both name the same choices. */
export const PADDINGS: readonly Padding[] = ['valid', 'same'];
export const ACTIVATIONS: readonly Activation[] = ['relu', 'sigmoid', 'tanh', 'softmax', 'linear'];

/** Each type's fields besides `type`, to catch typos such as `kernel` before they read as a missing field. */
const FIELDS: Record<LayerType, readonly string[]> = {
  conv2d: ['filters', 'kernelSize', 'strides', 'padding', 'activation', 'useBias'],
  maxPool2d: ['poolSize', 'strides', 'padding'],
  avgPool2d: ['poolSize', 'strides', 'padding'],
  flatten: [],
  dense: ['units', 'activation', 'useBias'],
  dropout: ['rate'],
  batchNorm: [],
  reshape: ['targetShape'],
  zeroPadding2d: ['padding'],
  activation: ['activation'],
  relu: [],
  globalAvgPool2d: [],
  globalMaxPool2d: [],
  rescaling: ['scale', 'offset'],
  spatialDropout2d: ['rate'],
  gaussianNoise: ['stddev'],
  gaussianDropout: ['rate'],
  random: ['className', 'config'],
};

const LAYER_TYPES = Object.keys(FIELDS) as LayerType[];

const MAX_LAYERS = 100;

/** Thrown inside this module only, so each check can stop at the first problem. */
class SpecError extends Error {
  constructor(readonly detail: Message) {
    super(detail.key);
  }
}

/** Stops at a problem: `key` under editor:parse. */
function fail(key: string, values?: Message['values']): never {
  throw new SpecError(message(`editor:parse.${key}`, values));
}

/** A problem of layer `index` (its type once known), e.g. "Layer 2 (dense): …". */
function failAt(index: number, type: unknown, key: string, values?: Message['values']): never {
  const problem = message(`editor:parse.${key}`, values);
  throw new SpecError(type === undefined ? message('editor:parse.atLayer', { n: index + 1, problem }) : message('editor:parse.atLayerType', { n: index + 1, type: String(type), problem }));
}

/** A value as the user would recognise it in their file. */
function show(value: unknown): MessageValue {
  if (value === undefined) return message('editor:parse.shown.nothing');
  if (Array.isArray(value)) return message('editor:parse.shown.list');
  if (value === null) return 'null';
  if (typeof value === 'object') return message('editor:parse.shown.object');
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function parseInputShape(raw: unknown): ModelSpec['inputShape'] {
  if (raw === undefined) fail('missingInputShape');
  if (!Array.isArray(raw) || raw.length !== 3) fail('inputShapeForm', { got: show(raw) });
  const limits = [['height', LIMITS.side], ['width', LIMITS.side], ['channels', LIMITS.channels]] as const;
  raw.forEach((n: unknown, i) => {
    const [name, max] = limits[i];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > max) {
      fail(`input.${name}`, { max, got: show(n) });
    }
  });
  return [raw[0], raw[1], raw[2]];
}

/** A layer name as Keras allows it: no "/" (it separates weight paths), not empty. */
const NAME = /^[^/]{1,200}$/;

function parseLayer(raw: unknown, index: number): LayerSpec {
  const layer = parseLayerArgs(raw, index);
  const name = (raw as Record<string, unknown>).name;
  if (name === undefined) return layer;
  if (typeof name !== 'string' || !NAME.test(name)) failAt(index, layer.type, 'name', { got: show(name) });
  return { ...layer, name };
}

function parseLayerArgs(raw: unknown, index: number): LayerSpec {
  if (!isRecord(raw)) failAt(index, undefined, 'notObject', { got: show(raw) });
  const type = raw.type;
  if (!LAYER_TYPES.includes(type as LayerType)) {
    const types = LAYER_TYPES.join(', ');
    if (type === undefined) failAt(index, undefined, 'missingType', { types });
    failAt(index, undefined, 'unknownType', { got: show(type), types });
  }
  function where(key: string, values?: Message['values']): never {
    return failAt(index, type, key, values);
  }
  const fields = FIELDS[type as LayerType];
  for (const key of Object.keys(raw)) {
    if (key !== 'type' && key !== 'name' && !fields.includes(key)) where('unknownField', { key });
  }
  const has = (name: string) => Object.hasOwn(raw, name) && raw[name] !== undefined;
  const num = (name: string, fallback?: number): number => {
    if (!has(name)) return fallback ?? where('missingField', { name });
    const v = raw[name];
    if (typeof v !== 'number' || !Number.isFinite(v)) where('notNumber', { name, got: show(v) });
    return v;
  };
  const padding = (): Padding => {
    if (!has('padding')) return 'valid';
    const v = raw.padding;
    if (!PADDINGS.includes(v as Padding)) where('padding', { got: show(v) });
    return v as Padding;
  };
  const activation = (): Activation => {
    if (!has('activation')) return 'linear';
    const v = raw.activation;
    if (!ACTIVATIONS.includes(v as Activation)) where('activation', { list: ACTIVATIONS.join(', '), got: show(v) });
    return v as Activation;
  };
  /** Written only when false, so files from before it existed read as they did. */
  const biasField = (): { useBias?: false } => {
    if (!has('useBias') || raw.useBias === true) return {};
    if (raw.useBias !== false) where('useBias', { got: show(raw.useBias) });
    return { useBias: false };
  };
  const numbers = (name: string, count?: number): number[] => {
    const v = raw[name];
    if (!Array.isArray(v) || (count !== undefined && v.length !== count) || !v.every((n) => typeof n === 'number' && Number.isFinite(n))) {
      where(count === undefined ? 'numberList' : 'numberListOf', { name, ...(count === undefined ? {} : { n: count }), got: show(v) });
    }
    return v as number[];
  };

  switch (type as LayerType) {
    case 'conv2d':
      return { type: 'conv2d', filters: num('filters'), kernelSize: num('kernelSize'), strides: num('strides', 1), padding: padding(), activation: activation(), ...biasField() };
    case 'maxPool2d':
    case 'avgPool2d': {
      const poolSize = num('poolSize', 2);
      return { type: type as 'maxPool2d' | 'avgPool2d', poolSize, strides: num('strides', poolSize), padding: padding() };
    }
    case 'flatten':
      return { type: 'flatten' };
    case 'dense':
      return { type: 'dense', units: num('units'), activation: activation(), ...biasField() };
    case 'dropout':
    case 'spatialDropout2d':
    case 'gaussianDropout':
      return { type: type as 'dropout' | 'spatialDropout2d' | 'gaussianDropout', rate: num('rate') };
    case 'batchNorm':
    case 'relu':
    case 'globalAvgPool2d':
    case 'globalMaxPool2d':
      return { type: type as 'batchNorm' | 'relu' | 'globalAvgPool2d' | 'globalMaxPool2d' };
    case 'reshape':
      return { type: 'reshape', targetShape: numbers('targetShape') };
    case 'zeroPadding2d': {
      const [top, bottom, left, right] = numbers('padding', 4);
      return { type: 'zeroPadding2d', padding: [top, bottom, left, right] };
    }
    case 'activation':
      return { type: 'activation', activation: activation() };
    case 'rescaling':
      return { type: 'rescaling', scale: num('scale'), offset: num('offset', 0) };
    case 'gaussianNoise':
      return { type: 'gaussianNoise', stddev: num('stddev') };
    case 'random': {
      if (!RANDOM_LAYER_CLASSES.includes(raw.className as RandomLayerClass)) where('className', { list: RANDOM_LAYER_CLASSES.join(', '), got: show(raw.className) });
      const config = has('config') ? raw.config : {};
      if (!isRecord(config)) where('config', { got: show(config) });
      return { type: 'random', className: raw.className as RandomLayerClass, config: config as { [key: string]: JsonValue } };
    }
  }
}

function parse(raw: unknown): ModelSpec {
  if (!isRecord(raw)) fail('notArchitecture', { got: show(raw) });
  if (raw.format !== undefined) {
    if (raw.format !== ARCHITECTURE_FORMAT) fail('format', { format: ARCHITECTURE_FORMAT, got: show(raw.format) });
    if (raw.version !== 1) fail('version', { got: show(raw.version) });
  } else if (raw.version !== undefined && raw.version !== 1) {
    fail('version', { got: show(raw.version) });
  }
  const inputShape = parseInputShape(raw.inputShape);
  if (!Array.isArray(raw.layers)) fail('layersList');
  if (raw.layers.length > MAX_LAYERS) fail('tooManyLayers', { layers: raw.layers.length, max: MAX_LAYERS });
  const layers = raw.layers.map(parseLayer);
  const names = layers.flatMap((l) => (l.name ? [l.name] : []));
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) fail('duplicateName', { name: twice });
  if (raw.kerasInput === undefined) return { inputShape, layers };
  const ok = Array.isArray(raw.kerasInput) && raw.kerasInput.length >= 1 && raw.kerasInput.length <= 3
    && raw.kerasInput.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 1);
  if (!ok) fail('kerasInput', { got: show(raw.kerasInput) });
  return { inputShape, kerasInput: raw.kerasInput as number[], layers };
}

/**
 * Turns untrusted data (an imported file, a link) into a ModelSpec, filling
 * omitted fields with Keras's defaults. It checks form, not sense: a filter
 * count of 0 or a kernel larger than its input passes, so the network can be
 * imported and fixed in the editor, where inferShapes flags it at the layer.
 */
export function parseSpec(raw: unknown): { spec: ModelSpec } | { error: Message } {
  try {
    return { spec: parse(raw) };
  } catch (e) {
    if (e instanceof SpecError) return { error: e.detail };
    throw e;
  }
}
