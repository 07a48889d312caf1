import { describe, expect, it } from 'vitest';
import { langInAddress, withLang, withoutLang } from './languageInAddress';

describe('languageInAddress', () => {
  it('takes lang out and puts it back last', () => {
    expect(withoutLang('?lang=ko&n=2048')).toBe('?n=2048');
    expect(withoutLang('?lang=ko')).toBe('');
    expect(withoutLang('?n=2048&view=train')).toBe('?n=2048&view=train');
    expect(withLang('?n=2048', 'ko')).toBe('?n=2048&lang=ko');
    expect(withLang('', 'ko')).toBe('?lang=ko');
    expect(withLang('?lang=en&n=1', 'ko')).toBe('?n=1&lang=ko');
    expect(withLang('?lang=en&n=1', null)).toBe('?n=1');
  });

  it('keeps the rest of the query as written, not re-encoded', () => {
    expect(withLang('?arch=conv(64,5,1,valid,relu)-flatten&view=design', null)).toBe('?arch=conv(64,5,1,valid,relu)-flatten&view=design');
    expect(withLang('?arch=conv(64,5,1,valid,relu)&lang=en', 'ko')).toBe('?arch=conv(64,5,1,valid,relu)&lang=ko');
    expect(withoutLang('?language=x&lang=ko')).toBe('?language=x');
  });

  it('reads the language the address carries', () => {
    expect(langInAddress('?n=1&lang=ko')).toBe('ko');
    expect(langInAddress('?n=1')).toBeNull();
  });
});
