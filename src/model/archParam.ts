import { message, type Message } from './message';
import { ACTIVATIONS, PADDINGS, parseSpec } from './parseSpec';
import type { LayerSpec, LayerType, ModelSpec } from './types';

type ArgKind = 'number' | 'padding' | 'activation';

/** One layer's written form: its arguments in order (named by editor:link.arg.<field>), the first `required` of them mandatory. */
interface Form {
  type: LayerType;
  args: readonly (readonly [field: string, kind: ArgKind])[];
  required: number;
}

const POOL_ARGS = [['poolSize', 'number'], ['strides', 'number'], ['padding', 'padding']] as const;

const FORMS: Record<string, Form> = {
  conv: {
    type: 'conv2d',
    args: [['filters', 'number'], ['kernelSize', 'number'], ['strides', 'number'], ['padding', 'padding'], ['activation', 'activation']],
    required: 2,
  },
  maxpool: { type: 'maxPool2d', args: POOL_ARGS, required: 0 },
  avgpool: { type: 'avgPool2d', args: POOL_ARGS, required: 0 },
  flatten: { type: 'flatten', args: [], required: 0 },
  dense: { type: 'dense', args: [['units', 'number'], ['activation', 'activation']], required: 1 },
  dropout: { type: 'dropout', args: [['rate', 'number']], required: 1 },
  batchnorm: { type: 'batchNorm', args: [], required: 0 },
  zeropad: { type: 'zeroPadding2d', args: [['top', 'number'], ['bottom', 'number'], ['left', 'number'], ['right', 'number']], required: 1 },
  activation: { type: 'activation', args: [['activation', 'activation']], required: 1 },
  relu: { type: 'relu', args: [], required: 0 },
  gap: { type: 'globalAvgPool2d', args: [], required: 0 },
  gmp: { type: 'globalMaxPool2d', args: [], required: 0 },
  rescale: { type: 'rescaling', args: [['scale', 'number'], ['offset', 'number']], required: 1 },
  spatialdropout: { type: 'spatialDropout2d', args: [['rate', 'number']], required: 1 },
  noise: { type: 'gaussianNoise', args: [['stddev', 'number']], required: 1 },
  gdropout: { type: 'gaussianDropout', args: [['rate', 'number']], required: 1 },
};

/** Reshape's sizes are written `reshape(28x28x1)`, like the input. */
const RESHAPE = /^reshape\((-?\d+(?:x-?\d+){0,2})\)$/;

/** The input shape a link without `input` means. */
export const DEFAULT_INPUT = '28x28x1';
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

function encodeLayer(layer: LayerSpec): string {
  switch (layer.type) {
    case 'conv2d': return `conv(${layer.filters},${layer.kernelSize},${layer.strides},${layer.padding},${layer.activation}${layer.useBias === false ? ',nobias' : ''})`;
    case 'maxPool2d': return `maxpool(${layer.poolSize},${layer.strides},${layer.padding})`;
    case 'avgPool2d': return `avgpool(${layer.poolSize},${layer.strides},${layer.padding})`;
    case 'flatten': return 'flatten';
    case 'dense': return `dense(${layer.units},${layer.activation}${layer.useBias === false ? ',nobias' : ''})`;
    case 'dropout': return `dropout(${layer.rate})`;
    case 'batchNorm': return 'batchnorm';
    case 'reshape': return `reshape(${layer.targetShape.join('x')})`;
    case 'zeroPadding2d': return `zeropad(${layer.padding.join(',')})`;
    case 'activation': return `activation(${layer.activation})`;
    case 'relu': return 'relu';
    case 'globalAvgPool2d': return 'gap';
    case 'globalMaxPool2d': return 'gmp';
    case 'rescaling': return `rescale(${layer.scale},${layer.offset})`;
    case 'spatialDropout2d': return `spatialdropout(${layer.rate})`;
    case 'gaussianNoise': return `noise(${layer.stddev})`;
    case 'gaussianDropout': return `gdropout(${layer.rate})`;
    // Its Keras arguments as JSON: they are what it writes back to Keras.
    case 'random': return Object.keys(layer.config).length ? `random(${layer.className},${JSON.stringify(layer.config)})` : `random(${layer.className})`;
  }
}

