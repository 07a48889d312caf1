import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The README and docs/ are the project's record of how to use Convscope and why it is
// built as it is. These tests keep that record navigable (every relative link and anchor
// resolves, in a clean clone as on GitHub), keep the README short enough to read in five
// minutes, and keep out numbers that go stale with every commit.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DOCUMENTS = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`),
];
const README_MAX_LINES = 200;

/**
 * Numbers that change with every commit: how many tests there are, how long the last CI
 * run or the suite took. They belong in CI's output, not in documents that nobody
 * re-measures. Measured benchmark results, with their machine and date, are records and
 * stay.
 */
const PER_COMMIT_COUNTERS = [
  /\b\d[\d,]*\s+(?:unit\s+|e2e\s+|end-to-end\s+|engine\s+|passing\s+)?tests\b/i,
  /\b(?:last|latest|previous|recent)\b[\w\s-]{0,30}?\bCI\s+runs?\b/i,
  /\bCI(?:\s+runs?)?\s+(?:passed|took|takes|lasted|ran)\b/i,
  /\b(?:tests|suite)\s+(?:took|take|takes|ran\s+in)\s+(?:about\s+)?\d/i,
  /\bthe\s+tests\s+\d[\d,.]*\s*(?:s|min|minutes)\b/i,
];

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/** Blanks HTML comments and fenced code blocks, keeping line numbers: what is inside them is neither a heading nor a link. */
function withoutBlocks(markdown: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  const noComments = markdown.replace(/<!--[\s\S]*?-->/g, blank);
  let fence: string | undefined;
  return noComments
    .split('\n')
    .map((line) => {
      const opener = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
      if (fence === undefined) {
        if (opener) fence = opener;
        return opener ? '' : line;
      }
      if (opener && opener[0] === fence[0] && opener.length >= fence.length && line.trim() === opener) fence = undefined;
      return '';
    })
    .join('\n');
}

