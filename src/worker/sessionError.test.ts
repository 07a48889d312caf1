import { describe, expect, it } from 'vitest';
import { message, MessageError } from '../model/message';
import { ModelFileError } from '../engine/ModelFileError';
import { StorageError } from '../storage/StorageError';
import { errorEvent, SessionError } from './sessionError';
import { english } from '../i18n/testing/words';

describe('errorEvent', () => {
  it('keeps the code and the message of the failures the worker knows', () => {
    const unknown = message('errors:request.unknownDataset', { dataset: 'x' });
    expect(errorEvent(new SessionError('invalid-request', unknown))).toEqual({ type: 'error', code: 'invalid-request', message: unknown });
    expect(english(unknown)).toBe('Unknown dataset "x"');
    const noFiles = message('errors:modelFile.noManifest');
    expect(errorEvent(new ModelFileError(noFiles))).toEqual({ type: 'error', code: 'model-file', message: noFiles });
    expect(errorEvent(new StorageError('full', 'Storage is full.'))).toEqual({ type: 'error', code: 'storage', message: message('errors:text', { text: 'Storage is full.' }) });
  });

  it('calls a MessageError from pure code without a known code an invalid request', () => {
    const m = message('errors:request.noModel');
    expect(errorEvent(new MessageError(m))).toEqual({ type: 'error', code: 'invalid-request', message: m });
    expect(errorEvent(new MessageError(m, 'data-corrupt'))).toEqual({ type: 'error', code: 'data-corrupt', message: m });
  });

  it('calls anything else internal and still shows its text', () => {
    const typeError = errorEvent(new TypeError('x is undefined'));
    expect(typeError).toEqual({ type: 'error', code: 'internal', message: message('errors:internal', { detail: 'x is undefined' }) });
    expect(english(typeError.message)).toBe('x is undefined');
    expect(errorEvent('out of memory')).toEqual({ type: 'error', code: 'internal', message: message('errors:internal', { detail: 'out of memory' }) });
  });
});
