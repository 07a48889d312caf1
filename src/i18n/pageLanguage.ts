import { i18n } from './i18n';
import { langInAddress, withLang } from './languageInAddress';
import { isLanguage, type Language } from './languages';
import { pickLanguage } from './pickLanguage';

/** Where this browser remembers the choice of language. */
export const LANGUAGE_STORAGE_KEY = 'convscope.lang';

function remembered(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null; // storage blocked: the browser's languages decide
  }
}

/** The document follows the language: `lang` (for screen readers, fonts and hyphenation) and the title. */
function showLanguage(lang: string) {
  document.documentElement.lang = lang;
  document.title = i18n.t('app:documentTitle');
}

/**
 * Picks the page's language before the first render (address, then this
 * browser's remembered choice, then navigator.languages) and keeps the
 * document in step with every later change.
 */
export function startPageLanguage(): Language {
  const lang = pickLanguage({ fromAddress: langInAddress(location.search), remembered: remembered(), browser: navigator.languages });
  void i18n.changeLanguage(lang);
  showLanguage(lang);
  i18n.on('languageChanged', showLanguage);
  return lang;
}

/**
 * The header's switch: the page rewords itself at once (nothing else
 * changes), the choice is remembered, and an address that carried a
 * language now carries this one, so a reload keeps it.
 */
export function choosePageLanguage(lang: Language) {
  if (!isLanguage(lang)) return;
  void i18n.changeLanguage(lang);
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, lang);
  } catch {
    // not remembered; the page still switches
  }
  if (langInAddress(location.search) !== null) {
    history.replaceState(history.state, '', `${location.pathname}${withLang(location.search, lang)}${location.hash}`);
  }
}
