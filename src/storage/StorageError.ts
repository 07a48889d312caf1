/**
 * Words for the user, as src/model/message.ts's Message (a catalogue key and
 * its values), written out here: storage/ imports nothing of ours.
 */
export interface StorageWords {
  key: string;
  values?: Readonly<Record<string, string | number | StorageWords>>;
}

/**
 * Why saved runs or drawings could not be read or written: 'unavailable' (no
 * IndexedDB, or it will not open: a private window, a blocked database),
 * 'full' (the quota is reached: for runs, even after dropping spare weights),
 * 'damaged' (a record that cannot be read, or none under that id), 'failed'
 * (any other error of the browser's). `detail` is for the user: a message,
 * or text not yet made one (kept as it is, in `errors:text`); `message` is
 * that text, or the message's key.
 */
export class StorageError extends Error {
  readonly detail: StorageWords;
  constructor(
    readonly kind: 'unavailable' | 'full' | 'damaged' | 'failed',
    detail: StorageWords | string,
  ) {
    super(typeof detail === 'string' ? detail : detail.key);
    this.detail = typeof detail === 'string' ? { key: 'errors:text', values: { text: detail } } : detail;
    this.name = 'StorageError';
  }
}
