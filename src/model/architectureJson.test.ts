import { describe, expect, it } from 'vitest';
import { architectureFromJson, architectureToJson } from './architectureJson';
import { PRESETS } from './presets';
import { wordMessage } from '../i18n/i18n';

const errorOf = (text: string) => {
  const r = architectureFromJson(text);
  return 'error' in r ? wordMessage(r.error) : undefined;
};

describe('architectureJson', () => {
  it('round-trips every preset', () => {
    for (const p of PRESETS) expect(architectureFromJson(architectureToJson(p.spec)), p.id).toEqual({ spec: p.spec });
  });

  it('writes tagged, 2-space-indented JSON', () => {
    const json = architectureToJson({ inputShape: [28, 28, 1], layers: [{ type: 'flatten' }, { type: 'dropout', rate: 0.25 }] });
    expect(json).toBe(`{
  "format": "convscope-architecture",
  "version": 1,
  "inputShape": [
    28,
    28,
    1
  ],
  "layers": [
    {
      "type": "flatten"
    },
    {
      "type": "dropout",
      "rate": 0.25
    }
  ]
}
`);
  });

  it('reports unparseable text, then anything parseSpec rejects', () => {
    for (const text of ['{"inputShape": [28, 28, 1],', '']) {
      let message = '';
      try {
        JSON.parse(text);
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).not.toBe('');
      expect(errorOf(text)).toBe(`Not valid JSON: ${message}`);
    }
    expect(errorOf('{"inputShape": [28, 28, 1], "layers": 3}')).toBe('"layers" must be a list of layers');
  });
});
