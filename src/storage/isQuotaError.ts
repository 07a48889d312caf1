/**
 * Whether a failed write ran out of storage: the DOMException a put throws or
 * a transaction aborts with. Older Firefox names it NS_ERROR_DOM_QUOTA_REACHED.
 */
export function isQuotaError(e: unknown): boolean {
  if (typeof e !== 'object' || e === null || !('name' in e)) return false;
  return e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED';
}
