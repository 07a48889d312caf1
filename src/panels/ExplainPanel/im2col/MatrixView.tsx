import { useEffect, useMemo, useRef, type JSX, type PointerEvent } from 'react';
import { divergingColor, symmetricMax } from '../../../charts/colorScales';
import { boxDownsample, fitMatrix } from './matrixPicture';

/** A matrix cell under the pointer, in the matrix's own rows and columns. */
export interface MatrixCell {
  row: number;
  col: number;
  value: number;
}

/**
 * A rows × cols matrix as a diverging heatmap in a box that fits the column,
 * with the marked row and column drawn as thin bands over it. Rows and columns
 * scale separately (a matrix of hundreds of rows stays 320 px tall); where a
 * screen pixel holds several rows they are averaged rather than skipped.
 */
export function MatrixView(props: {
  values: Float32Array;
  rows: number;
  cols: number;
  maxWidth: number;
  maxHeight: number;
  /** Row to mark (the picked pixel's), column to mark (its filter's). */
  row?: number;
  col?: number;
  title: string;
  onHover?: (cell: MatrixCell | null) => void;
  testId?: string;
}): JSX.Element {
  const { values, rows, cols, maxWidth, maxHeight, row, col, title, onHover, testId } = props;
  const fit = useMemo(() => fitMatrix(rows, cols, maxWidth, maxHeight), [rows, cols, maxWidth, maxHeight]);
  const { drawRows, drawCols, cssWidth, cssHeight } = fit;
  const picture = useMemo(() => boxDownsample(values, rows, cols, drawRows, drawCols), [values, rows, cols, drawRows, drawCols]);
  const canvasRef = useRef<HTMLCanvasElement | null>(null);

  useEffect(() => {
    const ctx = canvasRef.current?.getContext('2d');
    if (!ctx) return;
    // The range of what is drawn: averaging shrinks values, and the picture should keep its contrast.
    const maxAbs = symmetricMax(picture);
    const img = ctx.createImageData(drawCols, drawRows);
    const n = Math.min(picture.length, drawRows * drawCols);
    for (let i = 0; i < n; i++) {
      const [r, g, b] = divergingColor(picture[i], maxAbs);
      img.data.set([r, g, b, 255], i * 4);
    }
    ctx.putImageData(img, 0, 0);
  }, [picture, drawRows, drawCols]);

  const onMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    if (!onHover || r.width <= 0 || r.height <= 0) return;
    const y = Math.min(rows - 1, Math.max(0, Math.floor(((e.clientY - r.top) / r.height) * rows)));
    const x = Math.min(cols - 1, Math.max(0, Math.floor(((e.clientX - r.left) / r.width) * cols)));
    onHover({ row: y, col: x, value: values[y * cols + x] });
  };
  const band = (at: number, of: number, length: number) => ({ start: (at / of) * length, size: Math.max(2, length / of) });
  const rowBand = row !== undefined && row >= 0 && row < rows ? band(row, rows, cssHeight) : null;
  const colBand = col !== undefined && col >= 0 && col < cols ? band(col, cols, cssWidth) : null;
  return (
    <div className="xp-matrix" style={{ width: cssWidth, height: cssHeight }} data-testid={testId} data-rows={rows} data-cols={cols}>
      <canvas
        ref={canvasRef}
        width={drawCols}
        height={drawRows}
        style={{ width: cssWidth, height: cssHeight }}
        role="img"
        aria-label={title}
        title={title}
        onPointerMove={onHover ? onMove : undefined}
        onPointerLeave={onHover ? () => onHover(null) : undefined}
      />
      {rowBand && <div className="xp-band xp-band-row" style={{ top: rowBand.start, height: rowBand.size }} />}
      {colBand && <div className="xp-band xp-band-col" style={{ left: colBand.start, width: colBand.size }} />}
    </div>
  );
}
