import { interpolateBlues, scaleSequential } from 'd3';
import { useMemo, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { wordMessage } from '../i18n/i18n';
import { confusionCellTitle } from './confusionCellTitle';
import './results.css';

/** A cell of the matrix: true class (row) and predicted class (column). */
export interface ConfusionCellRef {
  trueClass: number;
  predClass: number;
}

export interface ConfusionMatrixProps {
  /** Row = true class, column = predicted class, `n × n` counts. */
  counts: Int32Array;
  classNames: readonly string[];
  testId?: string;
  /** Makes every non-empty cell a button (click, Enter or Space) that reports itself. */
  onSelectCell?: (trueClass: number, predClass: number) => void;
  /** The cell to outline, e.g. the one whose images are shown. */
  selected?: ConfusionCellRef | null;
}

const CELL = 30;
const LABEL_W = 86;
const TOP = 20;

/**
 * Counts of true (rows) against predicted (columns) classes. Colour follows the
 * share of each row, so rare classes read as clearly as common ones. Every cell
 * (`g.cm-cell`) carries `data-true`, `data-pred` and `data-count`.
 */
export function ConfusionMatrix({ counts, classNames, testId, onSelectCell, selected }: ConfusionMatrixProps) {
  const { t } = useTranslation('results');
  const n = classNames.length;
  const rows = useMemo(
    () => Array.from({ length: n }, (_, r) => {
      const row = Array.from(counts.subarray(r * n, r * n + n));
      const total = row.reduce((a, b) => a + b, 0);
      return { row, total };
    }),
    [counts, n],
  );
  const colour = scaleSequential(interpolateBlues).domain([0, 1]);
  const width = LABEL_W + n * CELL;
  const height = TOP + n * CELL + 18;
  const sel = selected && selected.trueClass >= 0 && selected.trueClass < n && selected.predClass >= 0 && selected.predClass < n ? selected : null;
  const onKey = (e: KeyboardEvent<SVGGElement>, r: number, c: number) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault(); // Space would otherwise scroll the page
    onSelectCell?.(r, c);
  };
  return (
    <figure className="confusion" data-testid={testId}>
      {/* An img's children are hidden from assistive technology: with buttons inside, it is a group. */}
      <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role={onSelectCell ? 'group' : 'img'} aria-label={t('confusion.label')}>
        {classNames.map((_, c) => (
          <text key={`c${c}`} x={LABEL_W + c * CELL + CELL / 2} y={TOP - 6} textAnchor="middle" className="cm-col">{c}</text>
        ))}
        {rows.map(({ row, total }, r) => (
          <g key={r}>
            <text x={LABEL_W - 6} y={TOP + r * CELL + CELL / 2 + 4} textAnchor="end" className="cm-row">{`${classNames[r]} (${r})`}</text>
            {row.map((v, c) => {
              const share = total ? v / total : 0;
              const clickable = !!onSelectCell && v > 0;
              const title = wordMessage(confusionCellTitle({ trueName: classNames[r], predName: classNames[c], count: v, rowTotal: total, clickable }), t);
              const isSelected = sel !== null && sel.trueClass === r && sel.predClass === c;
              return (
                <g
                  key={c}
                  className={clickable ? 'cm-cell cm-click' : 'cm-cell'}
                  data-true={r}
                  data-pred={c}
                  data-count={v}
                  role={clickable ? 'button' : undefined}
                  tabIndex={clickable ? 0 : undefined}
                  aria-label={clickable ? title : undefined}
                  aria-pressed={clickable ? isSelected : undefined}
                  onClick={clickable ? () => onSelectCell(r, c) : undefined}
                  onKeyDown={clickable ? (e) => onKey(e, r, c) : undefined}
                >
                  <title>{title}</title>
                  <rect className="cm-rect" x={LABEL_W + c * CELL} y={TOP + r * CELL} width={CELL - 1} height={CELL - 1} fill={colour(share)} />
                  {v > 0 && (
                    // A style, not a fill attribute: app.css's `.confusion text` rule would override an attribute.
                    <text x={LABEL_W + c * CELL + CELL / 2} y={TOP + r * CELL + CELL / 2 + 4} textAnchor="middle" style={{ fill: share > 0.5 ? '#fff' : '#1f2937' }} className="cm-val">
                      {v}
                    </text>
                  )}
                </g>
              );
            })}
          </g>
        ))}
        {sel && (
          // A path, not a rect: one rect per cell is what tests count.
          <path className="cm-selected" d={`M${LABEL_W + sel.predClass * CELL - 1},${TOP + sel.trueClass * CELL - 1}h${CELL + 1}v${CELL + 1}h${-(CELL + 1)}z`} />
        )}
        <text x={LABEL_W + (n * CELL) / 2} y={height - 2} textAnchor="middle" className="cm-axis">{t('confusion.predictedAxis')}</text>
      </svg>
    </figure>
  );
}
