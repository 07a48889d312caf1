import { useEffect, useId, useMemo, useRef, useState, type JSX, type PointerEvent } from 'react';
import { format, line, scaleLinear } from 'd3';
import { useTranslation } from 'react-i18next';
import {
  defaultXDomain,
  downsampleSeries,
  formatXValue,
  hasFiniteData,
  nearestFiniteIndex,
  niceYDomain,
  totalPoints,
} from './chartMath';
import { useElementSize } from './useElementSize';
import './charts.css';

/** One line on a {@link LineChart}. */
export interface ChartSeries {
  id: string; // stable key
  label: string; // legend text
  color: string; // CSS colour
  xs: ArrayLike<number>; // ascending x values (e.g. epochs, fractional for batches)
  ys: ArrayLike<number>; // same length as xs; NaN marks a gap
  /** 'faint': thin 35%-opacity line (raw per-batch values); 'markers': line plus a dot per point. */
  variant?: 'line' | 'faint' | 'markers';
}

/** A vertical dashed rule with a small label, e.g. "best epoch". */
export interface ChartMarker {
  x: number;
  label: string;
}

/** Props of {@link LineChart}. */
export interface LineChartProps {
  title: string;
  testId: string; // data-testid of the outer element
  xLabel: string;
  yLabel: string;
  /** Memoise this array in the caller: downsampling is keyed on its identity. */
  series: readonly ChartSeries[];
  /** Default: [0, max x across series], at least [0, 1]. */
  xDomain?: [number, number];
  /** Fixed domain (e.g. [0, 1] for accuracy); default: nice extent of finite data, from 0 if all >= 0. */
  yDomain?: [number, number];
  formatY?: (v: number) => string; // y ticks and hover values (e.g. percentages)
  markers?: readonly ChartMarker[];
  height?: number; // total SVG height in px (default 220)
  emptyText?: string; // shown centred when no series has a finite point
}

// Left margin fits tick labels such as "100%" or "0.025" at 11px.
const M = { top: 24, right: 16, bottom: 36, left: 44 };
// Used before the first measurement (and in non-DOM environments).
const FALLBACK_WIDTH = 460;
const VARIANT_ORDER = { faint: 0, line: 1, markers: 2 } as const;
const defaultFormatY = format('.4~g');

interface DrawnSeries {
  s: ChartSeries;
  d: string;
  dots: Array<[number, number]>;
}

/**
 * Responsive SVG line chart with axes, grid, legend, markers, an empty state and
 * a pointer/touch hover readout. Each series is LTTB-downsampled to ~2 points
 * per pixel for drawing; the hover readout uses the full arrays. The outer
 * element carries `data-points` = total points across series (full data).
 */
