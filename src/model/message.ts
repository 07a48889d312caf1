/**
 * Words to show, as a catalogue key and its values, not as text: the page
 * words it in its language when it is shown (so a switch of language rewords
 * what is already on screen), and code that has no page (the worker, pure
 * modules) can still say what happened. Keys are namespace:path, e.g.
 * errors:modelFile.tooLarge; a value may itself be a message.
 */
export interface Message {
  key: string;
  values?: Readonly<Record<string, MessageValue>>;
}
export type MessageValue = string | number | Message;

export const message = (key: string, values?: Message['values']): Message => (values ? { key, values } : { key });

export const isMessage = (v: unknown): v is Message => typeof v === 'object' && v !== null && typeof (v as Message).key === 'string';

/** Text that has no key (a browser's error, an older record's English) as a message that shows it as it is. */
export const asMessage = (m: string | Message): Message => (isMessage(m) ? m : message('common:text', { text: m }));

/**
 * An error whose words the page chooses: thrown by code without a page (the
 * worker, pure modules) when the user can act on it. `code` is the
 * protocol's error code where the thrower knows it (e.g. 'data-missing');
 * the Error's own message is the key, for logs.
 */
export class MessageError extends Error {
  constructor(
    readonly detail: Message,
    readonly code?: string,
  ) {
    super(detail.key);
    this.name = 'MessageError';
  }
}
