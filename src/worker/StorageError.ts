/**
 * Why saved runs could not be read or written: 'unavailable' (no IndexedDB,
 * or it will not open: a private window, a blocked database), 'full' (no room
 * even after dropping spare weights), 'damaged' (a record that cannot be
 * read, or none under that id). The message is for the user.
 */
export class StorageError extends Error {
  constructor(
    readonly kind: 'unavailable' | 'full' | 'damaged',
    message: string,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}