/** A layer's own name from a file travels after `@`, its `-` escaped so that it does not split the layers. */
function encodeLayerWithName(layer: LayerSpec): string {
  const text = encodeLayer(layer);
  return layer.name ? `${text}@${encodeURIComponent(layer.name).replace(/-/g, '%2D')}` : text;
}

/**
 * The layers as a short text a person can read and edit in a link, e.g.
 * `conv(64,3,1,valid,relu)-maxpool(2,2,valid)-flatten-dense(10,softmax)`.
 * Every argument is written, so a link means the same even if defaults change.
 */
export function encodeArch(spec: ModelSpec): string {
  return spec.layers.map(encodeLayerWithName).join('-');
}

/** The input shape as it travels in a link, e.g. `28x28x1`. */
export function encodeInputShape(shape: ModelSpec['inputShape']): string {
  return shape.join('x');
}

/** The input as a link carries it: `28x28x1`, or with the shape a Keras model declares, `28x28x1:784`. */
export function encodeInput(spec: Pick<ModelSpec, 'inputShape' | 'kerasInput'>): string {
  return spec.kerasInput ? `${encodeInputShape(spec.inputShape)}:${spec.kerasInput.join('x')}` : encodeInputShape(spec.inputShape);
}

/** Splits on `-` outside parentheses, so `dropout(1e-7)` stays one layer. */
function splitLayers(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '-' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim());
}

/** A problem with a layer of a link: `key` under editor:link. */
const problem = (key: string, values?: Message['values']): Problem => ({ problem: message(`editor:link.${key}`, values) });
interface Problem {
  problem: Message;
}
const isProblem = (x: Record<string, unknown> | Problem): x is Problem => Object.keys(x).length === 1 && 'problem' in x && typeof x.problem === 'object';

/** One layer token into the raw object parseSpec reads, or what is wrong with it. */
function decodeLayer(named: string): Record<string, unknown> | Problem {
  const at = /^(.*)@([^@()]+)$/s.exec(named);
  const token = at ? at[1] : named;
  const layer = decodeLayerArgs(token);
  if (isProblem(layer) || !at) return layer;
  try {
    return { ...layer, name: decodeURIComponent(at[2]) };
  } catch {
    return problem('badName', { name: at[2] });
  }
}

/** A form's argument, as a link names it (editor:link.arg.*). */
const argName = (field: string) => message(`editor:link.arg.${field}`);

