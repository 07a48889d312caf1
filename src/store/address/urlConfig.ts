import { DATASET_IDS, type DatasetId } from '../../data/datasets';
import { decodeArch, DEFAULT_INPUT, encodeArch, encodeInput } from '../../model/archParam';
import { decodeAugment, encodeAugment } from '../../model/augmentParam';
import { isMessage, message, type Message } from '../../model/message';
import { sameSpec } from '../../model/editSpec';
import { OPTIMIZER_NAMES } from '../../model/optimizerDefaults';
import { fieldError, type TrainFormField } from '../../model/parseTrainForm';
import { PRESETS, type Preset } from '../../model/presets';
import { switchOptimizer } from '../../model/switchOptimizer';
import type { ModelSpec, OptimizerName } from '../../model/types';
import type { UrlPatch, UrlState } from '../appState';
import { DEFAULT_VIEW, isViewId, VIEW_IDS } from '../view/views';
import { withPreset } from '../setup/withPreset';

/**
 * What a link's value becomes: part of the patch, or why it is not applied:
 * `ignored` ends the sentence "Link parameter k="v" ignored: …" (its first
 * word capitalised: lowerFirst makes it fit there), `error` is a whole
 * message of its own.
 */
type Read = UrlPatch | { ignored: Message } | { error: Message };

/**
 * `m` to go on after a colon: each key's `_lower` form where it has one
 * ("At least 1" -> "at least 1"), through i18next's context, and so for the
 * messages it nests (a name that starts it).
 */
export function lowerFirst(m: Message): Message {
  const values: Record<string, string | number | Message> = { context: 'lower' };
  for (const [k, v] of Object.entries(m.values ?? {})) values[k] = isMessage(v) ? lowerFirst(v) : v;
  return message(m.key, values);
}

/** `items` as "a or b or c" in the page's language. */
const orList = (items: readonly string[]): string | Message =>
  items.slice(1).reduce<string | Message>((first, second) => message('setup:link.or', { first, second }), items[0]);

/** One query parameter, read and written in one place. */
interface UrlParam {
  key: string;
  /** `value` (present in the link) as part of the patch; `q` for parameters read together. */
  read(value: string, q: URLSearchParams): Read;
  /**
   * What to write so that a reader who has rebuilt `base` so far ends with
   * `s`; undefined when it already would. An object writes several parameters.
   */
  write(s: UrlState, base: UrlState): string | Readonly<Record<string, string>> | undefined;
  /** What the reader has rebuilt once it has read this parameter, where that resets others. */
  rebase?(base: UrlState, s: UrlState): UrlState;
}

const flag = (v: string) => (v === '1' ? true : v === '0' ? false : undefined);
const bit = (b: boolean) => (b ? '1' : '0');
/** A 0-or-1 parameter. */
function readFlag(v: string, patch: (b: boolean) => UrlPatch): Read {
  const b = flag(v);
  return b === undefined ? { ignored: message('setup:link.expectedFlag') } : patch(b);
}
const presetWith = (spec: ModelSpec) => PRESETS.find((p) => sameSpec(p.spec, spec));

/** A typed field: the form's own check decides, so a link accepts exactly what the field does. */
function formParam(key: string, field: TrainFormField): UrlParam {
  return {
    key,
    read: (v) => {
      const e = fieldError(field, v);
      return e ? { ignored: lowerFirst(e) } : { form: { [field]: v } };
    },
    write: (s, base) => (s.form[field] !== base.form[field] ? s.form[field] : undefined),
  };
}

/**
 * The declared schema: every query parameter a link may carry, grouped. A
 * new parameter is one entry here. Links are written in this order, which is
 * also the order in which a reader rebuilds: a preset and an optimizer
 * switch reset what comes after them.
 */
