import type { ErrorCode, WorkerEvent } from '../protocol';
import { StorageError } from '../storage/StorageError';

/** A user-facing failure with a code for the page. */
export class SessionError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The error event for anything thrown in the worker: failures the worker
 * recognises keep their code; anything else (a tfjs exception, a thrown
 * string) is 'internal', its text still shown.
 */
export function errorEvent(e: unknown): Extract<WorkerEvent, { type: 'error' }> {
  const code: ErrorCode = e instanceof SessionError ? e.code : e instanceof StorageError ? 'storage' : 'internal';
  return { type: 'error', code, message: e instanceof Error ? e.message : String(e) };
}
