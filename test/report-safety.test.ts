/**
 * Hostile metadata, file names and text in the Markdown reports: a real run over a temporary corpus,
 * then checks on the Markdown written. No CommonMark renderer is installed, so the checks read the
 * Markdown the way CommonMark does for the few constructs that matter here: backslash escapes, code
 * spans, autolinks, inline links, raw HTML and GFM table rows.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeValue, formatFixed, formatNumber } from '../pipeline/format.ts';
import { codeName, escapeInline, escapeLine, escapeName, externalLink, link } from '../stages/report/markdown.ts';
import { GENERATED } from '../stages/report/shared.ts';
import { REPORTS_DIR, run, workspace } from './helpers.ts';

const PROSE = 'The ministry said on Monday that the new network would open in March. Officials from three countries attended the meeting in the capital. The agreement covers ports, cables and data centres across the region.';

/** Manifest entries whose url is not a web address, or is one that needs encoding. */
const URLS: Record<string, string> = {
  'js.txt': 'javascript:alert(1)',
  'mixed-case.txt': 'JaVaScRiPt:alert(2)',
  'leading-space.txt': '  javascript:alert(3)',
  'control.txt': '\u0001javascript:alert(4)',
  'data.txt': 'data:text/html;base64,PHNjcmlwdD5hbGVydCg1KTwvc2NyaXB0Pg==',
  'vb.txt': 'vbscript:msgbox(6)',
  'web.txt': 'https://example.com/a b(c)|d',
};

const HOSTILE_NAMES = ['a|b <img src=x onerror=alert(7)> [c] `d`.txt', 'line\nbreak | x.txt', 'has spaces (1).txt'];

const AMP_TEXT = 'AT&amp;T and Johnson & Johnson signed a deal worth &#36;5 on Monday. The lawyers wrote <img src=x onerror=alert(8)> in the filing. Officials from three countries attended the meeting in the capital.';

function yamlString(value: string): string {
  return JSON.stringify(value);
}

const reportsOf = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md'))
    .map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }));

