import type { JSX } from 'react';
import type { MapPixel } from '../../worker/protocol';
import type { ExplainLayer } from './explainLayers';

/** Whole number in [0, n − 1] from a field (1-based on screen), or null while the field is not one. */
function index(text: string, n: number): number | null {
  const v = Number(text);
  return Number.isInteger(v) && v >= 1 && v <= n ? v - 1 : null;
}

/**
 * Layer, map, row and column of the pixel to explain (the same as clicking a
 * map). Numbers on screen are 1-based like the maps' titles; out-of-range
 * entries are ignored, the field says its range.
 */
export function PixelPicker(props: { layers: ExplainLayer[]; pixel: MapPixel; onPick: (p: MapPixel) => void }): JSX.Element {
  const { layers, pixel, onPick } = props;
  const layer = layers.find((l) => l.index === pixel.layer) ?? layers[0];
  const [h, w, c] = layer?.shape ?? [1, 1, 1];
  const field = (label: string, key: 'channel' | 'y' | 'x', n: number) => (
    <label className="xp-field">
      {label}
      <input
        type="number"
        min={1}
        max={n}
        value={pixel[key] + 1}
        aria-label={`${label} (1 to ${n})`}
        title={`1 to ${n}`}
        onChange={(e) => {
          const v = index(e.target.value, n);
          if (v !== null) onPick({ ...pixel, [key]: v });
        }}
      />
      <small>/ {n}</small>
    </label>
  );
  return (
    <div className="xp-picker">
      <label className="xp-field">
        Layer
        <select
          value={layer?.index ?? ''}
          data-testid="explain-layer"
          onChange={(e) => {
            const next = layers.find((l) => l.index === Number(e.target.value));
            if (!next) return;
            const [nh, nw, nc] = next.shape;
            // Keep the pixel's place in the image as far as the new map's size allows.
            onPick({
              layer: next.index,
              channel: Math.min(pixel.channel, nc - 1),
              y: Math.max(0, Math.min(Math.round(((pixel.y + 0.5) / h) * nh - 0.5), nh - 1)),
              x: Math.max(0, Math.min(Math.round(((pixel.x + 0.5) / w) * nw - 0.5), nw - 1)),
            });
          }}
        >
          {layers.map((l) => (
            <option key={l.index} value={l.index}>
              {l.title}
            </option>
          ))}
        </select>
      </label>
      {field('Map', 'channel', c)}
      {field('Row', 'y', h)}
      {field('Column', 'x', w)}
    </div>
  );
}