export const URL_PARAMS = {
  network: [
    {
      key: 'net',
      read: (v) => (PRESETS.some((p) => p.id === v) ? { presetId: v } : { ignored: message('setup:link.noNetwork', { known: PRESETS.map((p) => p.id).join(', ') }) }),
      // A network equal to a preset's is written by name.
      write: (s, base) => (sameSpec(s.spec, base.spec) ? undefined : presetWith(s.spec)?.id),
      rebase: (base, s) => withPreset(base, presetWith(s.spec) as Preset),
    },
    {
      key: 'arch',
      read: (v, q) => {
        const r = decodeArch(v, q.get('input'));
        return 'spec' in r ? { spec: r.spec } : { error: message('setup:link.archNotLoaded', { reason: r.error }) };
      },
      // The input shape travels beside the layers, left out when it is the one a reader assumes.
      write: (s, base) =>
        sameSpec(s.spec, base.spec)
          ? undefined
          : { ...(encodeInput(s.spec) !== DEFAULT_INPUT ? { input: encodeInput(s.spec) } : {}), arch: encodeArch(s.spec) },
    },
  ],
  data: [
    {
      key: 'dataset',
      read: (v) => ((DATASET_IDS as readonly string[]).includes(v) ? { dataset: v as DatasetId } : { ignored: message('setup:link.expected', { list: orList(DATASET_IDS) }) }),
      write: (s, base) => (s.dataset !== base.dataset ? s.dataset : undefined),
    },
    {
      key: 'n',
      read: (v) =>
        v === 'all' ? { trainSize: 'all' }
        : /^\d+$/.test(v) && Number(v) >= 1 ? { trainSize: Number(v) }
        : { ignored: message('setup:link.expectedSize') },
      write: (s, base) => (s.trainSize !== base.trainSize ? String(s.trainSize) : undefined),
    },
  ],
  optimizer: [
    {
      key: 'opt',
      read: (v) => ((OPTIMIZER_NAMES as readonly string[]).includes(v) ? { optimizer: v as OptimizerName } : { ignored: message('setup:link.expectedOneOf', { list: OPTIMIZER_NAMES.join(', ') }) }),
      write: (s, base) => (s.optimizer !== base.optimizer ? s.optimizer : undefined),
      // The reader switches as the page does: the new optimizer's Keras defaults, the learning rate kept.
      rebase: (base, s) => switchOptimizer(base, s.optimizer),
    },
    {
      key: 'nesterov',
      read: (v) => readFlag(v, (nesterov) => ({ nesterov })),
      write: (s, base) => (s.nesterov !== base.nesterov ? bit(s.nesterov) : undefined),
    },
  ],
  fields: [
    formParam('epochs', 'epochs'), formParam('batch', 'batchSize'), formParam('lr', 'learningRate'),
    formParam('val', 'validationPercent'), formParam('seed', 'seed'), formParam('momentum', 'momentum'),
    formParam('beta1', 'beta1'), formParam('beta2', 'beta2'), formParam('eps', 'epsilon'), formParam('rho', 'rho'),
    formParam('patience', 'patience'), formParam('mindelta', 'minDelta'),
  ],
  augment: [
    {
      key: 'aug',
      read: (v) => {
        const r = decodeAugment(v);
        return 'augment' in r ? { augment: r.augment } : { ignored: lowerFirst(r.error) };
      },
      write: (s, base) => (encodeAugment(s.augment) !== encodeAugment(base.augment) ? encodeAugment(s.augment) : undefined),
    },
  ],
  earlyStopping: [
    {
      key: 'es',
      read: (v) =>
        v === 'off' ? { earlyStopping: { enabled: false } }
        : v === 'val_loss' || v === 'val_accuracy' ? { earlyStopping: { enabled: true, monitor: v } }
        : { ignored: message('setup:link.expectedEs') },
      // The monitor of early stopping that is off does not matter.
      write: ({ earlyStopping: es }, { earlyStopping: b }) =>
        es.enabled !== b.enabled || (es.enabled && es.monitor !== b.monitor) ? (es.enabled ? es.monitor : 'off') : undefined,
    },
    {
      key: 'restore',
      read: (v) => readFlag(v, (restoreBestWeights) => ({ earlyStopping: { restoreBestWeights } })),
      write: (s, base) => (s.earlyStopping.restoreBestWeights !== base.earlyStopping.restoreBestWeights ? bit(s.earlyStopping.restoreBestWeights) : undefined),
    },
  ],
  workspace: [
    {
      // Last in a link: the setup first, then where to look at it.
      key: 'view',
      read: (v) => (isViewId(v) ? { view: v } : { ignored: message('setup:link.expectedOneOf', { list: VIEW_IDS.join(', ') }) }),
      write: (s, base) => ((s.view ?? DEFAULT_VIEW) !== (base.view ?? DEFAULT_VIEW) ? s.view : undefined),
    },
  ],
} satisfies Record<string, readonly UrlParam[]>;

type Group = keyof typeof URL_PARAMS;
const WRITE_ORDER = Object.keys(URL_PARAMS) as Group[];
/** The order in which a link's problems are named; kept from the first reader so that messages do not move. */
const READ_ORDER: readonly Group[] = ['data', 'network', 'fields', 'optimizer', 'earlyStopping', 'augment', 'workspace'];
const paramsIn = (order: readonly Group[]): readonly UrlParam[] => order.flatMap((g) => URL_PARAMS[g]);

/** `a`, then `b` over it; the form and early stopping gather from several parameters. */
function mergePatch(a: UrlPatch, b: UrlPatch): UrlPatch {
  return {
    ...a,
    ...b,
    ...(b.form ? { form: { ...a.form, ...b.form } } : {}),
    ...(b.earlyStopping ? { earlyStopping: { ...a.earlyStopping, ...b.earlyStopping } } : {}),
  };
}

/**
 * Reads a link such as `?net=seed-001&dataset=mnist&n=2048&epochs=3&lr=1e-3&es=val_loss&patience=2`
 * or `?arch=conv(32,3,1,same,relu)-maxpool(2,2,valid)-flatten-dense(10,softmax)&input=28x28x1`.
 * A value is applied only when it validates; each one that does not is named
 * in `errors` (shown in the error banner) and the current setting stays.
 */
export function parseUrlConfig(search: string): { patch: UrlPatch; errors: Message[] } {
  const q = new URLSearchParams(search);
  let patch: UrlPatch = {};
  const errors: Message[] = [];
  for (const p of paramsIn(READ_ORDER)) {
    const value = q.get(p.key);
    if (value === null) continue;
    const r = p.read(value, q);
    if ('ignored' in r) errors.push(message('setup:link.ignored', { key: p.key, value, reason: r.ignored }));
    else if ('error' in r) errors.push(r.error);
    else patch = mergePatch(patch, r);
  }
  return { patch, errors };
}

/**
 * The query string for `s`: only what differs from what the reader will
 * rebuild (the defaults, with the named preset loaded over them), so the
 * plain page has a plain address and every link reopens exactly `s`. A
 * network equal to a preset's is written by name.
 */
export function setupToParams(s: UrlState, defaults: UrlState): Record<string, string> {
  const out: Record<string, string> = {};
  // `base` follows what parseUrlConfig + applyUrl will rebuild, parameter by parameter.
  let base = defaults;
  for (const p of paramsIn(WRITE_ORDER)) {
    const w = p.write(s, base);
    if (w === undefined) continue;
    Object.assign(out, typeof w === 'string' ? { [p.key]: w } : w);
    if (p.rebase) base = p.rebase(base, s);
  }
  return out;
}
