/** Precision, recall and F1 of one class (or an average of them), with its support. */
export interface ClassScores {
  /** tp / (tp + fp), in [0, 1]; 0 when the class was never predicted. */
  precision: number;
  /** tp / (tp + fn), in [0, 1]; 0 when the class has no true images. */
  recall: number;
  /** Harmonic mean of precision and recall, 2·tp / (2·tp + fp + fn); 0 when that is 0 / 0. */
  f1: number;
  /** Images whose true class this is (for an average: all images). */
  support: number;
}

/** What scikit-learn's `classification_report` prints, as numbers. */
export interface ClassificationReport {
  /** One per class, in class order. */
  rows: ClassScores[];
  /** trace / total, in [0, 1]; NaN when there are no images. */
  accuracy: number;
  /** Unweighted mean over every class, zero-support ones included. */
  macro: ClassScores;
  /** Mean weighted by each class's support. */
  weighted: ClassScores;
  /** Images counted in the matrix. */
  total: number;
}

/**
 * Per-class precision, recall, F1 and support, computed as scikit-learn's
 * `classification_report(y_true, y_pred, labels=range(classes))` does with its
 * default `zero_division` ("warn", i.e. 0): a 0 / 0 ratio is 0, and every class
 * counts in the macro average even when it has no images and no predictions.
 * (Without `labels`, sklearn leaves out a class absent from both y_true and y_pred;
 * a full matrix cannot tell those apart, so here it is included, as 0s.)
 *
 * With no images at all (`total` 0), every score is 0 and `accuracy` is NaN,
 * as sklearn's `accuracy_score` gives for an empty set (there is nothing to be
 * right about; `formatPercent` shows it as "—").
 *
 * @param confusion `classes × classes` counts, row-major: row = true class, column = predicted class.
 * @throws RangeError when `confusion` does not hold `classes²` values.
 */
export function classificationReport(confusion: ArrayLike<number>, classes: number): ClassificationReport {
  if (!Number.isInteger(classes) || classes < 0 || confusion.length !== classes * classes) {
    throw new RangeError(`classificationReport: ${confusion.length} counts for ${classes} classes (expected ${classes * classes})`);
  }
  const predicted = new Array<number>(classes).fill(0); // column sums: tp + fp
  const support = new Array<number>(classes).fill(0); // row sums: tp + fn
  let total = 0;
  let correct = 0;
  for (let t = 0; t < classes; t++) {
    for (let p = 0; p < classes; p++) {
      const v = confusion[t * classes + p];
      support[t] += v;
      predicted[p] += v;
    }
    total += support[t];
    correct += confusion[t * classes + t];
  }

  const rows = support.map((s, c): ClassScores => {
    const tp = confusion[c * classes + c];
    const fp = predicted[c] - tp;
    const fn = s - tp;
    // F from the counts, as sklearn does: equal to 2PR / (P + R) when tp > 0, and 0 (not 0 / 0) when tp is 0 but fp + fn is not.
    return { precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn), f1: ratio(2 * tp, 2 * tp + fp + fn), support: s };
  });

  const mean = (key: 'precision' | 'recall' | 'f1', weighted: boolean): number => {
    let sum = 0;
    for (const r of rows) sum += r[key] * (weighted ? r.support : 1);
    return ratio(sum, weighted ? total : classes);
  };
  const average = (weighted: boolean): ClassScores => ({
    precision: mean('precision', weighted),
    recall: mean('recall', weighted),
    f1: mean('f1', weighted),
    support: total,
  });

  return { rows, accuracy: total > 0 ? correct / total : NaN, macro: average(false), weighted: average(true), total };
}

/** a / b, with sklearn's default zero_division: 0 / 0 is 0. */
function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}
