/**
 * Why saved runs or drawings could not be read or written: 'unavailable' (no
 * IndexedDB, or it will not open: a private window, a blocked database),
 * 'full' (the quota is reached: for runs, even after dropping spare weights),
 * 'damaged' (a record that cannot be read, or none under that id), 'failed'
 * (any other error of the browser's). The message is for the user.
 */
export class StorageError extends Error {
  constructor(
    readonly kind: 'unavailable' | 'full' | 'damaged' | 'failed',
    message: string,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}
