import { interpolateBlues, scaleSequential } from 'd3';
import { useMemo } from 'react';

export interface ConfusionMatrixProps {
  /** Row = true class, column = predicted class, `n × n` counts. */
  counts: Int32Array;
  classNames: readonly string[];
  testId?: string;
}

const CELL = 30;
const LABEL_W = 86;
const TOP = 20;

/**
 * Counts of true (rows) against predicted (columns) classes. Colour follows the
 * share of each row, so rare classes read as clearly as common ones.
 */
export function ConfusionMatrix({ counts, classNames, testId }: ConfusionMatrixProps) {
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
  return (
    <figure className="confusion" data-testid={testId}>
      <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label="Confusion matrix">
        {classNames.map((_, c) => (
          <text key={`c${c}`} x={LABEL_W + c * CELL + CELL / 2} y={TOP - 6} textAnchor="middle" className="cm-col">{c}</text>
        ))}
        {rows.map(({ row, total }, r) => (
          <g key={r}>
            <text x={LABEL_W - 6} y={TOP + r * CELL + CELL / 2 + 4} textAnchor="end" className="cm-row">{`${classNames[r]} (${r})`}</text>
            {row.map((v, c) => {
              const share = total ? v / total : 0;
              return (
                <g key={c}>
                  <rect x={LABEL_W + c * CELL} y={TOP + r * CELL} width={CELL - 1} height={CELL - 1} fill={colour(share)}>
                    <title>{`true ${classNames[r]}, predicted ${classNames[c]}: ${v} (${(share * 100).toFixed(1)}% of row)`}</title>
                  </rect>
                  {v > 0 && (
                    <text x={LABEL_W + c * CELL + CELL / 2} y={TOP + r * CELL + CELL / 2 + 4} textAnchor="middle" fill={share > 0.5 ? '#fff' : '#1f2937'} className="cm-val">
                      {v}
                    </text>
                  )}
                </g>
              );
            })}
          </g>
        ))}
        <text x={LABEL_W + (n * CELL) / 2} y={height - 2} textAnchor="middle" className="cm-axis">predicted class →</text>
      </svg>
    </figure>
  );
}
