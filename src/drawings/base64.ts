/**
 * Base64 (RFC 4648, with padding) by hand: the drawings file keeps each
 * drawing's bytes as text, and this must run the same in browsers, the
 * worker and Node tests without Buffer; atob also accepts text a strict
 * reader should refuse (spaces, missing padding).
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Each character's 6-bit value, or -1 for a character that is not base64. */
const VALUES = (() => {
  const values = new Int8Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) values[ALPHABET.charCodeAt(i)] = i;
  return values;
})();

/** The bytes as base64 text, '='-padded to a multiple of four characters. */
export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const rest = bytes.length - i;
    const n = (bytes[i] << 16) | ((rest > 1 ? bytes[i + 1] : 0) << 8) | (rest > 2 ? bytes[i + 2] : 0);
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
    out += rest > 1 ? ALPHABET[(n >> 6) & 63] : '=';
    out += rest > 2 ? ALPHABET[n & 63] : '=';
  }
  return out;
}

/** The bytes that padded base64 `text` encodes, or null when it is not exactly that (stray characters, bad length or padding). */
export function decodeBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0) return null;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const last = i + 4 === text.length;
    let n = 0;
    for (let j = 0; j < 4; j++) {
      const code = text.charCodeAt(i + j);
      const isPad = last && j >= 4 - padding;
      const v = isPad ? 0 : code < 128 ? VALUES[code] : -1;
      if (v < 0) return null;
      n = (n << 6) | v;
    }
    out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}
