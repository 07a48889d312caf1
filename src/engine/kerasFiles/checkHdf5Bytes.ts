import { ModelFileError } from '../ModelFileError';
import { message, type Message } from '../../model/message';

/** Every HDF5 superblock starts with these 8 bytes: \x89HDF\r\n\x1a\n. */
const SIGNATURE = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Where the superblock is: at 0, or after a user block of 512, 1024, 2048, …
 * bytes, the only places the HDF5 format allows.
 */
function findSuperblock(bytes: Uint8Array): number | undefined {
  for (let at = 0; at + SIGNATURE.length <= bytes.length; at = at === 0 ? 512 : at * 2) {
    if (SIGNATURE.every((b, i) => bytes[at + i] === b)) return at;
  }
  return undefined;
}

/** A guess at what the bytes are instead, for the error banner. */
function whatItIs(bytes: Uint8Array): Message {
  if (bytes.length === 0) return message('errors:modelFile.notHdf5.empty');
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return message('errors:modelFile.notHdf5.zip');
  const head = new TextDecoder().decode(bytes.subarray(0, 64)).trimStart();
  if (head.startsWith('{') || head.startsWith('[')) return message('errors:modelFile.notHdf5.json');
  return message('errors:modelFile.notHdf5.noSignature');
}

/** A little-endian unsigned address of `size` bytes; undefined when all bits are set (HDF5's "undefined address"). */
function readAddress(bytes: Uint8Array, at: number, size: number): number | undefined {
  let value = 0;
  let allSet = true;
  for (let i = size - 1; i >= 0; i--) {
    value = value * 256 + bytes[at + i];
    allSet &&= bytes[at + i] === 0xff;
  }
  return allSet ? undefined : value;
}

/**
 * The file size the superblock records, or undefined for a superblock version
 * this does not know (HDF5 then judges alone). Versions 0 and 1 keep it after
 * 16 or 20 bytes of fields, then the base and free-space addresses; versions
 * 2 and 3 after 4 bytes, then the base and superblock-extension addresses.
 */
function recordedSize(bytes: Uint8Array, at: number): number | undefined {
  if (at + 14 > bytes.length) return Infinity;
  const version = bytes[at + 8];
  if (version > 3) return undefined;
  const offsetSize = version <= 1 ? bytes[at + 13] : bytes[at + 9];
  if (![2, 4, 8].includes(offsetSize)) return undefined;
  const eofAt = at + (version === 0 ? 24 : version === 1 ? 28 : 12) + 2 * offsetSize;
  if (eofAt + offsetSize > bytes.length) return Infinity;
  return readAddress(bytes, eofAt, offsetSize);
}

/**
 * Checks, before h5wasm sees them, that `bytes` are an HDF5 file and are all
 * there: the superblock's end-of-file address must fit in the bytes (as HDF5
 * itself compares them, user block included). Throws ModelFileError naming
 * `fileName`, with what the bytes look like instead or how many are missing.
 */
export function checkHdf5Bytes(bytes: Uint8Array, fileName: string): void {
  const at = findSuperblock(bytes);
  if (at === undefined) throw new ModelFileError(message('errors:modelFile.notHdf5.sentence', { file: fileName, what: whatItIs(bytes) }));
  const size = recordedSize(bytes, at);
  if (size !== undefined && bytes.length < size) {
    const values = { file: fileName, bytes: bytes.length, size };
    throw new ModelFileError(size === Infinity ? message('errors:modelFile.truncatedHeaderCut', values) : message('errors:modelFile.truncated', values));
  }
}
