import { describe, expect, it } from 'vitest';
import { i18n, wordMessage } from '../i18n/i18n';
import { confusionCellTitle, type ConfusionCell } from './confusionCellTitle';

const en = i18n.getFixedT('en');
const ko = i18n.getFixedT('ko');
const title = (cell: ConfusionCell, t = en) => wordMessage(confusionCellTitle(cell), t);

describe('confusionCellTitle', () => {
  it('a clickable cell says how many images a click shows', () => {
    expect(title({ trueName: '7', predName: '2', count: 12, rowTotal: 1000, clickable: true }))
      .toBe('12 images: true 7, predicted 2 (1.2% of row) — click to see them');
    expect(title({ trueName: 'Shirt', predName: 'T-shirt/top', count: 1, rowTotal: 4, clickable: true }))
      .toBe('1 image: true Shirt, predicted T-shirt/top (25.0% of row) — click to see them');
  });

  it('an empty cell, or a matrix without clicks, keeps the plain count', () => {
    expect(title({ trueName: '7', predName: '2', count: 0, rowTotal: 10, clickable: true }))
      .toBe('true 7, predicted 2: 0 (0.0% of row)');
    expect(title({ trueName: '7', predName: '7', count: 9, rowTotal: 10, clickable: false }))
      .toBe('true 7, predicted 7: 9 (90.0% of row)');
    expect(title({ trueName: '7', predName: '7', count: 0, rowTotal: 0, clickable: false }))
      .toBe('true 7, predicted 7: 0 (0.0% of row)');
  });

  it('words the same cell in Korean', () => {
    expect(title({ trueName: '셔츠', predName: '티셔츠/윗도리', count: 1, rowTotal: 4, clickable: true }, ko))
      .toBe('1: 실제 셔츠, 예측 티셔츠/윗도리인 이미지 (행의 25.0%) — 클릭하면 이미지를 봅니다');
    expect(title({ trueName: '7', predName: '2', count: 3, rowTotal: 10, clickable: false }, ko)).toBe('실제 7, 예측 2: 이미지 3 (행의 30.0%)');
  });
});
