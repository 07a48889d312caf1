import { useState, type JSX } from 'react';
import { activate } from '../../../explain/activate';
import type { Conv2DLayer } from '../../../model/types';
import type { Im2colExplanation } from '../../../protocol';
import { formatValue } from '../shared/formatValue';
import { fitMatrix } from './matrixPicture';
import { MatrixView, type MatrixCell } from './MatrixView';

/** The CSS box each matrix must fit: a third of a wide column, all of a phone's. */
const MAX_W = 300;
const MAX_H = 320;
/** Float32 sums of a few hundred products agree with the model's to about this. */
const TOLERANCE = 1e-5; // as the pixel arithmetic and the tests
/** CSS pixels a matrix's caption needs, however narrow the matrix. */
const MIN_CAPTION = 190;

type Which = 'patches' | 'kernels' | 'product';

/**
 * A conv layer computed as one matrix product, the way fast libraries do it:
 * the three matrices at their real sizes, the picked pixel's row and its
 * filter's column marked, and the check against the layer's own output.
 */
export function Im2colView(props: { e: Im2colExplanation; layer: Conv2DLayer; layerTitle: string; inputSize: number }): JSX.Element {
  const { e, layer, layerTitle, inputSize } = props;
  const [hover, setHover] = useState<{ which: Which; cell: MatrixCell } | null>(null);
  const { rows, cols, filters: f, outHeight: oh, outWidth: ow } = e;
  const k = layer.kernelSize;
  const c = cols / (k * k);
  const { y, x, channel } = e.pixel;
  const r = y * ow + x;
  const dot = e.product[r * f + channel];
  const pre = dot + e.bias[channel];
  const ok = e.maxError <= TOLERANCE;
  const fits = [fitMatrix(rows, cols, MAX_W, MAX_H), fitMatrix(cols, f, MAX_W, MAX_H), fitMatrix(rows, f, MAX_W, MAX_H)];
  const squeezed = fits.some((fit, i) => fit.drawRows < [rows, cols, rows][i]);
  // A figure as wide as its matrix, but wide enough for its caption: three fit across a wide column.
  const figWidth = (i: number) => ({ width: Math.max(MIN_CAPTION, fits[i].cssWidth) });
  const on = (which: Which) => (cell: MatrixCell | null) => setHover(cell && { which, cell });

  // What a row or column of each matrix stands for, for the pointer's readout.
  const pixelName = (row: number) => `output pixel (row ${Math.floor(row / ow) + 1}, col ${(row % ow) + 1})`;
  const tapName = (i: number) => `kernel row ${Math.floor(i / c / k) + 1}, col ${(Math.floor(i / c) % k) + 1}, channel ${(i % c) + 1}`;
  const describe = (which: Which, cell: MatrixCell) =>
    which === 'patches'
      ? `patches row ${cell.row + 1} = ${pixelName(cell.row)}; column ${cell.col + 1} = ${tapName(cell.col)}`
      : which === 'kernels'
        ? `kernels row ${cell.row + 1} = ${tapName(cell.row)}; column ${cell.col + 1} = filter ${cell.col + 1}`
        : `product row ${cell.row + 1} = ${pixelName(cell.row)}; column ${cell.col + 1} = map ${cell.col + 1}`;

  return (
    <div className="xp-view" data-testid="im2col-view" data-max-error={e.maxError}>
      <p className="xp-rule">
        {layerTitle} as one matrix product: every window of the input becomes a row, every filter a column, and <code>patches · kernels</code> holds all {f} maps at once.
      </p>
      <div className="xp-matrices">
        <figure className="xp-matrix-fig" style={figWidth(0)}>
          <figcaption>
            <b>patches</b>: (OH·OW) × (K·K·C) = ({oh}·{ow}) × ({k}·{k}·{c}) = <b>{rows} × {cols}</b>
          </figcaption>
          <MatrixView values={e.patches} rows={rows} cols={cols} maxWidth={MAX_W} maxHeight={MAX_H} row={r} title={`patches, ${rows} × ${cols}`} onHover={on('patches')} testId="im2col-patches" />
          <small>One row per output pixel (row r = y·OW + x); its columns are the K·K·C input values under the kernel there, in (row, col, channel) order, zeros in the padding.</small>
        </figure>
        <span className="xp-op" aria-hidden="true">×</span>
        <figure className="xp-matrix-fig" style={figWidth(1)}>
          <figcaption>
            <b>kernels</b>: (K·K·C) × F = <b>{cols} × {f}</b>
          </figcaption>
          <MatrixView values={e.kernels} rows={cols} cols={f} maxWidth={MAX_W} maxHeight={MAX_H} col={channel} title={`kernels, ${cols} × ${f}`} onHover={on('kernels')} testId="im2col-kernels" />
          <small>One column per filter: its K·K·C weights unrolled in the same order. The layer's [K, K, C, F] weights are this matrix as they are stored.</small>
        </figure>
        <span className="xp-op" aria-hidden="true">=</span>
        <figure className="xp-matrix-fig" style={figWidth(2)}>
          <figcaption>
            <b>product</b>: <b>{rows} × {f}</b> → reshaped to {oh} × {ow} × {f} = the feature maps
          </figcaption>
          <MatrixView values={e.product} rows={rows} cols={f} maxWidth={MAX_W} maxHeight={MAX_H} row={r} col={channel} title={`product, ${rows} × ${f}`} onHover={on('product')} testId="im2col-product" />
          <small>Row r, column f: output pixel r of map f, before bias and activation.</small>
        </figure>
      </div>
      <p className="hint xp-readout" aria-live="polite">
        {hover ? `${describe(hover.which, hover.cell)}: ${formatValue(hover.cell.value)}` : 'Point at a matrix to read a cell.'}
        {squeezed && ' Large matrices are squeezed to fit: each screen row (or column) shows the mean of the rows (or columns) it covers.'}
      </p>
      <p className="xp-legend-line">
        <span className="xp-swatch xp-swatch-row" /> row {r + 1}: the picked pixel (row {y + 1}, col {x + 1}) <span className="xp-swatch xp-swatch-col" /> column {channel + 1}: its map's filter. Red positive, blue negative.
      </p>
      <ol className="xp-steps">
        <li>
          patches row {r + 1} · kernels column {channel + 1} ({cols} products) = <b>{formatValue(dot)}</b>
        </li>
        <li>
          + bias {formatValue(e.bias[channel])} = <b>{formatValue(pre)}</b>
        </li>
        {layer.activation !== 'softmax' && (
          <li>
            {layer.activation} → <b>{formatValue(activate(pre, layer.activation))}</b>
          </li>
        )}
      </ol>
      <p className={ok ? 'xp-check' : 'xp-check xp-check-bad'} data-testid="im2col-check">
        product + bias, through the activation, equals the layer's output: largest difference {e.maxError === 0 ? '0' : e.maxError.toExponential(1)} over all {rows * f} values {ok ? '✓' : '✗'}
      </p>
      <p className="hint">
        Why bother: GPUs and BLAS libraries multiply large matrices at close to their peak speed, so frameworks (tfjs's WebGL backend among them) turn convolutions into one such product. The price is memory: each input value is copied into up to K·K = {k * k} rows; here the patches hold {(rows * cols).toLocaleString('en')} numbers, {(rows * cols / Math.max(1, inputSize)).toFixed(1)}× the layer's input of {inputSize.toLocaleString('en')}.
      </p>
    </div>
  );
}
