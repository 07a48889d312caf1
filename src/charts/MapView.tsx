import type { JSX } from 'react';
import type { Box } from '../explain/types';
import { HeatmapCanvas, type HeatmapHover } from './HeatmapCanvas';
import './mapView.css';

/** A rectangle drawn over the map, in data cells (it may reach into the padding). */
export interface MapMark {
  box: Box;
  /** 'window': a kernel or pool window; 'field': a receptive field; 'pixel': one picked cell. */
  tone: 'window' | 'field' | 'pixel';
}

export interface MapViewProps {
  width: number;
  height: number;
  values: ArrayLike<number>;
  color: (v: number) => [number, number, number];
  /** CSS pixels of the longer side, padding included. */
  size: number;
  /** Zero cells around the map (a conv layer's padding), drawn hatched. */
  pad?: Box;
  marks?: readonly MapMark[];
  onCellClick?: (p: { x: number; y: number }) => void;
  onHoverValue?: (p: HeatmapHover | null) => void;
  title: string;
  testId?: string;
}

const NO_PAD: Box = { top: 0, left: 0, bottom: 0, right: 0 };

/**
 * One map with its padding drawn as a hatched border and rectangles (a
 * window, a receptive field, a picked pixel) laid over it: what the
 * explainer views point at. The cells come from HeatmapCanvas.
 */
export function MapView(props: MapViewProps): JSX.Element {
  const { width: w, height: h, pad = NO_PAD, marks = [], size } = props;
  const cols = w + pad.left + pad.right;
  const rows = h + pad.top + pad.bottom;
  const scale = size / Math.max(cols, rows);
  const px = (cells: number) => Math.round(cells * scale * 100) / 100;
  return (
    <div className="mv-frame" style={{ width: px(cols), height: px(rows) }} data-testid={props.testId}>
      <div className="mv-map" style={{ left: px(pad.left), top: px(pad.top) }}>
        <HeatmapCanvas
          width={w}
          height={h}
          values={props.values}
          color={props.color}
          size={px(Math.max(w, h))}
          title={props.title}
          onCellClick={props.onCellClick}
          onHoverValue={props.onHoverValue}
          className="mv-canvas"
        />
      </div>
      {marks.map((m, i) => (
        <div
          key={i}
          className={`mv-mark mv-${m.tone}`}
          style={{
            left: px(m.box.left + pad.left),
            top: px(m.box.top + pad.top),
            width: px(m.box.right - m.box.left + 1),
            height: px(m.box.bottom - m.box.top + 1),
          }}
        />
      ))}
    </div>
  );
}
