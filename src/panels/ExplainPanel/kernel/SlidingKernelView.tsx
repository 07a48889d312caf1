import { useMemo, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { sequentialColor } from '../../../charts/colorScales';
import { MapView, type MapMark } from '../../../charts/MapView';
import { extent } from '../../../explain/channelOf';
import type { Box } from '../../../explain/types';
import { windowPlace } from '../../../explain/windowPlace';
import { outputSizeRule } from '../../../model/outputSizeRule';
import type { Padding } from '../../../model/types';
import { formatValue } from '../shared/formatValue';
import { richText } from '../shared/richText';
import { useGreys } from '../shared/useColors';
import { useStepper } from './useStepper';

/** A conv or pooling layer's geometry: what the window slides over and how. */
export interface SlideGeometry {
  inHeight: number;
  inWidth: number;
  outHeight: number;
  outWidth: number;
  size: number;
  stride: number;
  padding: Padding;
  /** 'conv' multiplies by a kernel; pooling takes the max or the mean. */
  op: 'conv' | 'max' | 'avg';
  channels: number;
}

const SPEEDS = [1, 4, 16, 64, 256] as const;
const MAP_PX = 230;
const UNSEEN: [number, number, number] = [243, 244, 246];

const boxOf = (top: number, left: number, size: number): Box => ({ top, left, bottom: top + size - 1, right: left + size - 1 });

/**
 * The window sliding over the layer's input (padding hatched, the previous
 * position dashed so that the stride shows), filling the output map one
 * pixel per position, with the output-size rule in the layer's numbers.
 * `source` and `output` are one channel each; without them (a network for
 * study only) the geometry plays alone.
 */
export function SlidingKernelView(props: { g: SlideGeometry; source: Float32Array | null; output: Float32Array | null; sourceLabel: string }): JSX.Element {
  const { t } = useTranslation('explain');
  const { g, source, output, sourceLabel } = props;
  const count = g.outHeight * g.outWidth;
  const [speed, setSpeed] = useState<number>(16);
  const { step, playing, play, pause, go } = useStepper(count, speed);
  const y = Math.floor(step / g.outWidth);
  const x = step % g.outWidth;
  const place = windowPlace(g.inHeight, g.inWidth, g.size, g.stride, g.padding, y, x);
  // The last place along the row, or at a row's start the place a row up: the stride shows both ways.
  const prev = x > 0 ? windowPlace(g.inHeight, g.inWidth, g.size, g.stride, g.padding, y, x - 1) : y > 0 ? windowPlace(g.inHeight, g.inWidth, g.size, g.stride, g.padding, y - 1, 0) : null;
  const sourceValues = useMemo(() => source ?? new Float32Array(g.inHeight * g.inWidth), [source, g.inHeight, g.inWidth]);
  const sourceColor = useGreys(source);
  const [lo, hi] = useMemo(() => (output ? extent(output) : [0, 1]), [output]);
  // Cells the window has not reached yet stay blank; the map fills as it slides.
  const shown = useMemo(() => {
    const out = new Float32Array(count).fill(NaN);
    for (let i = 0; i <= step; i++) out[i] = output ? output[i] : 1;
    return out;
  }, [output, step, count]);
  const outColor = useMemo(() => (v: number) => (Number.isNaN(v) ? UNSEEN : output ? sequentialColor(v, lo, hi) : ([147, 197, 253] as [number, number, number])), [output, lo, hi]);
  const marks: MapMark[] = [...(prev ? [{ box: boxOf(prev.top, prev.left, g.size), tone: 'field' as const }] : []), { box: boxOf(place.top, place.left, g.size), tone: 'window' }];
  const rows = outputSizeRule(g.inHeight, g.size, g.stride, g.padding);
  const cols = outputSizeRule(g.inWidth, g.size, g.stride, g.padding);
  const what = g.op === 'conv' ? t('kernel.whatConv', { window: `${g.size}×${g.size}${g.channels > 1 ? `×${g.channels}` : ''}` }) : g.op === 'max' ? t('kernel.whatMax') : t('kernel.whatAvg');
  const padded = place.pad.top + place.pad.left + place.pad.bottom + place.pad.right > 0;
  return (
    <div className="xp-view" data-testid="kernel-animation" data-step={step} data-positions={count}>
      <div className="xp-controls">
        <button onClick={() => go(0)} title={t('kernel.resetTitle')}>{t('kernel.reset')}</button>
        <button onClick={() => go(step - 1)} disabled={step === 0} aria-label={t('kernel.back')} data-testid="kernel-back">◀</button>
        {playing ? (
          <button onClick={pause} data-testid="kernel-pause">{t('kernel.pause')}</button>
        ) : (
          <button onClick={play} data-testid="kernel-play">{t('kernel.play')}</button>
        )}
        <button onClick={() => go(step + 1)} disabled={step >= count - 1} aria-label={t('kernel.on')} data-testid="kernel-step">{t('kernel.step')}</button>
        <label className="xp-field">
          {t('kernel.speed')}
          <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))} data-testid="kernel-speed">
            {SPEEDS.map((s) => <option key={s} value={s}>{t('kernel.perSecond', { n: s })}</option>)}
          </select>
        </label>
        <span className="hint">
          {t('kernel.position', { step: step + 1, count, row: y + 1, col: x + 1 })}
          {output ? ` = ${formatValue(output[step])}` : ''}
        </span>
      </div>
      <div className="xp-maps">
        <figure>
          <MapView width={g.inWidth} height={g.inHeight} values={sourceValues} color={sourceColor} size={MAP_PX} pad={place.pad} marks={marks} title={t('kernel.sourceTitle', { source: sourceLabel })} />
          <figcaption>
            {t('kernel.moves', { source: sourceLabel, count: g.stride })}
            {padded ? (g.op === 'conv' ? t('kernel.zeroPadding') : t('kernel.poolPadding')) : ''}
          </figcaption>
        </figure>
        <figure>
          <MapView width={g.outWidth} height={g.outHeight} values={shown} color={outColor} size={MAP_PX} marks={[{ box: boxOf(y, x, 1), tone: 'pixel' }]} onCellClick={(p) => go(p.y * g.outWidth + p.x)} title={t('kernel.outputTitle')} />
          <figcaption>{t('kernel.outputCaption', { h: g.outHeight, w: g.outWidth, what })}</figcaption>
        </figure>
      </div>
      <p className="xp-rule" data-testid="output-size-rule">
        {richText((m) => t('kernel.rule', { h: g.inHeight, k: g.size, s: g.stride, padding: g.padding, rows: m(0) }), [<code key="rows">{rows.text}</code>])}
        {g.inWidth !== g.inHeight || cols.text !== rows.text ? richText((m) => t('kernel.ruleColumns', { cols: m(0) }), [<code key="cols">{cols.text}</code>]) : t('kernel.ruleColumnsAlike')}
      </p>
    </div>
  );
}
