import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, NAMESPACES } from './languages';
import { RESOURCES } from './resources';

type Flat = Map<string, string>;

/** `{a: {b: 'x'}}` -> `a.b` -> 'x'; a value that is not a string or an object is kept as its JSON, to fail below. */
function flatten(o: object, prefix = '', out: Flat = new Map()): Flat {
  for (const [k, v] of Object.entries(o)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) flatten(v, key, out);
    else out.set(key, typeof v === 'string' ? v : JSON.stringify(v));
  }
  return out;
}

/** i18next's plural forms (`files_one`, `files_other`) are one key: Korean has no singular, English has one. */
const PLURAL = /_(zero|one|two|few|many|other)$/;
const baseKey = (k: string) => k.replace(PLURAL, '');

/** Placeholders (`{{count}}`, `{{size, number}}`) and nested keys (`$t(data:mnist)`) of every form of each key. */
function partsByKey(flat: Flat, pattern: RegExp): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [k, v] of flat) {
    const set = out.get(baseKey(k)) ?? new Set<string>();
    for (const m of v.matchAll(pattern)) set.add(m[1].trim().split(',')[0].trim());
    out.set(baseKey(k), set);
  }
  return out;
}
const PLACEHOLDER = /\{\{([^}]+)\}\}/g;
const NESTED = /\$t\(([^),]+)/g;

const flat = Object.fromEntries(LANGUAGES.map((l) => [l, Object.fromEntries(NAMESPACES.map((ns) => [ns, flatten(RESOURCES[l][ns])]))])) as Record<
  (typeof LANGUAGES)[number],
  Record<(typeof NAMESPACES)[number], Flat>
>;
const exists = (fullKey: string): boolean => {
  const [ns, key] = fullKey.includes(':') ? fullKey.split(':', 2) : ['common', fullKey];
  const keys = flat.en[ns as (typeof NAMESPACES)[number]];
  return !!keys && [...keys.keys()].some((k) => k === key || baseKey(k) === key || k.startsWith(`${key}.`));
};

describe('message catalogues', () => {
  for (const ns of NAMESPACES) {
    describe(ns, () => {
      it('has every key in every language, and no other', () => {
        const en = [...new Set([...flat.en[ns].keys()].map(baseKey))].sort();
        for (const l of LANGUAGES) expect([...new Set([...flat[l][ns].keys()].map(baseKey))].sort(), l).toEqual(en);
      });

      it('has no empty value', () => {
        for (const l of LANGUAGES) for (const [k, v] of flat[l][ns]) expect(v.trim(), `${l}/${ns}:${k}`).not.toBe('');
      });

      it('has the same placeholders and nested keys in every language', () => {
        for (const pattern of [PLACEHOLDER, NESTED]) {
          const en = partsByKey(flat.en[ns], pattern);
          for (const l of LANGUAGES) {
            for (const [k, parts] of partsByKey(flat[l][ns], pattern)) expect([...parts].sort(), `${l}/${ns}:${k}`).toEqual([...(en.get(k) ?? [])].sort());
          }
        }
      });

      it('nests only keys that exist', () => {
        for (const l of LANGUAGES) for (const [k, v] of flat[l][ns]) for (const m of v.matchAll(NESTED)) expect(exists(m[1].trim()), `${l}/${ns}:${k} nests ${m[1]}`).toBe(true);
      });
    });
  }
});

/** Every `.ts`/`.tsx` under `dir` that is not a test. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'testing' ? [] : sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

describe('keys in the code', () => {
  it('names only keys that exist in the catalogues', () => {
    // Keys written as data (messages from the worker and pure modules) are not
    // checked by the type of t(): a literal `'ns:key.path'` anywhere in src/ must exist.
    const src = join(__dirname, '..');
    const literal = new RegExp(`['"\`](${NAMESPACES.join('|')}):([A-Za-z0-9_.]+)['"\`]`, 'g');
    const missing: string[] = [];
    for (const file of sources(src)) {
      for (const m of readFileSync(file, 'utf8').matchAll(literal)) if (!exists(`${m[1]}:${m[2]}`)) missing.push(`${relative(src, file)}: ${m[1]}:${m[2]}`);
    }
    expect(missing).toEqual([]);
  });
});
