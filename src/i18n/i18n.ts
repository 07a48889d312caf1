import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isMessage, type Message } from '../model/message';
import { DEFAULT_LANGUAGE, NAMESPACES, type Language } from './languages';
import { RESOURCES } from './resources';

/**
 * The page's one i18next instance, started synchronously with every
 * catalogue (no loading state, no flash of keys); `startLanguage` picks the
 * language before the first render.
 */
export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: RESOURCES,
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: Object.keys(RESOURCES),
  ns: NAMESPACES,
  defaultNS: 'common',
  // React escapes what it renders.
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

export const currentLanguage = (): Language => (i18n.language === 'ko' ? 'ko' : 'en');

type AnyT = (key: string, values?: Record<string, unknown>) => string;
/** Any `t`, whatever namespace its hook was given (`useTranslation('setup').t`), or i18n.t. */
export type Translate = (...args: never[]) => unknown;

/**
 * A key made at run time (`data:${key}.label`), which the type of `t` cannot
 * check: catalogues.test.ts checks the catalogues instead. Literal keys go
 * through `t` itself.
 */
export const wordKey = (key: string, values?: Record<string, unknown>, t: Translate = i18n.t): string => (t as unknown as AnyT)(key, values);

/**
 * A message in the current language (or `t`'s): its values first, since a
 * value may itself be a message. Keys come from code as data, so they are
 * checked by catalogues.test.ts rather than by the type of `t`.
 */
/** A message worded, or text kept from before messages (an older saved run's English) as it is; nothing as ''. */
export const wordText = (m: Message | string | null | undefined, t: Translate = i18n.t): string => (isMessage(m) ? wordMessage(m, t) : (m ?? ''));

export function wordMessage(m: Message, t: Translate = i18n.t): string {
  const values: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(m.values ?? {})) values[k] = isMessage(v) ? wordMessage(v, t) : v;
  return wordKey(m.key, values, t);
}
