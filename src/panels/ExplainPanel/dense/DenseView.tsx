import { useMemo, useState, type JSX } from 'react';
import { symmetricMax } from '../../../charts/colorScales';
import { HeatmapGrid } from '../../../charts/HeatmapGrid';
import type { Activation } from '../../../model/types';
import type { DenseExplanation, InputStrength } from '../../../protocol';
import { denseInputName } from './denseInputName';
import { formatValue } from '../shared/formatValue';
import { useDiverging } from '../shared/useColors';

/** One symmetric colour range for a whole grid, so that maps compare with each other. */
/** Sum per map of a channels-last [h, w, c] vector: what each map sends in all. */
function perMap(values: Float32Array, c: number): Float64Array {
  const sums = new Float64Array(c);
  for (let i = 0; i < values.length; i++) sums[i % c] += values[i];
  return sums;
}

function StrengthTable(props: { title: string; rows: InputStrength[]; shape: readonly [number, number, number] | null; withInput: boolean }): JSX.Element {
  const { title, rows, shape, withInput } = props;
  return (
    <div className="table-scroll xp-strength">
      <table className="xp-table">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">input</th>
            <th scope="col">weight</th>
            {withInput && <th scope="col">input × weight</th>}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={withInput ? 3 : 2} className="hint">none</td>
            </tr>
          )}
          {rows.map((r) => (
            <tr key={r.index}>
              <td>{denseInputName(r.index, shape)}</td>
              <td>{formatValue(r.weight)}</td>
              {withInput && <td>{formatValue(r.contribution)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * One Dense unit: its sum worked out, the inputs that push it up and down
 * most, and after Flatten its weights (and this input's contributions) laid
 * back onto the maps they read.
 */
export function DenseView(props: { e: DenseExplanation; activation: Activation; units: number; className: string | null }): JSX.Element {
  const { e, activation, units, className } = props;
  const [map, setMap] = useState<number | null>(null);
  const c = e.maps?.shape[2] ?? 1;
  const weightColor = useDiverging(e.weights);
  const contribColor = useDiverging(e.contributions);
  const sums = useMemo(() => ({ weights: perMap(e.weights, c), contributions: e.contributions && perMap(e.contributions, c) }), [e.weights, e.contributions, c]);
  const total = useMemo(() => (e.contributions ? e.contributions.reduce((a, b) => a + b, 0) : NaN), [e.contributions]);
  const withInput = e.contributions !== null;
  const shown = map !== null && map < c ? map : null;
  return (
    <div className="xp-view" data-testid="dense-unit" data-value={e.value}>
      <p className="xp-rule">
        Unit {e.unit + 1}{className !== null && <> — the score of class <b>“{className}”</b></>}: bias <b>{formatValue(e.bias)}</b>, {e.weights.length.toLocaleString('en')} weights.
      </p>
      {withInput ? (
        <ol className="xp-steps">
          <li>Σ input × weight over {e.weights.length.toLocaleString('en')} inputs = <b>{formatValue(total)}</b></li>
          <li>+ bias {formatValue(e.bias)} = <b>{formatValue(total + e.bias)}</b></li>
          <li>
            {activation === 'softmax' ? `softmax over the layer's ${units} units` : activation} → <b data-testid="dense-value">{formatValue(e.value)}</b>
            {activation === 'softmax' && className !== null && ` (the probability of “${className}”)`}
          </li>
        </ol>
      ) : (
        <p className="hint">No input: draw something or pick a test image to see what flows into this unit. Without one, the lists rank the weights themselves.</p>
      )}
      <div className="xp-lists">
        <StrengthTable title={withInput ? 'Strongest positive inputs' : 'Largest positive weights'} rows={e.positive} shape={e.maps?.shape ?? null} withInput={withInput} />
        <StrengthTable title={withInput ? 'Strongest negative inputs' : 'Largest negative weights'} rows={e.negative} shape={e.maps?.shape ?? null} withInput={withInput} />
      </div>
      {e.maps && (
        <section className="xp-trained">
          <h4>
            Weights read from the last conv block's maps <small>layer {e.maps.layer + 1}'s output, {e.maps.shape.join(' × ')}, flattened</small>
          </h4>
          <div className="xp-maps">
            <figure className="xp-wide">
              <HeatmapGrid values={e.weights} height={e.maps.shape[0]} width={e.maps.shape[1]} channels={c} color={weightColor} size={40} label={`The unit's weights on each of ${c} maps: click one for its sums`} onPick={setMap} testId="dense-weight-maps" />
              <figcaption>Its weights, one picture per map, ±{formatValue(symmetricMax(e.weights))}: red pixels raise the unit where the map is active, blue ones lower it.</figcaption>
            </figure>
            {e.contributions && (
              <figure className="xp-wide">
                <HeatmapGrid values={e.contributions} height={e.maps.shape[0]} width={e.maps.shape[1]} channels={c} color={contribColor} size={40} label={`This input's contributions on each of ${c} maps: click one for its sums`} onPick={setMap} />
                <figcaption>This input's contributions (map value × weight), ±{formatValue(symmetricMax(e.contributions))}.</figcaption>
              </figure>
            )}
          </div>
          <p className="hint">
            {shown === null
              ? 'Click a map for its totals.'
              : `Map ${shown + 1}: weights sum to ${formatValue(sums.weights[shown])}${sums.contributions ? `; it contributes ${formatValue(sums.contributions[shown])} to the unit on this input` : ''}.`}
          </p>
        </section>
      )}
    </div>
  );
}
