import { currentLanguage } from './i18n';

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Intl's language tag for each of ours: Korean as written in Korea. */
const LOCALE = { en: 'en-US', ko: 'ko-KR' } as const;
export const currentLocale = (): string => LOCALE[currentLanguage()];

/** A number in the page's language (Intl.NumberFormat, cached per options). */
export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
  const locale = currentLocale();
  const key = locale + JSON.stringify(options);
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f.format(value);
}

/** A date and time in the page's language (Intl.DateTimeFormat, cached per options). */
export function formatDate(value: number | Date, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }): string {
  const locale = currentLocale();
  const key = locale + JSON.stringify(options);
  let f = dateFormats.get(key);
  if (!f) dateFormats.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f.format(value);
}
