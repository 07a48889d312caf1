import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { wordMessage } from '../../i18n/i18n';
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
  const { t } = useTranslation('editor');
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
    <label className="arg" title={t('layer.biasTitle')}>
      <input type="checkbox" data-testid="layer-use-bias" checked={value !== false} disabled={locked} onChange={(e) => onChange({ ...layer, useBias: e.target.checked ? undefined : false } as LayerSpec)} />
      {' '}{t('layer.bias')}
    </label>
  );
  const padding = (value: Padding) => (
    <Choice label={t('layer.label.padding')} value={value} options={['valid', 'same'] as const} disabled={locked} onChange={(v) => onChange({ ...layer, padding: v } as LayerSpec)} />
  );
  const activation = (value: Activation) => (
    <Choice label={t('layer.label.activation')} value={value} options={ACTIVATIONS} disabled={locked} onChange={(v) => onChange({ ...layer, activation: v } as LayerSpec)} />
  );
  switch (layer.type) {
    case 'conv2d':
      return (
        <>
          {num('filters', t('layer.label.filters'), layer.filters, 56)} <span className="arg">{t('layer.filters')}</span> {num('kernelSize', t('layer.label.kernelSize'), layer.kernelSize, 40)}
          <span className="arg">{t('layer.timesStride', { size: Number.isFinite(layer.kernelSize) ? layer.kernelSize : '?' })}</span> {num('strides', t('layer.label.stride'), layer.strides, 40)}
          {padding(layer.padding)} {activation(layer.activation)} {bias(layer.useBias)}
        </>
      );
    case 'maxPool2d':
    case 'avgPool2d':
      return (
        <>
          {num('poolSize', t('layer.label.poolSize'), layer.poolSize, 40)}
          <span className="arg">{t('layer.timesStride', { size: Number.isFinite(layer.poolSize) ? layer.poolSize : '?' })}</span> {num('strides', t('layer.label.stride'), layer.strides, 40)} {padding(layer.padding)}
        </>
      );
    case 'dense':
      return (
        <>
          {num('units', t('layer.label.units'), layer.units, 64)} <span className="arg">{t('layer.units')}</span> {activation(layer.activation)} {bias(layer.useBias)}
        </>
      );
    case 'dropout':
    case 'spatialDropout2d':
    case 'gaussianDropout':
      return (
        <>
          <span className="arg">{t('layer.rate')}</span> {num('rate', t('layer.label.rate'), layer.rate, 52)}
        </>
      );
    case 'gaussianNoise':
      return (
        <>
          <span className="arg">{t('layer.stddev')}</span> {num('stddev', t('layer.label.stddev'), layer.stddev, 52)}
        </>
      );
    case 'activation':
      return activation(layer.activation);
    case 'rescaling':
      return (
        <>
          <span className="arg">{t('layer.scale')}</span> {num('scale', t('layer.label.scale'), layer.scale, 80)} <span className="arg">{t('layer.offset')}</span> {num('offset', t('layer.label.offset'), layer.offset, 52)}
        </>
      );
    case 'zeroPadding2d': {
      const [top, bottom, left, right] = layer.padding;
      if (top === bottom && bottom === left && left === right) {
        return (
          <>
            <span className="arg">{t('layer.padding')}</span> {num('padding', t('layer.label.paddingEverySide'), top, 40, (v) => ({ ...layer, padding: [v, v, v, v] }))}
          </>
        );
      }
      return <span className="arg">{t('layer.paddingSides', { top, bottom, left, right })}</span>;
    }
    case 'reshape':
      return <ReshapeArgs layer={layer} locked={locked} onChange={onChange} />;
    case 'random':
      return <span className="arg" title={t('layer.randomTitle')}>{t('layer.random')}</span>;
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
  const { t } = useTranslation('editor');
  const [typed, setTyped] = useState(layer.targetShape.join(', '));
  const target = layer.targetShape.join(', ');
  const meant = parseSizes(typed);
  // Half-typed text stays; text that means other sizes than the layer's was overtaken by a change from elsewhere.
  const text = meant === undefined || meant.join(', ') === target ? typed : target;
  return (
    <>
      <span className="arg">{t('layer.targetShape')}</span>{' '}
      <input
        className="mini"
        aria-label={t('layer.label.targetShape')}
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
  const { t } = useTranslation('editor');
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
        {error && <div className="field-error" data-testid="layer-error" role="alert">{wordMessage(error, t)}</div>}
      </div>
      <span className="layer-shape" data-testid="layer-shape">{info.outputShape ? formatShape(info.outputShape) : '—'}</span>
      <span className="layer-params" data-testid="layer-params" title={info.nonTrainableParams ? t('layer.nonTrainable', { params: formatCount(info.nonTrainableParams) }) : undefined}>
        {formatCount(params)}
      </span>
      <span className="layer-actions">
        <button type="button" aria-label={t('layer.moveUpLabel', { n: index + 1 })} title={t('layer.moveUp')} disabled={locked || index === 0} onClick={() => onMove(index - 1)}>↑</button>
        <button type="button" aria-label={t('layer.moveDownLabel', { n: index + 1 })} title={t('layer.moveDown')} disabled={locked || index === count - 1} onClick={() => onMove(index + 1)}>↓</button>
        <button type="button" aria-label={t('layer.removeLabel', { n: index + 1 })} title={t('layer.remove')} data-testid="remove-layer" disabled={locked} onClick={onRemove}>×</button>
      </span>
    </li>
  );
}
