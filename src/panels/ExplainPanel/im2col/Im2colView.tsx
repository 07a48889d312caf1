import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../i18n/formatLocale';
import { activate } from '../../../explain/activate';
import type { Conv2DLayer } from '../../../model/types';
import type { Im2colExplanation } from '../../../protocol';
import { formatValue } from '../shared/formatValue';
import { richText } from '../shared/richText';
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
  const { t } = useTranslation('explain');
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
  const pixelName = (row: number) => t('im2col.pixelName', { row: Math.floor(row / ow) + 1, col: (row % ow) + 1 });
  const tapName = (i: number) => t('im2col.tapName', { row: Math.floor(i / c / k) + 1, col: (Math.floor(i / c) % k) + 1, channel: (i % c) + 1 });
  const describe = (which: Which, cell: MatrixCell) =>
    which === 'patches'
      ? t('im2col.readPatches', { row: cell.row + 1, pixel: pixelName(cell.row), col: cell.col + 1, tap: tapName(cell.col) })
      : which === 'kernels'
        ? t('im2col.readKernels', { row: cell.row + 1, tap: tapName(cell.row), col: cell.col + 1, filter: cell.col + 1 })
        : t('im2col.readProduct', { row: cell.row + 1, pixel: pixelName(cell.row), col: cell.col + 1, map: cell.col + 1 });
  const name = { patches: t('im2col.patches'), kernels: t('im2col.kernels'), product: t('im2col.product') };

  return (
    <div className="xp-view" data-testid="im2col-view" data-max-error={e.maxError}>
      <p className="xp-rule">
        {richText((m) => t('im2col.intro', { layer: layerTitle, formula: m(0), maps: f }), [<code key="f">{name.patches} · {name.kernels}</code>])}
      </p>
      <div className="xp-matrices">
        <figure className="xp-matrix-fig" style={figWidth(0)}>
          <figcaption>
            {richText((m) => t('im2col.patchesCaption', { name: m(0), oh, ow, k, c, size: m(1) }), [<b key="n">{name.patches}</b>, <b key="s">{rows} × {cols}</b>])}
          </figcaption>
          <MatrixView values={e.patches} rows={rows} cols={cols} maxWidth={MAX_W} maxHeight={MAX_H} row={r} title={t('im2col.matrixTitle', { name: name.patches, rows, cols })} onHover={on('patches')} testId="im2col-patches" />
          <small>{t('im2col.patchesNote')}</small>
        </figure>
        <span className="xp-op" aria-hidden="true">×</span>
        <figure className="xp-matrix-fig" style={figWidth(1)}>
          <figcaption>
            {richText((m) => t('im2col.kernelsCaption', { name: m(0), size: m(1) }), [<b key="n">{name.kernels}</b>, <b key="s">{cols} × {f}</b>])}
          </figcaption>
          <MatrixView values={e.kernels} rows={cols} cols={f} maxWidth={MAX_W} maxHeight={MAX_H} col={channel} title={t('im2col.matrixTitle', { name: name.kernels, rows: cols, cols: f })} onHover={on('kernels')} testId="im2col-kernels" />
          <small>{t('im2col.kernelsNote')}</small>
        </figure>
        <span className="xp-op" aria-hidden="true">=</span>
        <figure className="xp-matrix-fig" style={figWidth(2)}>
          <figcaption>
            {richText((m) => t('im2col.productCaption', { name: m(0), size: m(1), oh, ow, f }), [<b key="n">{name.product}</b>, <b key="s">{rows} × {f}</b>])}
          </figcaption>
          <MatrixView values={e.product} rows={rows} cols={f} maxWidth={MAX_W} maxHeight={MAX_H} row={r} col={channel} title={t('im2col.matrixTitle', { name: name.product, rows, cols: f })} onHover={on('product')} testId="im2col-product" />
          <small>{t('im2col.productNote')}</small>
        </figure>
      </div>
      <p className="hint xp-readout" aria-live="polite">
        {hover ? `${describe(hover.which, hover.cell)}: ${formatValue(hover.cell.value)}` : t('im2col.pointAt')}
        {squeezed && ` ${t('im2col.squeezed')}`}
      </p>
      <p className="xp-legend-line">
        <span className="xp-swatch xp-swatch-row" /> {t('im2col.legendRow', { r: r + 1, row: y + 1, col: x + 1 })} <span className="xp-swatch xp-swatch-col" />{' '}
        {t('im2col.legendColumn', { c: channel + 1 })}
      </p>
      <ol className="xp-steps">
        <li>
          {t('im2col.dot', { r: r + 1, c: channel + 1, products: cols })} = <b>{formatValue(dot)}</b>
        </li>
        <li>
          {t('steps.bias', { bias: formatValue(e.bias[channel]) })} = <b>{formatValue(pre)}</b>
        </li>
        {layer.activation !== 'softmax' && (
          <li>
            {layer.activation} → <b>{formatValue(activate(pre, layer.activation))}</b>
          </li>
        )}
      </ol>
      <p className={ok ? 'xp-check' : 'xp-check xp-check-bad'} data-testid="im2col-check">
        {t('im2col.check', { diff: e.maxError === 0 ? '0' : e.maxError.toExponential(1), values: rows * f, mark: ok ? '✓' : '✗' })}
      </p>
      <p className="hint">
        {t('im2col.why', { kk: k * k, numbers: formatNumber(rows * cols), ratio: (rows * cols / Math.max(1, inputSize)).toFixed(1), input: formatNumber(inputSize) })}
      </p>
    </div>
  );
}
