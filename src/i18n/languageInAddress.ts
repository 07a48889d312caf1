/**
 * The address may carry the language (`lang=ko`), for a link that opens the
 * page in Korean. The setup's address is rebuilt from the store
 * (store/address/), which knows nothing of languages: it is given the query
 * without `lang`, and what it writes gets `lang` back. The rest of the query
 * is kept exactly as written (no re-encoding: `arch=conv(64,5,…)` stays readable).
 */
export const LANG_PARAM = 'lang';

const isLang = (pair: string) => pair.split('=')[0] === LANG_PARAM;

/** `search` without `lang=`. */
export function withoutLang(search: string): string {
  const pairs = search.replace(/^\?/, '').split('&').filter((p) => p !== '');
  if (!pairs.some(isLang)) return search;
  const kept = pairs.filter((p) => !isLang(p));
  return kept.length > 0 ? `?${kept.join('&')}` : '';
}

/** `search` with `lang=` set to `lang` (null: left out), last, so the setup's parameters keep their order. */
export function withLang(search: string, lang: string | null): string {
  const rest = withoutLang(search);
  if (!lang) return rest;
  return `${rest ? `${rest}&` : '?'}${LANG_PARAM}=${encodeURIComponent(lang)}`;
}

/** The `lang=` the address carries, or null. */
export const langInAddress = (search: string): string | null => new URLSearchParams(search).get(LANG_PARAM);
