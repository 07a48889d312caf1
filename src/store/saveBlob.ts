/**
 * Saves `blob` as file `name` through the browser's downloads. A download is
 * a side effect of an action or event, not state: this is the one place the
 * page makes one.
 */
export function saveBlob(blob: Blob, name: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // The download has its own copy once started.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
