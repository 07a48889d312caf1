import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LAYERS } from '../../lint/layers.js';

// The layers are written once, in lint/layers.js, which the lint enforces;
// docs/ARCHITECTURE.md shows them to people as a table. This keeps the two
// from drifting apart: every folder is in the table, and its "may import"
// column names exactly the folders the lint allows.
const doc = readFileSync(fileURLToPath(new URL('../../docs/ARCHITECTURE.md', import.meta.url)), 'utf8');

/** The rows of the table under "Folders and what they may import": folder → the layer names in its "may import" cell. */
function tableRows(): Map<string, string[]> {
  // The section's own text, up to its first subsection (the worker's folders have a table of their own).
  const section = doc.split(/^## /m).find((s) => s.startsWith('Folders and what they may import'))?.split(/^### /m)[0];
  if (!section) throw new Error('docs/ARCHITECTURE.md has no section "Folders and what they may import"');
  const rows = new Map<string, string[]>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const folder = /^`(\w+)\/`$/.exec(cells[1] ?? '')?.[1];
    if (!folder) continue;
    const mayImport = cells[3] ?? '';
    // Layer names as words: "protocol (`engineResults` only, as types)" names protocol.
    rows.set(folder, Object.keys(LAYERS).filter((name) => new RegExp(`(^|[^\\w/.])${name}([^\\w/]|$)`).test(mayImport)).sort());
  }
  return rows;
}

describe('docs/ARCHITECTURE.md', () => {
  it('lists every layer once, with the imports lint/layers.js allows it', () => {
    const rows = tableRows();
    expect([...rows.keys()].sort()).toEqual(Object.keys(LAYERS).sort());
    for (const [name, { uses }] of Object.entries(LAYERS)) expect([name, rows.get(name)]).toEqual([name, [...uses].sort()]);
  });
});
