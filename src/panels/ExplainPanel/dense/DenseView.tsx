import { useMemo, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../i18n/formatLocale';
import { symmetricMax } from '../../../charts/colorScales';
import { HeatmapGrid } from '../../../charts/HeatmapGrid';
import type { Activation } from '../../../model/types';
import type { DenseExplanation, InputStrength } from '../../../protocol';
import { denseInputName } from './denseInputName';
import { formatValue } from '../shared/formatValue';
import { richText } from '../shared/richText';
import { useDiverging } from '../shared/useColors';

/** One symmetric colour range for a whole grid, so that maps compare with each other. */
/** Sum per map of a channels-last [h, w, c] vector: what each map sends in all. */
function perMap(values: Float32Array, c: number): Float64Array {
  const sums = new Float64Array(c);
  for (let i = 0; i < values.length; i++) sums[i % c] += values[i];
  return sums;
}

function StrengthTable(props: { title: string; rows: InputStrength[]; shape: readonly [number, number, number] | null; withInput: boolean }): JSX.Element {
  const { t } = useTranslation('explain');
  const { title, rows, shape, withInput } = props;
  return (
    <div className="table-scroll xp-strength">
      <table className="xp-table">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dense.input')}</th>
            <th scope="col">{t('dense.weight')}</th>
            {withInput && <th scope="col">{t('dense.inputTimesWeight')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={withInput ? 3 : 2} className="hint">{t('dense.none')}</td>
            </tr>
          )}
          {rows.map((r) => (
            <tr key={r.index}>
              <td>{denseInputName(r.index, shape, t)}</td>
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
  const { t } = useTranslation('explain');
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
        {richText(
          (m) =>
            className !== null
              ? t('dense.ruleClass', { unit: e.unit + 1, className: m(0), bias: m(1), weights: formatNumber(e.weights.length) })
              : t('dense.rule', { unit: e.unit + 1, bias: m(1), weights: formatNumber(e.weights.length) }),
          [<b key="c">“{className}”</b>, <b key="b">{formatValue(e.bias)}</b>],
        )}
      </p>
      {withInput ? (
        <ol className="xp-steps">
          <li>{t('dense.sum', { inputs: formatNumber(e.weights.length) })} = <b>{formatValue(total)}</b></li>
          <li>{t('steps.bias', { bias: formatValue(e.bias) })} = <b>{formatValue(total + e.bias)}</b></li>
          <li>
            {activation === 'softmax' ? t('dense.softmax', { units }) : activation} → <b data-testid="dense-value">{formatValue(e.value)}</b>
            {activation === 'softmax' && className !== null && t('dense.probability', { className })}
          </li>
        </ol>
      ) : (
        <p className="hint">{t('dense.noInput')}</p>
      )}
      <div className="xp-lists">
        <StrengthTable title={withInput ? t('dense.strongestPositive') : t('dense.largestPositive')} rows={e.positive} shape={e.maps?.shape ?? null} withInput={withInput} />
        <StrengthTable title={withInput ? t('dense.strongestNegative') : t('dense.largestNegative')} rows={e.negative} shape={e.maps?.shape ?? null} withInput={withInput} />
      </div>
      {e.maps && (
        <section className="xp-trained">
          <h4>
            {t('dense.mapsHeading')} <small>{t('dense.mapsSub', { layer: e.maps.layer + 1, shape: e.maps.shape.join(' × ') })}</small>
          </h4>
          <div className="xp-maps">
            <figure className="xp-wide">
              <HeatmapGrid values={e.weights} height={e.maps.shape[0]} width={e.maps.shape[1]} channels={c} color={weightColor} size={40} label={t('dense.weightsLabel', { maps: c })} onPick={setMap} testId="dense-weight-maps" />
              <figcaption>{t('dense.weightsCaption', { max: formatValue(symmetricMax(e.weights)) })}</figcaption>
            </figure>
            {e.contributions && (
              <figure className="xp-wide">
                <HeatmapGrid values={e.contributions} height={e.maps.shape[0]} width={e.maps.shape[1]} channels={c} color={contribColor} size={40} label={t('dense.contribLabel', { maps: c })} onPick={setMap} />
                <figcaption>{t('dense.contribCaption', { max: formatValue(symmetricMax(e.contributions)) })}</figcaption>
              </figure>
            )}
          </div>
          <p className="hint">
            {shown === null
              ? t('dense.clickMap')
              : sums.contributions
                ? t('dense.mapTotalsContrib', { map: shown + 1, sum: formatValue(sums.weights[shown]), contribution: formatValue(sums.contributions[shown]) })
                : t('dense.mapTotals', { map: shown + 1, sum: formatValue(sums.weights[shown]) })}
          </p>
        </section>
      )}
    </div>
  );
}
