import { useId, useMemo, type JSX } from 'react';
import { format, rgb } from 'd3';
import { useTranslation } from 'react-i18next';
import { divergingColor, sequentialColor } from './colorScales';
import './heatmap.css';

/** Props of {@link ColorLegend}. */
export interface ColorLegendProps {
  /** 'diverging': zero-centred blue–white–red; 'sequential': black → white. */
  kind: 'diverging' | 'sequential';
  min: number;
  max: number;
  label: string;
  width?: number; // total SVG width in px (default 140)
}

const STOPS = 16;
const BAR_Y = 15;
const BAR_H = 9;
const HEIGHT = BAR_Y + BAR_H + 15;
const PAD = 16; // room for the end labels to centre on the bar ends
const fmt = format('.2~g');

/**
 * A horizontal gradient bar for the colour scales of `colorScales.ts`, with a
 * label and three ticks: min, middle (0 for 'diverging' when it lies inside
 * [min, max]) and max. The diverging bar is zero-centred like
 * `divergingColor(v, max(|min|, |max|))`.
 */
export function ColorLegend(props: ColorLegendProps): JSX.Element {
  const { kind, label, width = 140 } = props;
  const { t: word } = useTranslation('inspect'); // `t` names the ticks below
  const gradId = `hm-grad-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const ok = Number.isFinite(props.min) && Number.isFinite(props.max);
  const min = ok ? Math.min(props.min, props.max) : 0;
  const max = ok ? Math.max(props.min, props.max) : 1;

  const stops = useMemo(() => {
    const maxAbs = Math.max(Math.abs(min), Math.abs(max));
    return Array.from({ length: STOPS }, (_, i) => {
      const t = i / (STOPS - 1);
      const v = min + t * (max - min);
      const [r, g, b] = kind === 'diverging' ? divergingColor(v, maxAbs) : sequentialColor(v, min, max);
      return { offset: t, color: rgb(r, g, b).formatHex() };
    });
  }, [kind, min, max]);

  const barW = Math.max(20, width - 2 * PAD);
  const mid = kind === 'diverging' && min < 0 && max > 0 ? 0 : (min + max) / 2;
  const pos = (v: number) => PAD + (max > min ? ((v - min) / (max - min)) * barW : barW / 2);
  const ticks = max > min ? [min, mid, max] : [min];

  return (
    <svg className="hm-legend" width={width} height={HEIGHT} role="img" aria-label={word('charts.legendRange', { label, min: fmt(min), max: fmt(max) })}>
      <defs>
        <linearGradient id={gradId} x1="0" x2="1" y1="0" y2="0">
          {stops.map((s) => (
            <stop key={s.offset} offset={s.offset} stopColor={s.color} />
          ))}
        </linearGradient>
      </defs>
      <text className="hm-legend-label" x={PAD} y={BAR_Y - 4}>
        {label}
      </text>
      <rect className="hm-legend-bar" x={PAD} y={BAR_Y} width={barW} height={BAR_H} fill={`url(#${gradId})`} />
      {ticks.map((t, i) => (
        <g key={i} className="hm-legend-tick" transform={`translate(${pos(t)},${BAR_Y + BAR_H})`}>
          <line y2={3} />
          <text y={5} dy="0.71em" textAnchor="middle">
            {fmt(t)}
          </text>
        </g>
      ))}
    </svg>
  );
}
