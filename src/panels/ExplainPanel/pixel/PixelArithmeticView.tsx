import { useMemo, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { MapView, type MapMark } from '../../../charts/MapView';
import { windowBox } from '../../../explain/windowPlace';
import type { MapPixel, PixelExplanation } from '../../../protocol';
import { channelOf } from '../../../explain/channelOf';
import { ConvDetail, PoolDetail, useDetailChannel } from './ArithmeticDetail';
import { formatValue } from '../shared/formatValue';
import { useGreys } from '../shared/useColors';

const MAP_PX = 150;

/**
 * One feature-map pixel worked out by hand: where it looks on the input (its
 * receptive field) and on the layer's input (its window), the terms of its
 * sum, and the check against the model's own value.
 */
export function PixelArithmeticView(props: { e: PixelExplanation; layerTitle: string; onPick: (p: MapPixel) => void }): JSX.Element {
  const { t } = useTranslation('explain');
  const { e, layerTitle, onPick } = props;
  const a = e.arithmetic;
  const [channel, setChannel] = useDetailChannel(a);
  const [sh, sw, sc] = e.source.shape;
  // A pooling window reads one channel, the picked map's own.
  const shown = a.op === 'conv' ? Math.min(channel, sc - 1) : e.pixel.channel;
  const sourceMap = useMemo(() => channelOf(e.source.values, sh, sw, sc, shown), [e.source.values, sh, sw, sc, shown]);
  const [oh, ow] = e.map.shape;
  const imageColor = useGreys(e.image.values);
  const sourceColor = useGreys(sourceMap);
  const mapColor = useGreys(e.map.values);
  const { y, x } = e.pixel;
  const pixelBox = { top: y, left: x, bottom: y, right: x };
  const window = a.window;
  const windowMark: MapMark = { box: { top: window.top, left: window.left, bottom: window.top + window.size - 1, right: window.left + window.size - 1 }, tone: 'window' };
  const clipped = windowBox(window, sh, sw);
  const diff = Math.abs(a.value - e.modelValue);
  const fieldSize = e.receptiveField.size;
  return (
    <div className="xp-view" data-testid="pixel-arithmetic" data-value={a.value} data-model-value={e.modelValue} data-pixel={`${e.pixel.layer},${e.pixel.channel},${y},${x}`}>
      <div className="xp-maps">
        <figure>
          <MapView width={e.image.shape[1]} height={e.image.shape[0]} values={e.image.values} color={imageColor} size={MAP_PX} marks={[{ box: e.receptiveField.box, tone: 'field' }]} title={t('pixel.inputTitle')} />
          <figcaption>{e.source.layer === -1 ? t('pixel.inputSees', { size: fieldSize }) : t('pixel.inputSeesThrough', { size: fieldSize })}</figcaption>
        </figure>
        {e.source.layer >= 0 && (
          <figure>
            <MapView width={sw} height={sh} values={sourceMap} color={sourceColor} size={MAP_PX} pad={window.pad} marks={[windowMark]} title={t('pixel.sourceTitle', { layer: e.source.layer + 1, map: shown + 1 })} />
            <figcaption>
              {t('pixel.sourceCaption', { layer: e.source.layer + 1, map: shown + 1, maps: sc, top: clipped.top + 1, bottom: clipped.bottom + 1, left: clipped.left + 1, right: clipped.right + 1 })}
            </figcaption>
          </figure>
        )}
        <figure>
          <MapView width={ow} height={oh} values={e.map.values} color={mapColor} size={MAP_PX} marks={[{ box: pixelBox, tone: 'pixel' }]} onCellClick={(p) => onPick({ ...e.pixel, y: p.y, x: p.x })} title={t('pixel.outputTitle')} testId="arithmetic-output-map" />
          <figcaption>{t('pixel.outputCaption', { layer: layerTitle, map: e.pixel.channel + 1, row: y + 1, col: x + 1 })}</figcaption>
        </figure>
      </div>
      {a.op === 'conv' ? <ConvDetail a={a} channel={shown} onChannel={setChannel} /> : <PoolDetail a={a} />}
      <p className={diff <= 1e-5 ? 'xp-check' : 'xp-check xp-check-bad'} data-testid="arithmetic-check">
        {t('pixel.check', { value: formatValue(e.modelValue), mark: diff <= 1e-5 ? '✓' : '✗' })} <small>{t('pixel.difference', { diff: diff === 0 ? '0' : diff.toExponential(1) })}</small>
      </p>
    </div>
  );
}
