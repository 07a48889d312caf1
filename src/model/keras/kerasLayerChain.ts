import { message, type Message } from '../message';
import { fail, isRecord, shown } from './topologyError';

/** One layer as a Keras model config lists it. */
export interface KerasLayerEntry {
  /** 1-based place in the file's list of layers, for messages. */
  position: number;
  className: string;
  name: string;
  config: Record<string, unknown>;
}

/** How messages name a layer: `Layer 3 "conv2d_1" (Conv2D)`. */
export function layerLabel(entry: KerasLayerEntry): Message {
  return message('errors:keras.layer', { position: entry.position, name: entry.name, className: entry.className });
}

function readEntry(raw: unknown, index: number): KerasLayerEntry {
  const position = index + 1;
  if (!isRecord(raw) || typeof raw.class_name !== 'string') fail(message('errors:keras.notALayer', { position, got: shown(raw) }));
  const config = isRecord(raw.config) ? raw.config : {};
  const name = typeof config.name === 'string' ? config.name : typeof raw.name === 'string' ? raw.name : `layer ${position}`;
  return { position, className: raw.class_name, name, config };
}

/** Names of the layers whose outputs a Keras 3 node argument carries (`__keras_tensor__` objects, possibly in lists). */
function kerasHistoryNames(arg: unknown): string[] {
  if (Array.isArray(arg)) return arg.flatMap(kerasHistoryNames);
  if (!isRecord(arg)) return [];
  const history = isRecord(arg.config) ? arg.config.keras_history : undefined;
  return Array.isArray(history) && typeof history[0] === 'string' ? [history[0]] : [];
}

/**
 * The layers each call of a functional layer reads from, one list per call.
 * Keras 2 writes a call as `[["conv2d", 0, 0, {}], …]`; Keras 3 as
 * `{"args": [keras tensors], "kwargs": {…}}`.
 */
function inboundCalls(raw: unknown): string[][] {
  if (!Array.isArray(raw)) return [];
  return raw.map((call) => {
    if (isRecord(call)) return kerasHistoryNames(call.args);
    if (!Array.isArray(call)) return [];
    return call.flatMap((t: unknown) => (Array.isArray(t) && typeof t[0] === 'string' ? [t[0]] : []));
  });
}

/** `[["dense", 0, 0]]` or, for a single one, `["dense", 0, 0]`: the layer names. */
function endpointNames(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  if (typeof raw[0] === 'string') return [raw[0]];
  return raw.flatMap((t: unknown) => (Array.isArray(t) && typeof t[0] === 'string' ? [t[0]] : []));
}

const NOT_A_CHAIN = message('errors:keras.notAChain');

/** Whether a layer's output is class probabilities: Dense with softmax, or Activation/Softmax right after a Dense. */
function isClassifier(entry: KerasLayerEntry, from: KerasLayerEntry | undefined): boolean {
  if (entry.className === 'Dense') return entry.config.activation === 'softmax';
  const softmax = entry.className === 'Softmax' || (entry.className === 'Activation' && entry.config.activation === 'softmax');
  return softmax && from?.className === 'Dense';
}

/**
 * Orders a functional model's layers from input to output, when they form one
 * unbranched chain. A model with several outputs (visualisers save every
 * layer as one) is read from its input to the one output that ends in a
 * classifier; layers that only feed the other outputs are left out, and
 * `notes` says so.
 */
