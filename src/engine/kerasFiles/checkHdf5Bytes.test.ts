import { describe, expect, it } from 'vitest';
import { ModelFileError } from '../ModelFileError';
import { checkHdf5Bytes } from './checkHdf5Bytes';
import { english } from '../../i18n/testing/words';

const SIGNATURE = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];
const littleEndian = (value: number) => Array.from({ length: 8 }, (_, i) => Math.floor(value / 256 ** i) % 256);
const UNDEFINED = Array(8).fill(0xff);

/** A superblock of `version` (8-byte addresses) recording `eof`, placed after `userBlock` bytes and padded to `length`. */
function file(version: 0 | 2, eof: number | 'undefined', length: number, userBlock = 0): Uint8Array {
  const eofBytes = eof === 'undefined' ? UNDEFINED : littleEndian(eof);
  const superblock = version === 0
    // version, free-space, root-table and shared-header versions, reserved, offset and length sizes, reserved, K values, flags; base, free-space, eof
    ? [...SIGNATURE, 0, 0, 0, 0, 0, 8, 8, 0, 4, 0, 16, 0, 0, 0, 0, 0, ...littleEndian(userBlock), ...UNDEFINED, ...eofBytes]
    // version, offset and length sizes, flags; base, extension, eof
    : [...SIGNATURE, 2, 8, 8, 0, ...littleEndian(userBlock), ...UNDEFINED, ...eofBytes];
  const bytes = new Uint8Array(length);
  bytes.set(superblock.slice(0, length - userBlock), userBlock);
  return bytes;
}

const message = (bytes: Uint8Array) => {
  try {
    checkHdf5Bytes(bytes, 'model.h5');
  } catch (error) {
    expect(error).toBeInstanceOf(ModelFileError);
    return english((error as ModelFileError).detail);
  }
  return 'passed';
};

describe('checkHdf5Bytes', () => {
  it('passes a whole file of either superblock version, and one whose size it cannot know', () => {
    expect(message(file(0, 4096, 4096))).toBe('passed');
    expect(message(file(2, 4096, 5000))).toBe('passed');
    expect(message(file(2, 'undefined', 100))).toBe('passed');
  });

  it('finds the signature after a user block of 512, 1024, … bytes, and only there', () => {
    expect(message(file(2, 1024, 1024, 512))).toBe('passed');
    expect(message(file(0, 4096, 4096, 2048))).toBe('passed');
    expect(message(file(2, 2048, 2048, 700))).toMatch(/^model\.h5 is not an HDF5 file/);
  });

  it('says what the bytes look like when they are not HDF5', () => {
    const text = (s: string) => new TextEncoder().encode(s);
    expect(message(new Uint8Array(0))).toBe('model.h5 is not an HDF5 file: it is empty');
    expect(message(Uint8Array.of(0x50, 0x4b, 3, 4, 0, 0))).toMatch(/not an HDF5 file: it is a zip archive \(a Keras 3 \.keras file/);
    expect(message(text('  {"modelTopology": {}}'))).toMatch(/not an HDF5 file: it looks like JSON/);
    expect(message(text('hello, world'))).toMatch(/not an HDF5 file: a Keras \.h5 file starts with the HDF5 signature/);
  });

  it('finds a file shorter than its superblock records, user block included', () => {
    expect(message(file(2, 4096, 2048))).toBe(
      'model.h5 is truncated or damaged: it has 2048 bytes, but its HDF5 header says 4096 bytes. The download or copy may have been cut short; fetch or save it again.',
    );
    expect(message(file(0, 8192, 8000, 1024))).toMatch(/it has 8000 bytes, but its HDF5 header says 8192 bytes/);
  });

  it('finds a file cut off inside its superblock', () => {
    expect(message(file(2, 4096, 30))).toMatch(/it has 30 bytes, but its HDF5 header is cut off/);
    expect(message(file(0, 4096, 12))).toMatch(/it has 12 bytes, but its HDF5 header is cut off/);
  });
});
