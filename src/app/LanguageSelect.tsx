import { useTranslation } from 'react-i18next';
import { choosePageLanguage } from '../i18n/pageLanguage';
import { LANGUAGE_NAMES, LANGUAGES, isLanguage } from '../i18n/languages';

/** The header's language switch: each language under its own name. */
export function LanguageSelect() {
  const { t, i18n } = useTranslation('app');
  return (
    <label className="lang-select">
      <span className="visually-hidden">{t('language')}</span>
      <select
        data-testid="lang-select"
        value={i18n.language}
        onChange={(e) => {
          if (isLanguage(e.target.value)) choosePageLanguage(e.target.value);
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
