import { describe, expect, it } from 'vitest';
import { DataFileError } from './data/fetchDatasetPart';
import { errorEvent, SessionError } from './sessionError';

describe('errorEvent', () => {
  it('keeps the code of the failures the worker knows', () => {
    expect(errorEvent(new SessionError('invalid-request', 'Unknown dataset "x"'))).toEqual({ type: 'error', code: 'invalid-request', message: 'Unknown dataset "x"' });
    expect(errorEvent(new DataFileError('data-missing', 'data/mnist-train.bin.gz', 'Data file is missing'))).toEqual({ type: 'error', code: 'data-missing', message: 'Data file is missing' });
  });

  it('calls anything else internal and still shows its text', () => {
    expect(errorEvent(new TypeError('x is undefined'))).toEqual({ type: 'error', code: 'internal', message: 'x is undefined' });
    expect(errorEvent('out of memory')).toEqual({ type: 'error', code: 'internal', message: 'out of memory' });
  });
});
