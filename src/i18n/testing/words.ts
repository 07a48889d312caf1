import { i18n, wordMessage } from '../i18n';
import { isMessage, MessageError, type Message } from '../../model/message';

/** A message in English, as the page words it in English (what tests check). */
export const english = (m: Message | string | null | undefined): string => (m == null ? '' : typeof m === 'string' ? m : wordMessage(m, i18n.getFixedT('en')));

/** What an error says in English: a MessageError's message worded, any other error's text. */
export const errorWords = (e: unknown): string =>
  e instanceof MessageError && isMessage(e.detail) ? english(e.detail) : e instanceof Error ? e.message : String(e);

/** What `f` throws, in English ('' when it does not throw). */
export function thrownWords(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return errorWords(e);
  }
  return '';
}

/** What `p` rejects with, in English ('' when it resolves). */
export const rejectedWords = (p: Promise<unknown>): Promise<string> => p.then(() => '', errorWords);
