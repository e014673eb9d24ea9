/**
 * The HTML extractor on the project's own synthetic pages (test/fixtures/html, made by make-pages.ts in
 * the styles of news sites and blogs), scored like `npm run bench:html` scores the real development set;
 * it fails below the targets. The real set is too large for CI and lives in ../shared/html-dev.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../stages/ingest/index.ts';
import { InputError } from '../pipeline/errors.ts';
import { cli, ingestContent, run, workspace } from './helpers.ts';

interface ExpectedPage {
  file: string;
  with: string[];
  without: string[];
  title: string;
  author?: string;
  date: string;
}

const FIXTURES = new URL('./fixtures/html/', import.meta.url);
const pages = JSON.parse(readFileSync(new URL('expected.json', FIXTURES), 'utf8')) as ExpectedPage[];
const fold = (text: string) => text.replace(/\s+/g, ' ').toLowerCase();

describe('HTML extraction on synthetic news pages', () => {
  const results = pages.map((page) => ({ page, extracted: extractPage(readFileSync(new URL(page.file, FIXTURES), 'utf8')) }));

  it('finds at least 95% of the article snippets and keeps at most 5% of the boilerplate ones', () => {
    let found = 0;
    let leaked = 0;
    for (const { page, extracted } of results) {
      const text = fold(extracted.text);
      found += page.with.filter((snippet) => text.includes(fold(snippet))).length;
      leaked += page.without.filter((snippet) => text.includes(fold(snippet))).length;
    }
    const wanted = pages.reduce((sum, page) => sum + page.with.length, 0);
    const unwanted = pages.reduce((sum, page) => sum + page.without.length, 0);
    console.log(`synthetic pages: ${found}/${wanted} snippets found, ${leaked}/${unwanted} boilerplate snippets kept`);
    expect(found / wanted).toBeGreaterThanOrEqual(0.95);
    expect(leaked / unwanted).toBeLessThanOrEqual(0.05);
  });

  it('reads the publication date of at least 90% of the pages, and their titles', () => {
    const dated = results.filter(({ page, extracted }) => extracted.meta.published === page.date).length;
    expect(dated / pages.length).toBeGreaterThanOrEqual(0.9);
    expect(results.filter(({ page, extracted }) => extracted.meta.title === page.title).length).toBeGreaterThanOrEqual(9);
    for (const { page, extracted } of results.filter((result) => result.page.author)) expect(extracted.meta.author, page.file).toBe(page.author);
  });

  it('keeps headings, paragraphs and list items as separate blocks in order', () => {
    const listicle = results.find(({ page }) => page.file === 'listicle.html')!.extracted.text.split('\n\n');
    const at = (text: string) => listicle.findIndex((block) => block.startsWith(text));
    expect(at('1. The ridge loop')).toBeGreaterThan(at('Five trails for a winter walk'));
    expect(at('2. The river path')).toBeGreaterThan(at('1. The ridge loop'));
    expect(at('Bring a thermos')).toBeGreaterThan(at('2. The river path'));
  });
});

describe('bad pages', () => {
  it('gives each a one-line error and the run goes on', async () => {
    const space = workspace(false);
    const files: Record<string, string | Buffer> = {
      'no-body.html': '<html><head><title>Nothing here</title></head></html>',
      'frameset.html': '<html><frameset><frame src="a.html"><frame src="b.html"></frameset></html>',
      'report.html': Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(64, 1)]),
      'nested.html': `<html><body>${'<div>'.repeat(10_000)}<p>Deep.</p>${'</div>'.repeat(10_000)}</body></html>`,
      'good.html.gz': gzipSync(readFileSync(new URL('press-release.html', FIXTURES))),
    };
    for (const [name, content] of Object.entries(files)) writeFileSync(join(space.corpusDir, name), content);
    const { summary, lines } = await run(space);
    expect(summary.documents).toMatchObject({ added: 1, rejected: 4 });
    const errors = lines.filter((line) => line.startsWith('error:')).map((line) => line.replace(`${space.corpusDir}/`, ''));
    expect(errors).toEqual([
      'error: frameset.html: HTML page has no article text (skipped)',
      'error: nested.html: HTML is nested more than 512 elements deep (skipped)',
      'error: no-body.html: HTML page has no article text (skipped)',
      'error: report.html: is not text (PDF document) (skipped)',
    ]);
  });

  it('refuses 20 MB of nested divs in one linear pass, when the size limit lets such a page through', () => {
    const depth = 1_850_000;
    const page = `<html><body>${'<div>'.repeat(depth)}<p>Deep.</p>${'</div>'.repeat(depth)}</body></html>`;
    expect(page.length).toBeGreaterThan(20_000_000);
    expect(() => ingestContent('nested.html', page, 30_000_000)).toThrow(new InputError('nested.html', 'HTML is nested more than 512 elements deep'));
  });

  it('adds a saved page, gzipped or not, with the metadata the page carries', async () => {
    const space = workspace(false);
    const saved = join(space.root, 'rail.html.gz');
    writeFileSync(saved, gzipSync(readFileSync(new URL('news-jsonld.html', FIXTURES))));
    expect((await cli('add', saved, '--kind', 'news', '--corpus', space.corpusDir, '--db', space.dbPath, '--reports', space.reportsDir, '--quiet')).status).toBe(0);
    const exported = JSON.parse((await cli('export', '--db', space.dbPath)).stdout) as { documents: { title: string; author: string; published: string; source: string; language: string; kind: string }[] };
    expect(exported.documents[0]).toMatchObject({ title: 'Rail workers announce a two-day strike', author: 'Daniel Reyes', published: '2022-11-18', source: 'The Daily Ledger', language: 'en', kind: 'news' });
  });
});
