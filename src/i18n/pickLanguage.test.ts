import { describe, expect, it } from 'vitest';
import { languageOf, pickLanguage } from './pickLanguage';

describe('pickLanguage', () => {
  it('reads language tags by their base language', () => {
    expect(languageOf('ko-KR')).toBe('ko');
    expect(languageOf('KO')).toBe('ko');
    expect(languageOf('en_GB')).toBe('en');
    expect(languageOf('ja')).toBeNull();
    expect(languageOf('')).toBeNull();
    expect(languageOf(null)).toBeNull();
  });

  it('follows the first browser language it is written in, else English', () => {
    expect(pickLanguage({ browser: ['ko-KR', 'en-US'] })).toBe('ko');
    expect(pickLanguage({ browser: ['ja-JP', 'ko', 'en'] })).toBe('ko');
    expect(pickLanguage({ browser: ['en-US', 'ko'] })).toBe('en');
    expect(pickLanguage({ browser: ['fr-FR'] })).toBe('en');
    expect(pickLanguage({})).toBe('en');
  });

  it('puts the address before the remembered choice, and that before the browser', () => {
    expect(pickLanguage({ fromAddress: 'ko', remembered: 'en', browser: ['en'] })).toBe('ko');
    expect(pickLanguage({ fromAddress: null, remembered: 'ko', browser: ['en'] })).toBe('ko');
    expect(pickLanguage({ fromAddress: 'xx', remembered: 'en', browser: ['ko'] })).toBe('en');
  });
});
