import { useMemo, type JSX } from 'react';
import { area, curveMonotoneX, format, interpolateBlues, line, scaleLinear } from 'd3';
import { useTranslation } from 'react-i18next';
import { evenlySpacedIndices, histogramQuantiles, TENSORBOARD_QUANTILES } from './histogramQuantiles';
import { useElementSize } from './useElementSize';
import './heatmap.css';

/** One snapshot of a layer's weights: an equal-width histogram over [x0, x1]. */
export interface WeightHistogramStep {
  step: number; // e.g. epoch, fractional for mid-epoch snapshots
  x0: number;
  x1: number;
  counts: ArrayLike<number>;
}

/** Props of {@link WeightHistogram}. */
export interface WeightHistogramProps {
  title: string;
  /** Snapshots in any order; memoise the array (all geometry is keyed on it). */
  steps: readonly WeightHistogramStep[];
  /** 'ridgeline' (default): stacked histograms; 'distribution': percentile bands over steps. */
  mode?: 'ridgeline' | 'distribution';
  height?: number; // SVG height in px (default 200)
  testId?: string;
  /** Axis label for `step` (default 'epoch', in the page's language). */
  stepLabel?: string;
}

const M = { top: 14, right: 46, bottom: 34, left: 46 };
const FALLBACK_WIDTH = 460;
const MAX_RIDGES = 40; // more curves than this turn into a smear
const fmtStep = format('.3~f');
const fmtValue = format('.3~g');
// Nested percentile bands, outermost first: [0,100], [7,93], [16,84], [31,69] %.
const BANDS = [0, 1, 2, 3] as const;
const bandColor = (k: number) => interpolateBlues(0.25 + 0.17 * k);

interface Ridge {
  step: number;
  d: string;
  color: string;
  baseline: number;
}

function validSteps(steps: readonly WeightHistogramStep[]): WeightHistogramStep[] {
  return steps
    .filter((s) => Number.isFinite(s.step) && Number.isFinite(s.x0) && Number.isFinite(s.x1) && s.x1 > s.x0 && s.counts.length > 0)
    .sort((a, b) => a.step - b.step);
}

/**
 * TensorBoard-style view of one layer's weight distribution over training.
 * 'ridgeline' stacks each snapshot's histogram as an offset area curve (oldest
 * at the back and top, newest in front at the bottom and darkest) on a shared
 * value axis, with the step on the right. 'distribution' plots, against the
 * step, nested bands between the 0/7/16/31–69/84/93/100 % percentiles read
 * back from the histograms, plus the median line. Fills its container's width.
 */