/** The line with backslash escapes, code spans and autolinks (http/https only: what reports may link) removed, and what each held. */
function inlineParts(line: string): { rest: string; autolinks: string[] } {
  const autolinks: string[] = [];
  let rest = '';
  for (let at = 0; at < line.length; ) {
    const char = line[at]!;
    if (char === '\\' && at + 1 < line.length && /[!-/:-@[-`{-~]/.test(line[at + 1]!)) {
      rest += '·';
      at += 2;
      continue;
    }
    const ticks = /^`+/.exec(line.slice(at))?.[0];
    if (ticks) {
      const close = line.indexOf(ticks, at + ticks.length);
      if (close !== -1 && line[close + ticks.length] !== '`') {
        rest += '·';
        at = close + ticks.length;
        continue;
      }
      rest += ticks;
      at += ticks.length;
      continue;
    }
    const autolink = /^<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>/.exec(line.slice(at));
    if (autolink) {
      autolinks.push(autolink[1]!);
      rest += '·';
      at += autolink[0].length;
      continue;
    }
    rest += char;
    at += 1;
  }
  return { rest, autolinks };
}

/** Every link destination a reader could click in the Markdown, and any raw HTML tag other than the pages' own anchors. */
function linksAndHtml(markdown: string): { targets: string[]; html: string[] } {
  const targets: string[] = [];
  const html: string[] = [];
  for (const line of markdown.split('\n')) {
    const { rest, autolinks } = inlineParts(line);
    targets.push(...autolinks);
    for (const match of rest.matchAll(/\]\(([^)\s]*)\)/g)) targets.push(match[1]!);
    const withoutAnchors = line === GENERATED ? '' : rest.replace(/<a id="[\w-]+"><\/a>/g, '');
    for (const match of withoutAnchors.matchAll(/<[A-Za-z/!?][^>]*>?/g)) html.push(match[0]);
  }
  return { targets, html };
}

/** The cells of a GFM table row: split at pipes that are not backslash-escaped. */
const cellsOf = (row: string) => row.split(/(?<!\\)\|/).slice(1, -1);

describe('reports of a corpus with hostile URLs, file names and text', async () => {
  const space = workspace(false);
  const manifest = Object.entries(URLS).map(([file, url]) => `${file}:\n  title: ${yamlString(`Report ${file}`)}\n  url: ${yamlString(url)}\n`);
  writeFileSync(join(space.corpusDir, 'manifest.yaml'), manifest.join('\n'));
  for (const file of Object.keys(URLS)) writeFileSync(join(space.corpusDir, file), `Report ${file}\n\n${PROSE}\n`);
  for (const [index, name] of HOSTILE_NAMES.entries()) writeFileSync(join(space.corpusDir, name), `Named file number ${index + 1}\n\n${PROSE}\n`);
  writeFileSync(join(space.corpusDir, 'amp.txt'), `Ampersands and tags\n\n${AMP_TEXT}\n`);
  const article = `<p>${PROSE}</p><p>Officials from four countries signed it later in the year. The ports will open in the spring.</p>`;
  writeFileSync(
    join(space.corpusDir, 'canonical.html'),
    `<!doctype html><html><head><title>Canonical page</title><link rel="canonical" href=" JavaScript:alert(9)"></head><body><article><h1>Canonical page</h1>${article}</article></body></html>`,
  );
  const { summary } = await run(space);
  const reports = reportsOf(space.reportsDir);
  const documentPages = reports.filter(({ file }) => file.startsWith('documents'));
  const pageWith = (needle: string) => documentPages.find(({ text }) => text.includes(needle))!;

  it('ingests every file', () => {
    expect(summary.documents.added).toBe(Object.keys(URLS).length + HOSTILE_NAMES.length + 2);
  });

  it('link only to http and https URLs, anywhere in the reports', () => {
    const targets = reports.flatMap(({ text }) => linksAndHtml(text).targets);
    expect(targets.length).toBeGreaterThan(10);
    for (const target of targets) expect(target, target).not.toMatch(/^\s*(?!https?:)[A-Za-z][A-Za-z0-9+.-]*:/);
    expect(targets).toContain('https://example.com/a%20b(c)%7Cd');
  });

  it('show any other URL as escaped text in the URL row of its document page', () => {
    for (const [file, url] of Object.entries(URLS)) {
      if (url.startsWith('https:')) continue;
      const row = pageWith(`# Report ${file.replace(/_/g, '\\_')}`).text.split('\n').find((line) => line.startsWith('| URL |'))!;
      expect(cellsOf(row), file).toHaveLength(2);
      expect(row).not.toContain('<');
      expect(row).toContain(escapeName(url.trim()));
    }
    const canonical = pageWith('# Canonical page').text.split('\n').find((line) => line.startsWith('| URL |'))!;
    expect(canonical).toBe('| URL | JavaScript:alert(9) |');
  });

  it('keep the metadata table whole and show no raw HTML whatever the file name', () => {
    for (const [index, name] of HOSTILE_NAMES.entries()) {
      const { text } = pageWith(`# Named file number ${index + 1}`);
      const lines = text.split('\n');
      const start = lines.indexOf('| Field | Value |');
      const rows = lines.slice(start, lines.indexOf('', start));
      expect(rows.map((row) => row.split(' | ')[0]), name).toEqual(['| Field', '| ---', '| Document id', '| File', '| Source', '| Kind', '| Published', '| Author', '| Language', '| URL', '| Words', '| Encoding']);
      for (const row of rows) expect(cellsOf(row), row).toHaveLength(2);
      expect(rows[3]).toBe(`| File | ${codeName(`corpus/${name}`)} |`);
    }
    for (const { file, text } of reports) expect(linksAndHtml(text).html, file).toEqual([]);
  });

  it('show article text as stored: an entity stays an entity, a tag stays text', () => {
    const { text } = pageWith('# Ampersands and tags');
    const paragraph = text.split('\n').find((line) => line.startsWith('<a id="p2"></a>'))!;
    expect(paragraph).toContain('AT\\&amp;T and Johnson & Johnson signed a deal worth \\&#36;5 on Monday.');
    expect(paragraph).toContain('The lawyers wrote \\<img src=x onerror=alert(8)\\> in the filing.');
    expect(linksAndHtml(text).html).toEqual([]);
  });
});

describe('Markdown escapes', () => {
  it('escape an ampersand only where it would start an entity', () => {
    expect(escapeInline('AT&amp;T, R&D, &#169; &#x41; &copy; & more')).toBe('AT\\&amp;T, R&D, \\&#169; \\&#x41; \\&copy; & more');
  });

  it('keep a table row on one line whatever line breaks the text has', () => {
    expect(escapeInline('one\r\ntwo\rthree\n\nfour')).toBe('one two three four');
  });

  it('escape markup that only counts at the start of a line in a quote', () => {
    expect(escapeLine('1. First')).toBe('1\\. First');
    expect(escapeLine('- item')).toBe('\\- item');
    expect(escapeLine('# Not a heading')).toBe('\\# Not a heading');
    expect(escapeLine('In 1945. Then')).toBe('In 1945. Then');
  });

  it('show control characters in a name as control pictures, on one line', () => {
    expect(escapeName('line\nbreak\t|x')).toBe('line␊break␉\\|x');
  });

  it('put a name in a code span long enough for its backticks, with pipes escaped', () => {
    expect(codeName('corpus/a.txt')).toBe('`corpus/a.txt`');
    expect(codeName('a `b` c|d')).toBe('``a `b` c\\|d``');
    expect(codeName('`x')).toBe('`` `x ``');
  });

  it('link only http and https URLs', () => {
    expect(externalLink('https://example.com/x y')).toBe('<https://example.com/x%20y>');
    expect(externalLink('HTTP://Example.com/a|b`c')).toBe('<http://example.com/a%7Cb%60c>');
    for (const url of ['javascript:alert(1)', ' https://example.com', 'data:,x', 'vbscript:x', 'file:///etc/passwd', 'https:no-slashes', 'mailto:a@b.c']) {
      expect(externalLink(url), url).not.toMatch(/^</);
    }
  });

  it('encode a link target so spaces and parentheses do not end it', () => {
    expect(link('a [b]', 'documents/x (1) y.md#p2')).toBe('[a \\[b\\]](documents/x%20%281%29%20y.md#p2)');
  });
});

describe('numbers in the bundled corpus\'s reports', () => {
  it('are grouped the same in prose and in tables', () => {
    const index = readFileSync(join(REPORTS_DIR, 'index.md'), 'utf8');
    const narratives = readFileSync(join(REPORTS_DIR, 'narratives.md'), 'utf8');
    const critiqueWords = /\| critique \| [^|]+ \| ([\d,]+) \|/.exec(index)![1]!;
    expect(critiqueWords).toBe('5,454');
    expect(narratives).toContain(`## Side: critique\n1 document, ${critiqueWords} words:`);
  });
});

describe('formatNumber', () => {
  it('keeps every decimal and groups only the integer part', () => {
    expect(formatNumber(14.5123)).toBe('14.5123');
    expect(formatNumber(1234567.891)).toBe('1,234,567.891');
    expect(formatNumber(0.0001234)).toBe('0.0001234');
  });

  it('groups negatives and large numbers, the same in every locale', () => {
    expect(formatNumber(-1234.5)).toBe('-1,234.5');
    expect(formatNumber(-999)).toBe('-999');
    expect(formatNumber(5454)).toBe('5,454');
    expect(formatNumber(12345678901234)).toBe('12,345,678,901,234');
    expect(formatNumber(1e21)).toBe('1,000,000,000,000,000,000,000');
    expect(formatNumber(-0)).toBe('0');
  });

  it('formats fixed decimals and figure values with the same grouping', () => {
    expect(formatFixed(1234.5, 2)).toBe('1,234.50');
    expect(formatFixed(-0.001, 2)).toBe('0.00');
    expect(describeValue(1234.5678, 'USD')).toBe('1,234.568 USD');
    expect(describeValue(2.5e12, 'USD')).toBe('2,500 billion USD');
    expect(describeValue(-14.5123, 'percent')).toBe('-14.512%');
  });
});
