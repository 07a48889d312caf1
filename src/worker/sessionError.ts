import { isMessage, message, MessageError, type Message } from '../model/message';
import type { ErrorCode, WorkerEvent } from '../protocol';
import { StorageError } from '../storage/StorageError';

const CODES: readonly ErrorCode[] = ['data-missing', 'data-corrupt', 'invalid-request', 'backend', 'backend-choice', 'storage', 'model-file', 'internal'];

/** A user-facing failure with a code for the page; its words are a message the page words. */
export class SessionError extends MessageError {
  constructor(
    override readonly code: ErrorCode,
    detail: Message,
  ) {
    super(detail, code);
    this.name = 'SessionError';
  }
}

/** Anything unexpected, its raw text kept: the page words a sentence around it. */
export const internalMessage = (e: unknown): Message => message('errors:internal', { detail: e instanceof Error ? e.message : String(e) });

/**
 * The error event for anything thrown in the worker: failures the worker
 * recognises keep their code and their message (a MessageError thrown by
 * pure code is 'invalid-request' unless it names its code); anything else (a
 * tfjs exception, a thrown string) is 'internal', its text still shown.
 */
export function errorEvent(e: unknown): Extract<WorkerEvent, { type: 'error' }> {
  if (e instanceof StorageError) return { type: 'error', code: 'storage', message: e.detail };
  if (e instanceof MessageError && isMessage(e.detail)) {
    const code = CODES.find((c) => c === e.code) ?? 'invalid-request';
    return { type: 'error', code, message: e.detail };
  }
  return { type: 'error', code: 'internal', message: internalMessage(e) };
}