export function WeightHistogram(props: WeightHistogramProps): JSX.Element {
  const { t: word } = useTranslation('inspect'); // `t` names the ticks below
  const { title, steps, mode = 'ridgeline', height = 200, testId, stepLabel = word('charts.epoch') } = props;
  const [wrapRef, size] = useElementSize<HTMLDivElement>();
  const width = size.width > 0 ? size.width : FALLBACK_WIDTH;
  const innerW = Math.max(10, width - M.left - M.right);
  const innerH = Math.max(10, height - M.top - M.bottom);
  const xTickCount = Math.max(2, Math.floor(innerW / 70));

  const sorted = useMemo(() => validSteps(steps), [steps]);

  const ridgeline = useMemo(() => {
    if (mode !== 'ridgeline' || sorted.length === 0) return null;
    const shown = evenlySpacedIndices(sorted.length, MAX_RIDGES).map((i) => sorted[i]);
    let lo = Infinity;
    let hi = -Infinity;
    let peak = 0; // largest density (count per unit value), comparable across bin widths
    for (const s of shown) {
      lo = Math.min(lo, s.x0);
      hi = Math.max(hi, s.x1);
      const bw = (s.x1 - s.x0) / s.counts.length;
      for (let i = 0; i < s.counts.length; i++) peak = Math.max(peak, s.counts[i] / bw);
    }
    const xScale = scaleLinear().domain([lo, hi]).range([0, innerW]).nice(xTickCount);
    const n = shown.length;
    const amp = n > 1 ? innerH * 0.45 : innerH * 0.9; // height of the tallest peak
    const first = shown[0].step;
    const span = shown[n - 1].step - first;
    const stepScale = scaleLinear()
      .domain(span > 0 ? [first, first + span] : [first - 0.5, first + 0.5])
      .range(n > 1 ? [innerH - amp, innerH] : [innerH, innerH]);
    const ridges: Ridge[] = shown.map((s, k) => {
      const baseline = span > 0 ? stepScale(s.step) : innerH - amp + (n > 1 ? (amp * k) / (n - 1) : amp);
      const bw = (s.x1 - s.x0) / s.counts.length;
      const pts: Array<[number, number]> = [[s.x0, 0]];
      for (let i = 0; i < s.counts.length; i++) pts.push([s.x0 + (i + 0.5) * bw, s.counts[i] / bw]);
      pts.push([s.x1, 0]);
      const d =
        area<[number, number]>()
          .curve(curveMonotoneX)
          .x((p) => xScale(p[0]))
          .y0(baseline)
          .y1((p) => baseline - (peak > 0 ? (p[1] / peak) * amp : 0))(pts) ?? '';
      const t = n > 1 ? k / (n - 1) : 1;
      return { step: s.step, d, color: interpolateBlues(0.3 + 0.65 * t), baseline };
    });
    const stepTicks = span > 0 ? stepScale.ticks(Math.max(2, Math.round(amp / 24))) : [first];
    const stepPos = (v: number) => (span > 0 ? stepScale(v) : innerH);
    return { xScale, ridges, stepTicks, stepPos, stepAxisTop: n > 1 ? innerH - amp : innerH };
  }, [mode, sorted, innerW, innerH, xTickCount]);

  const distribution = useMemo(() => {
    if (mode !== 'distribution' || sorted.length === 0) return null;
    const qs = sorted.map((s) => histogramQuantiles(s, TENSORBOARD_QUANTILES));
    let lo = Infinity;
    let hi = -Infinity;
    for (const q of qs) {
      if (Number.isFinite(q[0])) lo = Math.min(lo, q[0]);
      if (Number.isFinite(q[8])) hi = Math.max(hi, q[8]);
    }
    if (!(lo < hi)) [lo, hi] = lo === hi ? [lo - 0.5, hi + 0.5] : [0, 1];
    const first = sorted[0].step;
    const last = sorted[sorted.length - 1].step;
    const xScale = scaleLinear()
      .domain(last > first ? [first, last] : [first - 0.5, first + 0.5])
      .range([0, innerW]);
    const yTickCount = Math.max(2, Math.round(innerH / 36));
    const yScale = scaleLinear().domain([lo, hi]).range([innerH, 0]).nice(yTickCount);
    const yTicks = yScale.ticks(yTickCount);
    // A lone snapshot gets a short horizontal span so its bands are visible.
    const pts: Array<{ px: number; q: number[] }> =
      sorted.length === 1
        ? [-4, 4].map((dx) => ({ px: xScale(first) + dx, q: qs[0] }))
        : sorted.map((s, i) => ({ px: xScale(s.step), q: qs[i] }));
    const ok = (p: { q: number[] }) => Number.isFinite(p.q[0]) && Number.isFinite(p.q[8]);
    const bands = BANDS.map((k) => ({
      k,
      d:
        area<{ px: number; q: number[] }>()
          .defined(ok)
          .x((p) => p.px)
          .y0((p) => yScale(p.q[k]))
          .y1((p) => yScale(p.q[8 - k]))(pts) ?? '',
    }));
    const median =
      line<{ px: number; q: number[] }>()
        .defined(ok)
        .x((p) => p.px)
        .y((p) => yScale(p.q[4]))(pts) ?? '';
    return { xScale, yScale, yTicks, bands, median };
  }, [mode, sorted, innerW, innerH]);

  const xScale = ridgeline?.xScale ?? distribution?.xScale ?? null;
  const xTicks = xScale ? xScale.ticks(xTickCount) : [];
  const xFmt = xScale ? xScale.tickFormat(xTickCount) : fmtValue;
  const xAxisLabel = mode === 'ridgeline' ? word('charts.weightValue') : stepLabel;

  return (
    <div className="hm-wh" data-testid={testId} data-mode={mode} data-steps={sorted.length} ref={wrapRef}>
      <h3 className="hm-wh-title">{title}</h3>
      <svg className="hm-wh-svg" width={width} height={height} role="img" aria-label={word('charts.histogramLabel', { title, mode: word(`charts.histogramMode.${mode}`) })}>
        <g transform={`translate(${M.left},${M.top})`}>
          {ridgeline && (
            <g className="hm-wh-ridges">
              {ridgeline.ridges.map((r, i) => (
                // Two snapshots can share a step (e.g. an epoch end and the run's end): key by position.
                <path key={i} d={r.d} style={{ fill: r.color }}>
                  <title>{`${stepLabel} ${fmtStep(r.step)}`}</title>
                </path>
              ))}
            </g>
          )}
          {distribution && (
            <>
              <g className="hm-wh-grid">
                {distribution.yTicks.map((t) => (
                  <line key={t} x1={0} x2={innerW} y1={distribution.yScale(t)} y2={distribution.yScale(t)} />
                ))}
              </g>
              <g className="hm-wh-bands">
                {distribution.bands.map((b) => (
                  <path key={b.k} d={b.d} style={{ fill: bandColor(b.k) }} />
                ))}
                <path className="hm-wh-median" d={distribution.median} />
              </g>
            </>
          )}
          <g className="hm-wh-axis">
            <line x1={0} x2={innerW} y1={innerH} y2={innerH} />
            {xScale &&
              xTicks.map((t) => (
                <g key={`x${t}`} transform={`translate(${xScale(t)},${innerH})`}>
                  <line y2={4} />
                  <text y={7} dy="0.71em" textAnchor="middle">
                    {xFmt(t)}
                  </text>
                </g>
              ))}
            {ridgeline &&
              ridgeline.stepTicks.map((t) => (
                <g key={`s${t}`} transform={`translate(${innerW},${ridgeline.stepPos(t)})`}>
                  <line x2={4} />
                  <text x={6} dy="0.32em">
                    {fmtStep(t)}
                  </text>
                </g>
              ))}
            {distribution && (
              <>
                <line x1={0} x2={0} y1={0} y2={innerH} />
                {distribution.yTicks.map((t) => (
                  <g key={`y${t}`} transform={`translate(0,${distribution.yScale(t)})`}>
                    <line x2={-4} />
                    <text x={-6} dy="0.32em" textAnchor="end">
                      {fmtValue(t)}
                    </text>
                  </g>
                ))}
              </>
            )}
          </g>
          <text className="hm-wh-axis-label" x={innerW / 2} y={innerH + 30} textAnchor="middle">
            {xAxisLabel}
          </text>
          {ridgeline && (
            <text className="hm-wh-axis-label" x={innerW + 6} y={ridgeline.stepAxisTop - 10}>
              {stepLabel}
            </text>
          )}
          {sorted.length === 0 && (
            <text className="hm-wh-empty" x={innerW / 2} y={innerH / 2} textAnchor="middle" dy="0.32em">
              {word('charts.noData')}
            </text>
          )}
        </g>
      </svg>
    </div>
  );
}
