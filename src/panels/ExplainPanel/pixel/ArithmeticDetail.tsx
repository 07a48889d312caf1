import { useMemo, useState, type JSX } from 'react';
import type { ConvArithmetic, PoolArithmetic } from '../../../explain/types';
import { formatValue } from '../shared/formatValue';
import { NumberGrid } from '../shared/NumberGrid';

const ACTIVATION_NAME: Record<ConvArithmetic['activation'], string> = {
  relu: 'ReLU', sigmoid: 'sigmoid', tanh: 'tanh', softmax: 'softmax over the filters', linear: 'linear (none)',
};

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
  const { a, channel, onChannel } = props;
  const k = a.window.size;
  const c = Math.min(channel, a.channels - 1);
  return (
    <div className="xp-detail">
      {k <= MAX_TABLE && (
        <div className="xp-products">
          <NumberGrid values={a.patch} size={k} channels={a.channels} channel={c} padded={a.padded} caption={`input, channel ${c + 1}`} />
          <span className="xp-op">×</span>
          <NumberGrid values={a.kernel} size={k} channels={a.channels} channel={c} caption="weights" />
          <span className="xp-op">=</span>
          <NumberGrid values={a.products} size={k} channels={a.channels} channel={c} padded={a.padded} caption={`products, Σ = ${formatValue(a.channelSums[c])}`} />
        </div>
      )}
      {a.channels > 1 && (
        <div className="xp-sums" role="group" aria-label="Sum of the products per input channel: click one to see its terms">
          <span className="hint">Σ per input channel:</span>
          {Array.from(a.channelSums, (s, i) => (
            <button key={i} className={i === c ? 'xp-chip xp-chip-on' : 'xp-chip'} onClick={() => onChannel(i)} aria-pressed={i === c}>
              {i + 1}: {formatValue(s)}
            </button>
          ))}
        </div>
      )}
      <ol className="xp-steps">
        <li>
          Σ of {a.products.length} products{a.channels > 1 ? ` over ${a.channels} channels` : ''} = <b>{formatValue(a.sum)}</b>
        </li>
        <li>
          + bias {formatValue(a.bias)} = <b>{formatValue(a.preActivation)}</b>
        </li>
        <li>
          {ACTIVATION_NAME[a.activation]} → <b>{formatValue(a.value)}</b>
        </li>
      </ol>
    </div>
  );
}

/** A pooling pixel: the window, the value chosen (max) or the mean of the cells inside the map. */
export function PoolDetail({ a }: { a: PoolArithmetic }): JSX.Element {
  return (
    <div className="xp-detail">
      <div className="xp-products">
        <NumberGrid values={a.patch} size={a.window.size} marked={a.chosen} caption="window" />
      </div>
      <ol className="xp-steps">
        <li>
          {a.op === 'max' ? (
            <>max of {a.count} values = <b>{formatValue(a.value)}</b></>
          ) : (
            <>mean of {a.count} values{a.count < a.patch.length ? ' (padding is not counted)' : ''} = <b>{formatValue(a.value)}</b></>
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