/** Also blanks inline code spans: `[x](y)` in backticks is an example, not a link. */
function prose(markdown: string): string {
  // A code span may wrap onto the next line, but not past the end of its paragraph.
  return withoutBlocks(markdown).replace(/(`+)(?!`)(?:(?!\n[ \t]*\n)[\s\S])*?\1(?!`)/g, (span) => span.replace(/[^\n]/g, ' '));
}

/** GitHub's anchor for a heading's text (github-slugger): lowercase, punctuation and symbols dropped, spaces to hyphens. */
function slug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // a link or image shows its text
    .replace(/<[^>]+>/g, '') // tags render as nothing
    .trim()
    .toLowerCase();
  return text.replace(/[^\p{L}\p{M}\p{N}_\- ]/gu, '').replace(/ /g, '-');
}

/** Every heading's anchor in a markdown file, repeated ones numbered as GitHub does (`x`, `x-1`, `x-2`). */
function anchors(markdown: string): string[] {
  const lines = withoutBlocks(markdown).split('\n');
  const headings: string[] = [];
  lines.forEach((line, i) => {
    const atx = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (atx) headings.push(atx[1] ?? '');
    else if (/^ {0,3}(?:=+|-+)[ \t]*$/.test(line) && i > 0 && lines[i - 1].trim() !== '' && !/^ {0,3}(?:#|[-*+] |\d+[.)] |>|\|)/.test(lines[i - 1])) {
      headings.push(lines[i - 1]);
    }
  });
  const occurrences = new Map<string, number>();
  return headings.map((heading) => {
    const base = slug(heading);
    let result = base;
    while (occurrences.has(result)) {
      const n = (occurrences.get(base) ?? 0) + 1;
      occurrences.set(base, n);
      result = `${base}-${n}`;
    }
    occurrences.set(result, 0);
    return result;
  });
}

/** The target of every link, image and reference definition outside code, with its line number. */
function linkTargets(markdown: string): { line: number; target: string }[] {
  const text = prose(markdown);
  const found: { index: number; target: string }[] = [];
  const inline = /!?\[(?:[^[\]]|\[[^[\]]*\])*\]\(\s*(<[^>\n]*>|[^\s)]+)(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?\s*\)/g;
  const definition = /^ {0,3}\[[^\]\n]+\]:[ \t]*(<[^>\n]*>|\S+)/gm;
  const html = /<(?:a|img)\b[^>]*?\s(?:href|src)\s*=\s*"([^"]*)"/gi;
  for (const pattern of [inline, definition, html]) {
    for (const m of text.matchAll(pattern)) found.push({ index: m.index, target: m[1].replace(/^<|>$/g, '') });
  }
  return found
    .sort((a, b) => a.index - b.index)
    .map(({ index, target }) => ({ line: text.slice(0, index).split('\n').length, target }));
}

/** Why a link from `file` (relative to the repository) to `target` does not resolve, or undefined when it does. */
function brokenBecause(file: string, target: string): string | undefined {
  const hash = target.indexOf('#');
  const path = decodeURIComponent(hash < 0 ? target : target.slice(0, hash));
  const anchor = hash < 0 ? undefined : decodeURIComponent(target.slice(hash + 1));
  const absolute = path === '' ? join(ROOT, file) : path.startsWith('/') ? join(ROOT, path) : resolve(ROOT, dirname(file), path);
  const inRepo = relative(ROOT, absolute);
  if (inRepo.startsWith('..') || inRepo.startsWith(sep)) return 'points outside the repository (absent from a clean clone and on GitHub)';
  if (!existsSync(absolute)) return `no such file: ${inRepo}`;
  if (anchor === undefined) return undefined;
  if (!absolute.endsWith('.md')) return /^L\d+(?:-L\d+)?$/.test(anchor) ? undefined : `#${anchor}: only .md files have heading anchors`;
  const known = anchors(readFileSync(absolute, 'utf8'));
  return known.includes(anchor) ? undefined : `no heading "#${anchor}" in ${inRepo}`;
}

const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//');

describe('the markdown helpers', () => {
  it('makes the anchors GitHub makes', () => {
    expect(slug('Why augmentation helps drawn digits (and where it stops)')).toBe('why-augmentation-helps-drawn-digits-and-where-it-stops');
    expect(slug('Hosting: cross-origin isolation')).toBe('hosting-cross-origin-isolation');
    expect(slug('Time to 99%')).toBe('time-to-99');
    expect(slug('`npm run bench`')).toBe('npm-run-bench');
    expect(slug('Optimizer, seed and early stopping')).toBe('optimizer-seed-and-early-stopping');
    expect(slug('Größe & Ünïcode_names')).toBe('größe--ünïcode_names');
    expect(slug('See [the manual](docs/USING.md)')).toBe('see-the-manual');
    expect(anchors('# A\n\n## A\n\n```sh\n# not a heading\n```\n\n### A\n\nB\n---\n')).toEqual(['a', 'a-1', 'a-2', 'b']);
  });

  it('finds links and images, but not in code', () => {
    const md = [
      'See [the manual](docs/USING.md#dataset) and ![a shot](docs/shot.png "title").',
      '`[not](a-link.md)` and [**bold [nested]**](<with space.md>)',
      '```',
      '[not](in-a-fence.md)',
      '```',
      '[ref]: ../other.md',
    ].join('\n');
    expect(linkTargets(md)).toEqual([
      { line: 1, target: 'docs/USING.md#dataset' },
      { line: 1, target: 'docs/shot.png' },
      { line: 2, target: 'with space.md' },
      { line: 6, target: '../other.md' },
    ]);
  });

  it('reports a missing file, a missing heading and a link out of the repository', () => {
    expect(brokenBecause('README.md', 'docs/USING.md')).toBeUndefined();
    expect(brokenBecause('docs/USING.md', '../README.md#quick-start')).toBeUndefined();
    expect(brokenBecause('docs/USING.md', 'USING.md')).toBeUndefined();
    expect(brokenBecause('docs/USING.md', 'README.md')).toMatch(/no such file/);
    expect(brokenBecause('README.md', '#no-such-heading')).toMatch(/no heading/);
    expect(brokenBecause('README.md', '../shared/DESIGN.md')).toMatch(/outside the repository/);
  });

  it('tells per-commit counters from legitimate prose', () => {
    const counters = [
      "A clean clone's `bash .ci/run` (install, type check, lint, 1,063 tests) took about 12 minutes",
      'README: the last clean-clone CI run (1,063 tests)',
      'the last clean-clone CI run',
      'CI passed in 412 s',
      '13 minutes for 850 tests (the tests 572 s) earlier that day',
      'the test suite took about 11.5 minutes',
    ];
    const prose = [
      '`.ci/run` does all of this on a clean machine',
      "the e2e tests' strokes, each in 30 hands",
      'trains on 400 real MNIST images in Node',
      '10 strokes each: median, p95',
      'ends with one line, `N passed, N failed`, for CI',
      "a loaded CI machine's new worker was itself replaced",
      'the tests run anyway, so one run reports everything',
      'Each CI run installs Chromium when it is missing',
      'after 3 epochs the other nine are read at 90–100% either way',
    ];
    const flagged = (s: string) => PER_COMMIT_COUNTERS.some((re) => re.test(s));
    expect(counters.filter((s) => !flagged(s))).toEqual([]);
    expect(prose.filter(flagged)).toEqual([]);
  });
});

describe('README and docs/', () => {
  it('finds the documents', () => {
    expect(DOCUMENTS).toContain('README.md');
    expect(DOCUMENTS.length).toBeGreaterThan(1);
  });

  it.each(DOCUMENTS)('%s: every relative link and image resolves', (file) => {
    const broken = linkTargets(read(file))
      .filter(({ target }) => !isExternal(target))
      .flatMap(({ line, target }) => {
        const why = brokenBecause(file, target);
        return why ? [`${file}:${line}: ${target}: ${why}`] : [];
      });
    expect(broken).toEqual([]);
  });

  it.each(DOCUMENTS)('%s: no numbers that change with every commit', (file) => {
    // The whole text at once, so that a counter wrapped onto the next line is found too.
    const text = read(file);
    const found = PER_COMMIT_COUNTERS.flatMap((re) =>
      [...text.matchAll(new RegExp(re.source, 'gi'))].map((m) => `${file}:${text.slice(0, m.index).split('\n').length}: ${m[0]}`),
    );
    expect(found).toEqual([]);
  });

  it(`README.md is at most ${README_MAX_LINES} lines`, () => {
    const text = read('README.md');
    const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    expect(lines).toBeLessThanOrEqual(README_MAX_LINES);
  });
});