function functionalChain(config: Record<string, unknown>): { chain: KerasLayerEntry[]; notes: Message[] } {
  if (!Array.isArray(config.layers)) fail(message('errors:keras.functionalNoLayers'));
  const raws = config.layers as unknown[];
  const entries = raws.map(readEntry);
  const calls = raws.map((raw) => inboundCalls(isRecord(raw) ? raw.inbound_nodes : undefined));
  // The inputs first: a model with two has a layer that joins them, and the inputs are what to say.
  const inputs = entries.filter((_, i) => calls[i].length === 0);
  if (inputs.length !== 1) fail(message('errors:keras.inputs', { number: inputs.length, names: inputs.map((e) => `"${e.name}"`).join(', ') }));
  const byName = new Map<string, { entry: KerasLayerEntry; from: string | null }>();
  entries.forEach((entry, i) => {
    const own = calls[i];
    if (own.length > 1) fail(message('errors:keras.shared', { layer: layerLabel(entry), times: own.length, chain: NOT_A_CHAIN }));
    if (own.length === 1 && own[0].length !== 1) fail(message('errors:keras.takesInputs', { layer: layerLabel(entry), inputs: own[0].length, chain: NOT_A_CHAIN }));
    if (byName.has(entry.name)) fail(message('errors:keras.sameName', { name: entry.name }));
    byName.set(entry.name, { entry, from: own.length === 1 ? own[0][0] : null });
  });
  const outputs = endpointNames(config.output_layers);
  const notes: Message[] = [];
  let output = outputs[0] ?? entries[entries.length - 1]?.name ?? null;
  if (outputs.length > 1) {
    const fromOf = (name: string) => {
      const from = byName.get(name)?.from;
      return from ? byName.get(from)?.entry : undefined;
    };
    const classifiers = outputs.filter((name) => {
      const node = byName.get(name);
      return node !== undefined && isClassifier(node.entry, fromOf(name));
    });
    if (classifiers.length !== 1) {
      const values = { outputs: outputs.length, classifiers: classifiers.length, names: classifiers.map((n) => `"${n}"`).join(', ') };
      fail(classifiers.length === 0 ? message('errors:keras.outputsNoClassifier', values) : message('errors:keras.outputsClassifiers', values));
    }
    output = classifiers[0];
    notes.push(message('errors:keras.noteOutputs', { outputs: outputs.length, output }));
  }
  const chain: KerasLayerEntry[] = [];
  let current: string | null = output;
  while (current !== null) {
    const node = byName.get(current);
    if (!node) fail(message('errors:keras.unlisted', { name: current }));
    if (chain.includes(node.entry)) fail(message('errors:keras.loop', { name: current, chain: NOT_A_CHAIN }));
    chain.unshift(node.entry);
    current = node.from;
  }
  const strays = entries.filter((e) => !chain.includes(e));
  if (strays.length > 0) {
    if (outputs.length <= 1) fail(message('errors:keras.offPath', { layer: layerLabel(strays[0]), chain: NOT_A_CHAIN }));
    notes.push(message('errors:keras.noteLeftOut', { names: strays.map((e) => `"${e.name}"`).join(', ') }));
  }
  return { chain, notes };
}

/**
 * The layers of a Keras model config (Sequential, or a functional Model whose
 * layers form one chain) in the order data flows through them, and the input
 * shape its build records (`build_input_shape`, Keras 3's `build_config`) for
 * models whose layers do not carry one.
 */
export function kerasLayerChain(model: Record<string, unknown>): { layers: KerasLayerEntry[]; buildShape: unknown; notes: Message[] } {
  const { class_name: className, config } = model;
  const buildShape = (isRecord(config) ? (config.build_input_shape ?? (isRecord(config.build_config) ? config.build_config.input_shape : undefined)) : undefined)
    ?? (isRecord(model.build_config) ? model.build_config.input_shape : undefined);
  if (className === 'Sequential') {
    // Keras before 2.2 wrote a Sequential's config as the bare list of layers.
    const list = Array.isArray(config) ? config : isRecord(config) ? config.layers : undefined;
    if (!Array.isArray(list)) fail(message('errors:keras.sequentialNoLayers'));
    return { layers: list.map(readEntry), buildShape, notes: [] };
  }
  if (className === 'Model' || className === 'Functional') {
    if (!isRecord(config)) fail(message('errors:keras.noConfig', { className }));
    const { chain, notes } = functionalChain(config);
    return { layers: chain, buildShape, notes };
  }
  return fail(message('errors:keras.modelClass', { className: shown(className) }));
}
