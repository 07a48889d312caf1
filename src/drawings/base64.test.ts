import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from './base64';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('base64', () => {
  it('writes the RFC 4648 test vectors', () => {
    const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
    expect(['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'].map((s) => encodeBase64(ascii(s)))).toEqual([
      '',
      'Zg==',
      'Zm8=',
      'Zm9v',
      'Zm9vYg==',
      'Zm9vYmE=',
      'Zm9vYmFy',
    ]);
  });

  it('agrees with btoa on every byte value', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(encodeBase64(all)).toBe(btoa(String.fromCharCode(...all)));
  });

  it('reads back what it writes, at every length modulo 3', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 784]) {
      const data = Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) & 255);
      expect(decodeBase64(encodeBase64(data))).toEqual(data);
    }
    expect(decodeBase64('/+8=')).toEqual(bytes(255, 239));
  });

  it('refuses text that is not padded base64', () => {
    for (const bad of ['Zg', 'Zg=', 'Z===', 'Zm9 ', 'Zm9v\n', 'Z=9v', 'Zm9é', '=AAA', 'AA=A']) expect(decodeBase64(bad)).toBeNull();
  });
});
