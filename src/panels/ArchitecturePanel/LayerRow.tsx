import { useState, type ReactNode } from 'react';
import { formatShape } from '../../model/formatShape';
import { layerFieldErrors, type LayerInfo } from '../../model/inferShapes';
import { kerasClass } from '../../model/keras/kerasNames';
import { outputSizeRule } from '../../model/outputSizeRule';
import type { Activation, LayerSpec, Padding, ReshapeLayer } from '../../model/types';
import { formatCount } from '../format';
import { NumberInput } from './NumberInput';

const ACTIVATIONS: Activation[] = ['relu', 'sigmoid', 'tanh', 'softmax', 'linear'];

interface Props {
  info: LayerInfo;
  count: number;
  locked: boolean;
  onChange(layer: LayerSpec): void;
  onMove(to: number): void;
  onRemove(): void;
}

function Choice<T extends string>({ value, options, label, disabled, onChange }: { value: T; options: readonly T[]; label: string; disabled: boolean; onChange(v: T): void }) {
  return (
    <select className="mini" aria-label={label} title={label} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as T)}>
      {options.map((o) => <option key={o} value={o}>{o}</option>)}
    </select>
  );
}

/** The editable arguments of a layer, in Keras's order. */
function LayerArgs({ layer, locked, onChange }: { layer: LayerSpec; locked: boolean; onChange(l: LayerSpec): void }): ReactNode {
  const fieldErrors = layerFieldErrors(layer);
  const num = (key: string, label: string, value: number, width?: number, set?: (v: number) => LayerSpec) => (
    <NumberInput
      key={key}
      label={label}
      testId={`layer-${key}`}
      value={value}
      width={width}
      disabled={locked}
      invalid={key in fieldErrors || (key === 'padding' && Object.keys(fieldErrors).some((k) => k.startsWith('padding')))}
      onChange={(v) => onChange(set ? set(v) : ({ ...layer, [key]: v } as LayerSpec))}
    />
  );
  const bias = (value: boolean | undefined) => (
    <label className="arg" title="use_bias: a bias per filter or unit (Keras's default); BatchNormalization right after makes it redundant">
      <input type="checkbox" data-testid="layer-use-bias" checked={value !== false} disabled={locked} onChange={(e) => onChange({ ...layer, useBias: e.target.checked ? undefined : false } as LayerSpec)} />
      {' '}bias
    </label>
  );
  const padding = (value: Padding) => (
    <Choice label="padding" value={value} options={['valid', 'same'] as const} disabled={locked} onChange={(v) => onChange({ ...layer, padding: v } as LayerSpec)} />
  );
  const activation = (value: Activation) => (
    <Choice label="activation" value={value} options={ACTIVATIONS} disabled={locked} onChange={(v) => onChange({ ...layer, activation: v } as LayerSpec)} />
  );
  switch (layer.type) {
    case 'conv2d':
      return (
        <>
          {num('filters', 'filters', layer.filters, 56)} <span className="arg">filters</span> {num('kernelSize', 'kernel size', layer.kernelSize, 40)}
          <span className="arg">×{Number.isFinite(layer.kernelSize) ? layer.kernelSize : '?'} stride</span> {num('strides', 'stride', layer.strides, 40)}
          {padding(layer.padding)} {activation(layer.activation)} {bias(layer.useBias)}
        </>
      );
    case 'maxPool2d':
    case 'avgPool2d':
      return (
        <>
          {num('poolSize', 'pool size', layer.poolSize, 40)}
          <span className="arg">×{Number.isFinite(layer.poolSize) ? layer.poolSize : '?'} stride</span> {num('strides', 'stride', layer.strides, 40)} {padding(layer.padding)}
        </>
      );
    case 'dense':
      return (
        <>
          {num('units', 'units', layer.units, 64)} <span className="arg">units</span> {activation(layer.activation)} {bias(layer.useBias)}
        </>
      );
    case 'dropout':
    case 'spatialDropout2d':
    case 'gaussianDropout':
      return (
        <>
          <span className="arg">rate</span> {num('rate', 'rate', layer.rate, 52)}
        </>
      );
    case 'gaussianNoise':
      return (
        <>
          <span className="arg">stddev</span> {num('stddev', 'standard deviation', layer.stddev, 52)}
        </>
      );
    case 'activation':
      return activation(layer.activation);
    case 'rescaling':
      return (
        <>
          <span className="arg">scale</span> {num('scale', 'scale', layer.scale, 80)} <span className="arg">offset</span> {num('offset', 'offset', layer.offset, 52)}
        </>
      );
    case 'zeroPadding2d': {
      const [t, b, l, r] = layer.padding;
      if (t === b && b === l && l === r) {
        return (
          <>
            <span className="arg">padding</span> {num('padding', 'padding on every side', t, 40, (v) => ({ ...layer, padding: [v, v, v, v] }))}
          </>
        );
      }
      return <span className="arg">padding ((top {t}, bottom {b}), (left {l}, right {r}))</span>;
    }
    case 'reshape':
      return <ReshapeArgs layer={layer} locked={locked} onChange={onChange} />;
    case 'random':
      return <span className="arg" title="Keras's random augmentation layers act in training only; Convscope passes images through unchanged and does the same work with its own augmentation (Training settings)">training only · passes images through here</span>;
    default:
      return null;
  }
}

