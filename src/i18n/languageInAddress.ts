/**
 * The address may carry the language (`lang=ko`), for a link that opens the
 * page in Korean. The setup's address is rebuilt from the store
 * (store/address/), which knows nothing of languages: it is given the query
 * without `lang`, and what it writes gets `lang` back.
 */
export const LANG_PARAM = 'lang';

/** `search` without `lang=`. */
export function withoutLang(search: string): string {
  const q = new URLSearchParams(search);
  if (!q.has(LANG_PARAM)) return search;
  q.delete(LANG_PARAM);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** `search` with `lang=` set to `lang` (null: left out), last, so the setup's parameters keep their order. */
export function withLang(search: string, lang: string | null): string {
  const q = new URLSearchParams(withoutLang(search));
  if (lang) q.set(LANG_PARAM, lang);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The `lang=` the address carries, or null. */
export const langInAddress = (search: string): string | null => new URLSearchParams(search).get(LANG_PARAM);
