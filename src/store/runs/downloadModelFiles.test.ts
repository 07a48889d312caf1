import { describe, expect, it } from 'vitest';
import { modelFileName } from './downloadModelFiles';

describe('modelFileName', () => {
  const at = new Date(Date.UTC(2026, 10, 28, 23, 5, 9));
  it('names the files after the run and the time, safe for any file system', () => {
    expect(modelFileName('MNIST, 2 epochs, adam 0.001', at)).toBe('convscope-MNIST-2-epochs-adam-0.001-20261128-230509');
    expect(modelFileName('ü/ß: <x>', at)).toBe('convscope-u-x-20261128-230509');
    expect(modelFileName(null, at)).toBe('convscope-model-20261128-230509');
    expect(modelFileName('///', at)).toBe('convscope-model-20261128-230509');
  });
});