/** Sizes typed as "28, 28, 1" (or 28x28x1); undefined until they read as 1 to 3 whole numbers. */
function parseSizes(text: string): number[] | undefined {
  const sizes = text.split(/[\s,×x]+/).filter(Boolean).map(Number);
  return sizes.length >= 1 && sizes.length <= 3 && sizes.every((n) => Number.isInteger(n)) ? sizes : undefined;
}

/**
 * Reshape's target as text. What is typed stays as typed ("28, 28, " on the
 * way to three sizes); when the layer changes from elsewhere (Undo, an import),
 * the field shows the layer's sizes again.
 */
function ReshapeArgs({ layer, locked, onChange }: { layer: ReshapeLayer; locked: boolean; onChange(l: LayerSpec): void }) {
  const [typed, setTyped] = useState(layer.targetShape.join(', '));
  const target = layer.targetShape.join(', ');
  const meant = parseSizes(typed);
  // Half-typed text stays; text that means other sizes than the layer's was overtaken by a change from elsewhere.
  const text = meant === undefined || meant.join(', ') === target ? typed : target;
  return (
    <>
      <span className="arg">target shape</span>{' '}
      <input
        className="mini"
        aria-label="target shape"
        data-testid="layer-targetShape"
        aria-invalid={parseSizes(text) === undefined}
        value={text}
        size={10}
        disabled={locked}
        onChange={(e) => {
          setTyped(e.target.value);
          const next = parseSizes(e.target.value);
          if (next) onChange({ ...layer, targetShape: next });
        }}
      />
    </>
  );
}

/** The ⌊(H + 2P − K)/S⌋ + 1 rule of a conv or pooling layer, with its numbers; both axes when they differ. */
function SizeRule({ info }: { info: LayerInfo }) {
  const l = info.layer;
  if ((l.type !== 'conv2d' && l.type !== 'maxPool2d' && l.type !== 'avgPool2d') || !info.outputShape || info.inputShape.length !== 3) return null;
  const k = l.type === 'conv2d' ? l.kernelSize : l.poolSize;
  const [h, w] = info.inputShape;
  const rh = outputSizeRule(h, k, l.strides, l.padding);
  const rw = outputSizeRule(w, k, l.strides, l.padding);
  return (
    <div className="size-rule" data-testid="size-rule">
      {h === w ? `H, W: ${rh.text}` : `H: ${rh.text} · W: ${rw.text}`}
    </div>
  );
}

/** One layer of the editor: its arguments, output shape, parameters and any problem. */
export function LayerRow({ info, count, locked, onChange, onMove, onRemove }: Props) {
  const { layer, index, error } = info;
  const params = info.trainableParams + info.nonTrainableParams;
  return (
    <li className={`layer-row${error ? ' has-error' : ''}`} data-testid="layer-row" data-layer-type={layer.type}>
      <span className="layer-index">{index + 1}</span>
      <div className="layer-main">
        <div className="layer-line">
          <strong className="layer-type">{kerasClass(layer)}</strong>
          <LayerArgs layer={layer} locked={locked} onChange={onChange} />
        </div>
        <SizeRule info={info} />
        {error && <div className="field-error" data-testid="layer-error" role="alert">{error}</div>}
      </div>
      <span className="layer-shape" data-testid="layer-shape">{info.outputShape ? formatShape(info.outputShape) : '—'}</span>
      <span className="layer-params" data-testid="layer-params" title={info.nonTrainableParams ? `${formatCount(info.nonTrainableParams)} non-trainable` : undefined}>
        {formatCount(params)}
      </span>
      <span className="layer-actions">
        <button type="button" aria-label={`Move layer ${index + 1} up`} title="Move up" disabled={locked || index === 0} onClick={() => onMove(index - 1)}>↑</button>
        <button type="button" aria-label={`Move layer ${index + 1} down`} title="Move down" disabled={locked || index === count - 1} onClick={() => onMove(index + 1)}>↓</button>
        <button type="button" aria-label={`Remove layer ${index + 1}`} title="Remove" data-testid="remove-layer" disabled={locked} onClick={onRemove}>×</button>
      </span>
    </li>
  );
}
