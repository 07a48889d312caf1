import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapPixel } from '../../../protocol';
import { pixelOnLayer, type ExplainLayer } from './explainLayers';
import { LayerSelect } from './LayerSelect';

/** Whole number in [0, n − 1] from a field (1-based on screen), or null while the field is not one. */
function index(text: string, n: number): number | null {
  const v = Number(text);
  return text.trim() !== '' && Number.isInteger(v) && v >= 1 && v <= n ? v - 1 : null;
}

/**
 * A 1-based number field for a 0-based index: it can be emptied and retyped,
 * says when the entry is out of range, and passes on only valid entries
 * (leaving it puts back the index in force).
 */
function IndexField(props: { label: string; value: number; n: number; onChange: (i: number) => void }): JSX.Element {
  const { t } = useTranslation('explain');
  const { label, value, n, onChange } = props;
  const [text, setText] = useState(String(value + 1));
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    // Changed from outside (a click on a map): show it.
    setShown(value);
    setText(String(value + 1));
  }
  const invalid = index(text, n) === null;
  return (
    <label className="xp-field">
      {label}
      <input
        type="number"
        min={1}
        max={n}
        value={text}
        aria-label={t('picker.range', { label, n })}
        aria-invalid={invalid || undefined}
        title={t('picker.rangeTitle', { n })}
        onChange={(e) => {
          setText(e.target.value);
          const i = index(e.target.value, n);
          if (i !== null) {
            setShown(i);
            onChange(i);
          }
        }}
        onBlur={() => setText(String(value + 1))}
      />
      <small>/ {n}</small>
    </label>
  );
}

/**
 * Layer, map, row and column of the pixel to explain (the same as clicking a
 * map). Numbers on screen are 1-based like the maps' titles; out-of-range
 * entries are ignored, the field says its range.
 */
export function PixelPicker(props: { layers: ExplainLayer[]; pixel: MapPixel; onPick: (p: MapPixel) => void }): JSX.Element {
  const { t } = useTranslation('explain');
  const { layers, pixel, onPick } = props;
  const layer = layers.find((l) => l.index === pixel.layer) ?? layers[0];
  const [h, w, c] = layer?.shape ?? [1, 1, 1];
  const field = (label: string, key: 'channel' | 'y' | 'x', n: number) => (
    <IndexField label={label} value={pixel[key]} n={n} onChange={(v) => onPick({ ...pixel, [key]: v })} />
  );
  return (
    <div className="xp-picker">
      <LayerSelect
        layers={layers}
        value={layer?.index ?? -1}
        testId="explain-layer"
        onChange={(index) => {
          const next = layers.find((l) => l.index === index);
          if (next) onPick(pixelOnLayer(pixel, layer?.shape ?? next.shape, next));
        }}
      />
      {field(t('picker.map'), 'channel', c)}
      {field(t('picker.row'), 'y', h)}
      {field(t('picker.column'), 'x', w)}
    </div>
  );
}
