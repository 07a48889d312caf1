import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n/i18n';
import { formatDuration, formatLoss, formatPercent } from './format';

describe('formats', () => {
  it('percent', () => {
    expect(formatPercent(0.9045)).toBe('90.45%');
    expect(formatPercent(NaN)).toBe('—');
    expect(formatPercent(null)).toBe('—');
  });
  it('duration', () => {
    expect(formatDuration(44_600)).toBe('45 s');
    expect(formatDuration(185_000)).toBe('3 min 05 s');
    expect(formatDuration(3_720_000)).toBe('1 h 02 min');
    expect(formatDuration(null)).toBe('—');
  });
  it('duration in Korean', () => {
    const ko = i18n.getFixedT('ko');
    expect([44_600, 185_000, 3_720_000, null].map((ms) => formatDuration(ms, ko))).toEqual(['45초', '3분 05초', '1시간 02분', '—']);
  });
  it('loss', () => {
    expect(formatLoss(0.26161)).toBe('0.2616');
    expect(formatLoss(3.2e28)).toBe('3.20e+28');
    expect(formatLoss(Infinity)).toBe('Infinity');
  });
});
