import { useMemo, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConvArithmetic, PoolArithmetic } from '../../../explain/types';
import { formatValue } from '../shared/formatValue';
import { NumberGrid } from '../shared/NumberGrid';

/** Windows larger than this are shown as sums per channel only (an 11×11 table of numbers helps nobody). */
const MAX_TABLE = 7;

/** The channel whose products add up to the most, by magnitude: the one worth reading first. */
function strongestChannel(sums: Float32Array): number {
  let best = 0;
  for (let c = 1; c < sums.length; c++) if (Math.abs(sums[c]) > Math.abs(sums[best])) best = c;
  return best;
}

/**
 * A conv pixel term by term: for one input channel the window, the weights and
 * their products; every channel's sum; then sum, bias and activation.
 */
export function ConvDetail(props: { a: ConvArithmetic; channel: number; onChannel: (c: number) => void }): JSX.Element {
  const { t } = useTranslation('explain');
  const { a, channel, onChannel } = props;
  const k = a.window.size;
  const c = Math.min(channel, a.channels - 1);
  return (
    <div className="xp-detail">
      {k <= MAX_TABLE && (
        <div className="xp-products">
          <NumberGrid values={a.patch} size={k} channels={a.channels} channel={c} padded={a.padded} caption={t('pixel.inputChannel', { channel: c + 1 })} />
          <span className="xp-op">×</span>
          <NumberGrid values={a.kernel} size={k} channels={a.channels} channel={c} caption={t('steps.weights')} />
          <span className="xp-op">=</span>
          <NumberGrid values={a.products} size={k} channels={a.channels} channel={c} padded={a.padded} caption={t('pixel.products', { sum: formatValue(a.channelSums[c]) })} />
        </div>
      )}
      {a.channels > 1 && (
        <div className="xp-sums" role="group" aria-label={t('pixel.sumsLabel')}>
          <span className="hint">{t('pixel.sumsHint')}</span>
          {Array.from(a.channelSums, (s, i) => (
            <button key={i} className={i === c ? 'xp-chip xp-chip-on' : 'xp-chip'} onClick={() => onChannel(i)} aria-pressed={i === c}>
              {i + 1}: {formatValue(s)}
            </button>
          ))}
        </div>
      )}
      <ol className="xp-steps">
        <li>
          {a.channels > 1 ? t('pixel.sumOfOver', { products: a.products.length, channels: a.channels }) : t('pixel.sumOf', { products: a.products.length })} = <b>{formatValue(a.sum)}</b>
        </li>
        <li>
          {t('steps.bias', { bias: formatValue(a.bias) })} = <b>{formatValue(a.preActivation)}</b>
        </li>
        <li>
          {t(`pixel.activation.${a.activation}`)} → <b>{formatValue(a.value)}</b>
        </li>
      </ol>
    </div>
  );
}

/** A pooling pixel: the window, the value chosen (max) or the mean of the cells inside the map. */
export function PoolDetail({ a }: { a: PoolArithmetic }): JSX.Element {
  const { t } = useTranslation('explain');
  return (
    <div className="xp-detail">
      <div className="xp-products">
        <NumberGrid values={a.patch} size={a.window.size} marked={a.chosen} caption={t('pixel.window')} />
      </div>
      <ol className="xp-steps">
        <li>
          {a.op === 'max' ? (
            <>{t('pixel.maxOf', { values: a.count })} = <b>{formatValue(a.value)}</b></>
          ) : (
            <>{a.count < a.patch.length ? t('pixel.meanOfPadded', { values: a.count }) : t('pixel.meanOf', { values: a.count })} = <b>{formatValue(a.value)}</b></>
          )}
        </li>
      </ol>
    </div>
  );
}

/** The input channel to detail: picked by the user, else the strongest one of the answer. */
export function useDetailChannel(a: ConvArithmetic | PoolArithmetic | null): [number, (c: number) => void] {
  const [picked, setPicked] = useState<number | null>(null);
  const strongest = useMemo(() => (a?.op === 'conv' ? strongestChannel(a.channelSums) : 0), [a]);
  return [picked ?? strongest, setPicked];
}
