import { DEFAULT_LANGUAGE, isLanguage, type Language } from './languages';

/** `ko-KR` -> `ko`; anything not written here -> null. */
export function languageOf(tag: string | null | undefined): Language | null {
  const base = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return isLanguage(base) ? base : null;
}

/**
 * The language to show: the address's `lang=` first (a shared link decides),
 * then the choice remembered in this browser, then the first of the
 * browser's languages that the page is written in, else English.
 */
export function pickLanguage({ fromAddress, remembered, browser }: { fromAddress?: string | null; remembered?: string | null; browser?: readonly string[] }): Language {
  return languageOf(fromAddress) ?? languageOf(remembered) ?? (browser ?? []).map(languageOf).find((l) => l !== null) ?? DEFAULT_LANGUAGE;
}
