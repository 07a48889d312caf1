import type { JSX } from 'react';
import type { ClassificationReport, ClassScores } from '../model/classificationReport';
import { lowestF1Class } from '../model/lowestF1Class';
import { formatScore } from './formatScore';
import './results.css';

/** Props of {@link ClassificationReportTable}. */
export interface ClassificationReportTableProps {
  report: ClassificationReport;
  /** One name per row of `report.rows`; a missing name shows the class index. */
  classNames: readonly string[];
  caption: string;
  testId?: string;
}

/**
 * scikit-learn's `classification_report`, laid out as it prints it: precision,
 * recall, f1-score and support per class, then accuracy, macro avg and weighted
 * avg. Scores have two decimals as sklearn prints them, the full value in each
 * cell's title; the class with the lowest F1 is tinted.
 */
export function ClassificationReportTable({ report, classNames, caption, testId = 'classification-report' }: ClassificationReportTableProps): JSX.Element {
  const worst = lowestF1Class(report.rows);
  return (
    <table className="cr-table" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col"><span className="cr-sr">class</span></th>
          <th scope="col">precision</th>
          <th scope="col">recall</th>
          <th scope="col">f1-score</th>
          <th scope="col">support</th>
        </tr>
      </thead>
      <tbody>
        {report.rows.map((r, i) => (
          <tr key={i} className={i === worst ? 'cr-worst' : undefined} data-class-index={i}>
            <th scope="row" title={i === worst ? 'the lowest F1-score of any class' : undefined}>
              {classNames[i] ?? String(i)}
              {i === worst && <span className="cr-sr"> (lowest F1)</span>}
            </th>
            <Scores s={r} />
          </tr>
        ))}
      </tbody>
      <tbody className="cr-summary">
        <tr>
          <th scope="row">accuracy</th>
          <td />
          <td />
          <Score v={report.accuracy} />
          <td>{count(report.total)}</td>
        </tr>
        <tr>
          <th scope="row" title="unweighted mean over the classes">macro avg</th>
          <Scores s={report.macro} />
        </tr>
        <tr>
          <th scope="row" title="mean weighted by each class's support">weighted avg</th>
          <Scores s={report.weighted} />
        </tr>
      </tbody>
    </table>
  );
}

function Scores({ s }: { s: ClassScores }) {
  return (
    <>
      <Score v={s.precision} />
      <Score v={s.recall} />
      <Score v={s.f1} className="cr-f1" />
      <td>{count(s.support)}</td>
    </>
  );
}

function Score({ v, className }: { v: number; className?: string }) {
  return (
    <td className={className} title={Number.isFinite(v) ? String(v) : 'no images'}>
      {formatScore(v)}
    </td>
  );
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
