import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/formatLocale';
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
  const { t } = useTranslation('results');
  const worst = lowestF1Class(report.rows);
  return (
    <table className="cr-table" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col"><span className="cr-sr">{t('report.class')}</span></th>
          <th scope="col">{t('report.precision')}</th>
          <th scope="col">{t('report.recall')}</th>
          <th scope="col">{t('report.f1')}</th>
          <th scope="col">{t('report.support')}</th>
        </tr>
      </thead>
      <tbody>
        {report.rows.map((r, i) => (
          <tr key={i} className={i === worst ? 'cr-worst' : undefined} data-class-index={i}>
            <th scope="row" title={i === worst ? t('report.lowestTitle') : undefined}>
              {classNames[i] ?? String(i)}
              {i === worst && <span className="cr-sr">{t('report.lowest')}</span>}
            </th>
            <Scores s={r} />
          </tr>
        ))}
      </tbody>
      <tbody className="cr-summary">
        <tr>
          <th scope="row">{t('report.accuracy')}</th>
          <td />
          <td />
          <Score v={report.accuracy} />
          <td>{count(report.total)}</td>
        </tr>
        <tr>
          <th scope="row" title={t('report.macroTitle')}>{t('report.macro')}</th>
          <Scores s={report.macro} />
        </tr>
        <tr>
          <th scope="row" title={t('report.weightedTitle')}>{t('report.weighted')}</th>
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
  const { t } = useTranslation('results');
  return (
    <td className={className} title={Number.isFinite(v) ? String(v) : t('report.noImages')}>
      {formatScore(v)}
    </td>
  );
}

/** A count in the page's language ("1,000"). */
function count(n: number): string {
  return formatNumber(n);
}
