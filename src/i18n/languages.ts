/** The languages the page is written in; English is the fallback for any other browser language. */
export const LANGUAGES = ['en', 'ko'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

export const isLanguage = (v: unknown): v is Language => (LANGUAGES as readonly unknown[]).includes(v);

/**
 * Each language under its own name, as a language switch shows them: a reader
 * looks for the name they can read, not its translation.
 */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ko: '한국어' };

/** The catalogues' namespaces: one per feature, each a JSON file per language in locales/. */
export const NAMESPACES = [
  'common',
  'app',
  'setup',
  'editor',
  'train',
  'inspect',
  'results',
  'explain',
  'drawings',
  'runs',
  'errors',
  'data',
  'offline',
] as const;
export type Namespace = (typeof NAMESPACES)[number];