export function LineChart(props: LineChartProps): JSX.Element {
  const { title, testId, xLabel, yLabel, series, xDomain, yDomain, formatY, markers, height = 220 } = props;
  const { t: word } = useTranslation('train'); // `t` names the ticks below
  const emptyText = props.emptyText ?? word('lineChart.noData');

  const [wrapRef, size] = useElementSize<HTMLDivElement>();
  const [hoverPx, setHoverPx] = useState<number | null>(null);
  const [touchHover, setTouchHover] = useState(false);
  const overlayRef = useRef<SVGRectElement | null>(null);
  // useId output may contain characters that break url(#…) references.
  const clipId = `lc-clip-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;

  const width = size.width > 0 ? size.width : FALLBACK_WIDTH;
  const innerW = Math.max(10, width - M.left - M.right);
  const innerH = Math.max(10, height - M.top - M.bottom);
  const xTickCount = Math.max(2, Math.floor(innerW / 80));
  const yTickCount = Math.max(2, Math.round(innerH / 40));

  // Depend on the numbers, not the tuple objects, which callers often recreate.
  const [fx0, fx1] = xDomain ?? [NaN, NaN];
  const [fy0, fy1] = yDomain ?? [NaN, NaN];
  const [x0, x1] = useMemo(() => defaultXDomain(series, [fx0, fx1]), [series, fx0, fx1]);
  const [y0, y1] = useMemo(() => niceYDomain(series, [fy0, fy1], yTickCount), [series, fy0, fy1, yTickCount]);
  const xScale = useMemo(() => scaleLinear().domain([x0, x1]).range([0, innerW]), [x0, x1, innerW]);
  const yScale = useMemo(() => scaleLinear().domain([y0, y1]).range([innerH, 0]), [y0, y1, innerH]);

  const empty = useMemo(() => !hasFiniteData(series), [series]);
  const pointCount = useMemo(() => totalPoints(series), [series]);

  // Downsampling depends only on the data and the plot width, so domain changes
  // (e.g. a growing x axis) re-project without re-running LTTB.
  const threshold = Math.max(3, Math.round(innerW * 2));
  const sampled = useMemo(
    () =>
      [...series]
        .sort((a, b) => VARIANT_ORDER[a.variant ?? 'line'] - VARIANT_ORDER[b.variant ?? 'line'])
        .map((s) => ({ s, ...downsampleSeries(s.xs, s.ys, threshold) })),
    [series, threshold],
  );

  const drawn = useMemo<DrawnSeries[]>(
    () =>
      sampled.map(({ s, xs, ys }) => {
        const idx = Array.from({ length: xs.length }, (_, i) => i);
        const d =
          line<number>()
            .defined((i) => Number.isFinite(ys[i]))
            .x((i) => xScale(xs[i]))
            .y((i) => yScale(ys[i]))(idx) ?? '';
        // Dots for every point of a 'markers' series; otherwise only for points
        // with no finite neighbour, which a path alone would not show.
        const dots: Array<[number, number]> = [];
        for (let i = 0; i < xs.length; i++) {
          if (!Number.isFinite(ys[i])) continue;
          const isolated = !(Number.isFinite(ys[i - 1]) || Number.isFinite(ys[i + 1]));
          if (s.variant === 'markers' || isolated) dots.push([xScale(xs[i]), yScale(ys[i])]);
        }
        return { s, d, dots };
      }),
    [sampled, xScale, yScale],
  );

  const hover = useMemo(() => {
    if (hoverPx === null || empty) return null;
    const x = xScale.invert(hoverPx);
    const rows = series.flatMap((s) => {
      const i = nearestFiniteIndex(s.xs, s.ys, x);
      return i < 0 ? [] : [{ s, x: s.xs[i], y: s.ys[i] }];
    });
    return { px: hoverPx, x, rows };
  }, [hoverPx, empty, xScale, series]);

  // A touch readout stays after the finger lifts; a tap anywhere else dismisses it.
  const touchReadout = touchHover && hoverPx !== null;
  useEffect(() => {
    if (!touchReadout) return;
    const dismiss = (e: globalThis.PointerEvent) => {
      if (!(e.target instanceof Node && overlayRef.current?.contains(e.target))) setHoverPx(null);
    };
    document.addEventListener('pointerdown', dismiss);
    return () => document.removeEventListener('pointerdown', dismiss);
  }, [touchReadout]);

  const xTicks = xScale.ticks(xTickCount);
  const yTicks = yScale.ticks(yTickCount);
  const xTickFmt = xScale.tickFormat(xTickCount);
  const yTickFmt = formatY ?? yScale.tickFormat(yTickCount);
  const valueFmt = formatY ?? defaultFormatY;

  const track = (e: PointerEvent<SVGRectElement>) => {
    // The overlay rect spans exactly the plot area, so its box is the origin.
    const r = e.currentTarget.getBoundingClientRect();
    setHoverPx(Math.min(innerW, Math.max(0, e.clientX - r.left)));
    setTouchHover(e.pointerType === 'touch');
  };
  const clear = () => setHoverPx(null);
  const onLeave = (e: PointerEvent<SVGRectElement>) => {
    // A lifted finger also "leaves"; keep the readout so a tap can be read.
    if (e.pointerType !== 'touch') clear();
  };

  return (
    <div className="lc-chart" data-testid={testId} data-points={pointCount} ref={wrapRef}>
      <div className="lc-header">
        <h3 className="lc-title">{title}</h3>
        <ul className="lc-legend">
          {series.map((s) => (
            <li key={s.id} className="lc-legend-item">
              <span className={`lc-swatch lc-swatch-${s.variant ?? 'line'}`} style={{ color: s.color }} />
              {s.label}
            </li>
          ))}
        </ul>
      </div>
      <div className="lc-plot">
        <svg className="lc-svg" width={width} height={height} role="img" aria-label={title}>
          <defs>
            {/* A little slack so dots on the domain edge are not cut in half. */}
            <clipPath id={clipId}>
              <rect x={-4} y={-4} width={innerW + 8} height={innerH + 8} />
            </clipPath>
          </defs>
          <text className="lc-axis-label" x={4} y={M.top - 12}>
            {yLabel}
          </text>
          <g transform={`translate(${M.left},${M.top})`}>
            <g className="lc-grid">
              {yTicks.map((t) => (
                <line key={`gy${t}`} x1={0} x2={innerW} y1={yScale(t)} y2={yScale(t)} />
              ))}
              {xTicks.map((t) => (
                <line key={`gx${t}`} x1={xScale(t)} x2={xScale(t)} y1={0} y2={innerH} />
              ))}
            </g>
            <g className="lc-axis">
              <line x1={0} x2={innerW} y1={innerH} y2={innerH} />
              <line x1={0} x2={0} y1={0} y2={innerH} />
              {xTicks.map((t) => (
                <g key={`tx${t}`} transform={`translate(${xScale(t)},${innerH})`}>
                  <line y2={4} />
                  <text y={7} dy="0.71em" textAnchor="middle">
                    {xTickFmt(t)}
                  </text>
                </g>
              ))}
              {yTicks.map((t) => (
                <g key={`ty${t}`} transform={`translate(0,${yScale(t)})`}>
                  <line x2={-4} />
                  <text x={-6} dy="0.32em" textAnchor="end">
                    {yTickFmt(t)}
                  </text>
                </g>
              ))}
            </g>
            <text className="lc-axis-label" x={innerW / 2} y={innerH + 31} textAnchor="middle">
              {xLabel}
            </text>
            {(markers ?? []).map((m) => {
              const mx = xScale(m.x);
              if (!Number.isFinite(mx) || mx < 0 || mx > innerW) return null;
              // Flip the label to the left of the rule near the right edge.
              const flip = mx > innerW - 70;
              return (
                <g key={`mk${m.x}-${m.label}`} className="lc-marker">
                  <line x1={mx} x2={mx} y1={0} y2={innerH} />
                  <text x={flip ? mx - 4 : mx + 4} y={10} textAnchor={flip ? 'end' : 'start'}>
                    {m.label}
                  </text>
                </g>
              );
            })}
            <g clipPath={`url(#${clipId})`}>
              {drawn.map(({ s, d, dots }) => (
                <g key={s.id} className={`lc-series lc-series-${s.variant ?? 'line'}`} style={{ color: s.color }} data-series={s.id}>
                  <path d={d} />
                  {dots.map(([cx, cy], i) => (
                    <circle key={i} cx={cx} cy={cy} r={2.5} />
                  ))}
                </g>
              ))}
            </g>
            {empty && (
              <text className="lc-empty" x={innerW / 2} y={innerH / 2} textAnchor="middle" dy="0.32em">
                {emptyText}
              </text>
            )}
            {hover && (
              <g className="lc-hover">
                <line x1={hover.px} x2={hover.px} y1={0} y2={innerH} />
                {hover.rows.map(({ s, x, y }) => {
                  const cx = xScale(x);
                  const cy = yScale(y);
                  if (cx < 0 || cx > innerW || cy < 0 || cy > innerH) return null;
                  return <circle key={s.id} cx={cx} cy={cy} r={3.5} style={{ fill: s.color }} />;
                })}
              </g>
            )}
            <rect
              ref={overlayRef}
              className="lc-overlay"
              width={innerW}
              height={innerH}
              onPointerDown={track}
              onPointerMove={track}
              onPointerLeave={onLeave}
              onPointerCancel={clear}
            />
          </g>
        </svg>
        {hover && hover.rows.length > 0 && (
          <div
            className="lc-tooltip"
            // Anchor on the side with more room so the box never leaves the chart.
            style={
              hover.px > innerW / 2
                ? { right: width - (M.left + hover.px) + 10, top: M.top + 4 }
                : { left: M.left + hover.px + 10, top: M.top + 4 }
            }
          >
            <div className="lc-tooltip-x">
              {xLabel} {formatXValue(hover.x)}
            </div>
            {hover.rows.map(({ s, y }) => (
              <div key={s.id} className="lc-tooltip-row">
                <span className="lc-tooltip-dot" style={{ background: s.color }} />
                <span className="lc-tooltip-label">{s.label}</span>
                <span className="lc-tooltip-value">{valueFmt(y)}</span>
              </div>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
