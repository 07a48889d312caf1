import { LIMITS } from './inferShapes';
import type { Activation, LayerSpec, LayerType, ModelSpec, Padding } from './types';

/** The `format` tag of an architecture file, so a stray JSON file is recognised as not ours. */
export const ARCHITECTURE_FORMAT = 'convscope-architecture';

/** Shared with the URL form so both name the same choices. */
export const PADDINGS: readonly Padding[] = ['valid', 'same'];
export const ACTIVATIONS: readonly Activation[] = ['relu', 'sigmoid', 'tanh', 'softmax', 'linear'];

const LAYER_TYPES: readonly LayerType[] = ['conv2d', 'maxPool2d', 'avgPool2d', 'flatten', 'dense', 'dropout', 'batchNorm'];

/** Each type's fields besides `type`, to catch typos such as `kernel` before they read as a missing field. */
const FIELDS: Record<LayerType, readonly string[]> = {
  conv2d: ['filters', 'kernelSize', 'strides', 'padding', 'activation'],
  maxPool2d: ['poolSize', 'strides', 'padding'],
  avgPool2d: ['poolSize', 'strides', 'padding'],
  flatten: [],
  dense: ['units', 'activation'],
  dropout: ['rate'],
  batchNorm: [],
};

const MAX_LAYERS = 100;

/** Thrown inside this module only, so each check can stop at the first problem. */
class SpecError extends Error {}

function fail(message: string): never {
  throw new SpecError(message);
}

/** A value as the user would recognise it in their file. */
function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function parseInputShape(raw: unknown): ModelSpec['inputShape'] {
  if (raw === undefined) fail('Missing "inputShape" (e.g. [28, 28, 1])');
  if (!Array.isArray(raw) || raw.length !== 3) fail(`"inputShape" must be [height, width, channels], got ${show(raw)}`);
  const limits = [['height', LIMITS.side], ['width', LIMITS.side], ['channels', LIMITS.channels]] as const;
  raw.forEach((n: unknown, i) => {
    const [name, max] = limits[i];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > max) {
      fail(`Input ${name} must be a whole number from 1 to ${max}, got ${show(n)}`);
    }
  });
  return [raw[0], raw[1], raw[2]];
}

function parseLayer(raw: unknown, index: number): LayerSpec {
  const at = `Layer ${index + 1}`;
  if (!isRecord(raw)) fail(`${at}: must be an object with a "type", got ${show(raw)}`);
  const type = raw.type;
  if (!LAYER_TYPES.includes(type as LayerType)) {
    const what = type === undefined ? 'missing "type"' : `unknown layer type ${show(type)}`;
    fail(`${at}: ${what} (expected one of ${LAYER_TYPES.join(', ')})`);
  }
  const where = `${at} (${type})`;
  const fields = FIELDS[type as LayerType];
  for (const key of Object.keys(raw)) {
    if (key !== 'type' && !fields.includes(key)) fail(`${where}: unknown field "${key}"`);
  }
  const has = (name: string) => Object.hasOwn(raw, name) && raw[name] !== undefined;
  const num = (name: string, fallback?: number): number => {
    if (!has(name)) return fallback ?? fail(`${where}: missing "${name}"`);
    const v = raw[name];
    if (typeof v !== 'number' || !Number.isFinite(v)) fail(`${where}: "${name}" must be a number, got ${show(v)}`);
    return v;
  };
  const padding = (): Padding => {
    if (!has('padding')) return 'valid';
    const v = raw.padding;
    if (!PADDINGS.includes(v as Padding)) fail(`${where}: "padding" must be "valid" or "same", got ${show(v)}`);
    return v as Padding;
  };
  const activation = (): Activation => {
    if (!has('activation')) return 'linear';
    const v = raw.activation;
    if (!ACTIVATIONS.includes(v as Activation)) fail(`${where}: "activation" must be one of ${ACTIVATIONS.join(', ')}, got ${show(v)}`);
    return v as Activation;
  };

  switch (type as LayerType) {
    case 'conv2d':
      return { type: 'conv2d', filters: num('filters'), kernelSize: num('kernelSize'), strides: num('strides', 1), padding: padding(), activation: activation() };
    case 'maxPool2d':
    case 'avgPool2d': {
      const poolSize = num('poolSize', 2);
      return { type: type as 'maxPool2d' | 'avgPool2d', poolSize, strides: num('strides', poolSize), padding: padding() };
    }
    case 'flatten':
      return { type: 'flatten' };
    case 'dense':
      return { type: 'dense', units: num('units'), activation: activation() };
    case 'dropout':
      return { type: 'dropout', rate: num('rate') };
    case 'batchNorm':
      return { type: 'batchNorm' };
  }
}

function parse(raw: unknown): ModelSpec {
  if (!isRecord(raw)) fail(`An architecture must be an object with "inputShape" and "layers", got ${show(raw)}`);
  if (raw.format !== undefined) {
    if (raw.format !== ARCHITECTURE_FORMAT) fail(`"format" must be "${ARCHITECTURE_FORMAT}", got ${show(raw.format)}`);
    if (raw.version !== 1) fail(`"version" must be 1, got ${show(raw.version)}`);
  } else if (raw.version !== undefined && raw.version !== 1) {
    fail(`"version" must be 1, got ${show(raw.version)}`);
  }
  const inputShape = parseInputShape(raw.inputShape);
  if (!Array.isArray(raw.layers)) fail('"layers" must be a list of layers');
  if (raw.layers.length > MAX_LAYERS) fail(`The network has ${raw.layers.length} layers; at most ${MAX_LAYERS} are allowed`);
  return { inputShape, layers: raw.layers.map(parseLayer) };
}

/**
 * Turns untrusted data (an imported file, a link) into a ModelSpec, filling
 * omitted fields with Keras's defaults. It checks form, not sense: a filter
 * count of 0 or a kernel larger than its input passes, so the network can be
 * imported and fixed in the editor, where inferShapes flags it at the layer.
 */
export function parseSpec(raw: unknown): { spec: ModelSpec } | { error: string } {
  try {
    return { spec: parse(raw) };
  } catch (e) {
    if (e instanceof SpecError) return { error: e.message };
    throw e;
  }
}