function decodeLayerArgs(token: string): Record<string, unknown> | Problem {
  const reshape = RESHAPE.exec(token);
  if (reshape) return { type: 'reshape', targetShape: reshape[1].split('x').map(Number) };
  const random = /^random\((\w+)(?:,(.*))?\)$/s.exec(token);
  if (random) {
    try {
      return { type: 'random', className: random[1], config: random[2] === undefined ? {} : JSON.parse(random[2]) };
    } catch {
      return problem('randomArgs', { layer: random[1] });
    }
  }
  const m = /^(\w+)(?:\((.*)\))?$/s.exec(token);
  if (!m) return problem('expected');
  const [, name, inner] = m;
  if (!Object.hasOwn(FORMS, name)) return problem('unknownLayer', { name });
  const form = FORMS[name];
  const all = inner === undefined || inner.trim() === '' ? [] : inner.split(',').map((a) => a.trim());
  // A trailing `nobias` marks a Conv2D or Dense without a bias (use_bias=False).
  const noBias = (form.type === 'conv2d' || form.type === 'dense') && all[all.length - 1] === 'nobias';
  const args = noBias ? all.slice(0, -1) : all;
  if (args.length > form.args.length) {
    if (form.args.length === 0) return problem('noArgs', { name });
    return problem('tooManyArgs', { name, max: form.args.length, args: message(`editor:link.args.${name}`) });
  }
  if (args.length < form.required) return problem('missingArg', { arg: argName(form.args[args.length][0]) });
  const layer: Record<string, unknown> = { type: form.type };
  for (const [i, arg] of args.entries()) {
    const [field, kind] = form.args[i];
    if (kind === 'number') {
      if (!NUMBER.test(arg)) return problem('notNumber', { arg: argName(field), value: arg });
      layer[field] = Number(arg);
    } else if (kind === 'padding') {
      if (!(PADDINGS as readonly string[]).includes(arg)) return problem('padding', { value: arg });
      layer[field] = arg;
    } else {
      if (!(ACTIVATIONS as readonly string[]).includes(arg)) return problem('activation', { value: arg, list: ACTIVATIONS.join(', ') });
      layer[field] = arg;
    }
  }
  if (noBias) layer.useBias = false;
  if (form.type === 'zeroPadding2d') {
    // zeropad(2) pads 2 on every side; zeropad(top,bottom,left,right) each side its own.
    if (args.length !== 1 && args.length !== 4) return problem('zeropad');
    const sides = ['top', 'bottom', 'left', 'right'];
    layer.padding = sides.map((f) => layer[f] ?? layer.top);
    for (const f of sides) delete layer[f];
  }
  return layer;
}

/**
 * Reads an architecture from a link: `text` as written by encodeArch (trailing
 * arguments may be left out and take Keras's defaults) and `inputText` as
 * written by encodeInputShape (absent means 28x28x1). The result goes through
 * parseSpec, so a link and an imported file are held to the same rules.
 */
export function decodeArch(text: string, inputText?: string | null): { spec: ModelSpec } | { error: Message } {
  const input = (inputText ?? DEFAULT_INPUT).trim();
  const dims = /^(\d+)[x×](\d+)[x×](\d+)(?::(\d+(?:[x×]\d+){0,2}))?$/i.exec(input);
  if (!dims) return { error: message('editor:link.input', { input, example: DEFAULT_INPUT }) };
  const tokens = text.trim() === '' ? [] : splitLayers(text);
  const layers: Record<string, unknown>[] = [];
  for (const [i, token] of tokens.entries()) {
    const layer = decodeLayer(token);
    if (isProblem(layer)) return { error: message('editor:link.atLayer', { n: i + 1, token, problem: layer.problem }) };
    layers.push(layer);
  }
  const kerasInput = dims[4] === undefined ? {} : { kerasInput: dims[4].split(/[x×]/i).map(Number) };
  return parseSpec({ inputShape: dims.slice(1, 4).map(Number), ...kerasInput, layers });
}

/**
 * A query string (`?a=1&b=2`, or '' for no parameters) that leaves letters,
 * digits and `( ) , . _ ~ -` as they are, so an architecture link stays
 * readable, and percent-encodes the rest so URLSearchParams reads it back.
 */
export function toSearch(params: Record<string, string>): string {
  const encode = (s: string) =>
    s.replace(/[^A-Za-z0-9(),._~-]/gu, (c) => {
      const code = c.charCodeAt(0);
      // encodeURIComponent leaves ! ' * as they are.
      if (code < 0x80) return `%${code.toString(16).toUpperCase().padStart(2, '0')}`;
      // A lone surrogate has no UTF-8 form; URLSearchParams would read it as U+FFFD anyway.
      if (c.length === 1 && code >= 0xd800 && code <= 0xdfff) return '%EF%BF%BD';
      return encodeURIComponent(c);
    });
  const pairs = Object.entries(params).map(([k, v]) => `${encode(k)}=${encode(v)}`);
  return pairs.length === 0 ? '' : `?${pairs.join('&')}`;
}
