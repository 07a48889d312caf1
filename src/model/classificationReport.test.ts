import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classificationReport, type ClassScores } from './classificationReport';

/** Scores as [precision, recall, f1, support], for compact expectations. */
const tuple = (s: ClassScores) => [s.precision, s.recall, s.f1, s.support];
const expectScores = (s: ClassScores, want: number[], digits = 12) =>
  tuple(s).forEach((v, i) => expect(v, ['precision', 'recall', 'f1', 'support'][i]).toBeCloseTo(want[i], digits));

/** The confusion matrix of labels, as sklearn's confusion_matrix builds it (row = true). */
function confusionOf(yTrue: number[], yPred: number[], classes: number): number[] {
  const m = new Array<number>(classes * classes).fill(0);
  yTrue.forEach((t, i) => m[t * classes + yPred[i]]++);
  return m;
}

describe('classificationReport', () => {
  it('matches the sklearn docs example (y_true=[0,1,2,2,2], y_pred=[0,0,2,2,1])', () => {
    // sklearn prints:
    //               precision    recall  f1-score   support
    //      class 0       0.50      1.00      0.67         1
    //      class 1       0.00      0.00      0.00         1
    //      class 2       1.00      0.67      0.80         3
    //     accuracy                           0.60         5
    //    macro avg       0.50      0.56      0.49         5
    // weighted avg       0.70      0.60      0.61         5
    const r = classificationReport(confusionOf([0, 1, 2, 2, 2], [0, 0, 2, 2, 1], 3), 3);
    const two = (s: ClassScores) => [s.precision, s.recall, s.f1].map((v) => v.toFixed(2)).concat(String(s.support));
    expect(r.rows.map(two)).toEqual([
      ['0.50', '1.00', '0.67', '1'],
      ['0.00', '0.00', '0.00', '1'],
      ['1.00', '0.67', '0.80', '3'],
    ]);
    expect(r.accuracy.toFixed(2)).toBe('0.60');
    expect(two(r.macro)).toEqual(['0.50', '0.56', '0.49', '5']);
    expect(two(r.weighted)).toEqual(['0.70', '0.60', '0.61', '5']);
    expect(r.total).toBe(5);
  });

  it('a hand-worked 3×3 matrix', () => {
    //            pred 0  pred 1  pred 2 | support
    // true 0        5       1       0   |   6
    // true 1        2       3       1   |   6
    // true 2        0       2       6   |   8
    // predicted     7       6       7   |  20, trace 14 → accuracy 14/20 = 0.7
    //
    // class 0: P = 5/7, R = 5/6, F = 2·5 / (2·5 + 2 + 1) = 10/13
    // class 1: P = 3/6, R = 3/6, F = 2·3 / (2·3 + 3 + 3) = 1/2
    // class 2: P = 6/7, R = 6/8, F = 2·6 / (2·6 + 1 + 2) = 4/5
    // macro:    P = (5/7 + 1/2 + 6/7) / 3 = 29/42
    //           R = (5/6 + 1/2 + 3/4) / 3 = 25/36
    //           F = (10/13 + 1/2 + 4/5) / 3 = 269/390
    // weighted: P = (6·5/7 + 6·1/2 + 8·6/7) / 20 = 99/140
    //           R = (5 + 3 + 6) / 20 = 7/10 (weighted recall is always the accuracy)
    //           F = (6·10/13 + 6·1/2 + 8·4/5) / 20 = 911/1300
    const r = classificationReport([5, 1, 0, 2, 3, 1, 0, 2, 6], 3);
    expectScores(r.rows[0], [5 / 7, 5 / 6, 10 / 13, 6]);
    expectScores(r.rows[1], [1 / 2, 1 / 2, 1 / 2, 6]);
    expectScores(r.rows[2], [6 / 7, 3 / 4, 4 / 5, 8]);
    expect(r.accuracy).toBeCloseTo(0.7, 12);
    expectScores(r.macro, [29 / 42, 25 / 36, 269 / 390, 20]);
    expectScores(r.weighted, [99 / 140, 7 / 10, 911 / 1300, 20]);
    expect(r.total).toBe(20);
  });

  it('a class never predicted: precision 0 (0/0 → 0), recall 0, F1 0, still in the macro average', () => {
    // true 0: 3 0 1 | true 1: 2 0 0 | true 2: 0 0 4; column 1 is empty.
    // class 0: P 3/5, R 3/4, F 6/9; class 2: P 4/5, R 4/4, F 8/9.
    const r = classificationReport([3, 0, 1, 2, 0, 0, 0, 0, 4], 3);
    expectScores(r.rows[1], [0, 0, 0, 2]);
    expectScores(r.rows[0], [3 / 5, 3 / 4, 2 / 3, 4]);
    expectScores(r.rows[2], [4 / 5, 1, 8 / 9, 4]);
    expectScores(r.macro, [(3 / 5 + 4 / 5) / 3, (3 / 4 + 1) / 3, (2 / 3 + 8 / 9) / 3, 10]);
    expect(r.accuracy).toBeCloseTo(7 / 10, 12);
  });

  it('a class with zero support: recall 0 (0/0 → 0), no weight in the weighted average, a 0 in the macro one', () => {
    // true 0: 4 0 1 | true 1: 0 3 0 | true 2: 0 0 0; class 2 was predicted once, never true.
    const r = classificationReport([4, 0, 1, 0, 3, 0, 0, 0, 0], 3);
    expectScores(r.rows[2], [0, 0, 0, 0]);
    expectScores(r.rows[0], [1, 4 / 5, 8 / 9, 5]);
    expectScores(r.rows[1], [1, 1, 1, 3]);
    expectScores(r.macro, [2 / 3, (4 / 5 + 1) / 3, (8 / 9 + 1) / 3, 8]);
    expectScores(r.weighted, [1, 7 / 8, (5 * (8 / 9) + 3) / 8, 8]);
  });

  it('a class absent from both truth and predictions counts as zeros in the macro average (labels=range(n))', () => {
    const r = classificationReport([2, 0, 0, 2], 2 /* 2×2, both classes perfect */);
    expect(r.macro.f1).toBe(1);
    const withEmpty = classificationReport([2, 0, 0, 0, 2, 0, 0, 0, 0], 3);
    expectScores(withEmpty.rows[2], [0, 0, 0, 0]);
    expect(withEmpty.macro.f1).toBeCloseTo(2 / 3, 12);
    expect(withEmpty.weighted.f1).toBe(1);
  });

  it('no images: every score 0, accuracy NaN', () => {
    const r = classificationReport(new Int32Array(9), 3);
    expect(r.total).toBe(0);
    expect(r.accuracy).toBeNaN();
    for (const s of [...r.rows, r.macro, r.weighted]) expect(tuple(s)).toEqual([0, 0, 0, 0]);
  });

  it('rejects a matrix of the wrong size', () => {
    expect(() => classificationReport([1, 2, 3], 2)).toThrow(RangeError);
    expect(() => classificationReport([], 0).rows).not.toThrow();
  });

  it('any matrix: scores in [0, 1], supports sum to the total, weighted recall is the accuracy, F1 is the harmonic mean', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.nat(50), { minLength: n * n, maxLength: n * n }))),
        ([n, counts]) => {
          const r = classificationReport(Int32Array.from(counts), n);
          const total = counts.reduce((a, b) => a + b, 0);
          expect(r.total).toBe(total);
          expect(r.rows.reduce((a, s) => a + s.support, 0)).toBe(total);
          for (const s of [...r.rows, r.macro, r.weighted]) {
            for (const v of [s.precision, s.recall, s.f1]) expect(v >= 0 && v <= 1 + 1e-12).toBe(true);
          }
          for (const s of r.rows) {
            const hm = s.precision + s.recall > 0 ? (2 * s.precision * s.recall) / (s.precision + s.recall) : 0;
            expect(s.f1).toBeCloseTo(hm, 10);
          }
          if (total > 0) expect(r.weighted.recall).toBeCloseTo(r.accuracy, 10);
        },
      ),
    );
  });
});
