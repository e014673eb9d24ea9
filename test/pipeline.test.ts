import { appendFileSync, copyFileSync, cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { digestReports } from '../pipeline/corpus-state.ts';
import { exportStore } from '../pipeline/export.ts';
import { runPipeline, titleFromText } from '../pipeline/run-pipeline.ts';
import { FatalError } from '../pipeline/errors.ts';
import { BBC_DIR, run, tempDir, workspace } from './helpers.ts';

function openDb(path: string) {
  return new Database(path, { readonly: true });
}

function count(dbPath: string, sql: string, ...params: unknown[]): number {
  const db = openDb(dbPath);
  try {
    return (db.prepare(sql).get(...params) as { n: number }).n;
  } finally {
    db.close();
  }
}

function exported(dbPath: string) {
  const db = openDb(dbPath);
  try {
    return exportStore(db);
  } finally {
    db.close();
  }
}

describe('runs over the bundled corpus', () => {
  it('stores the five seeds with their manifest metadata', async () => {
    const space = workspace();
    const { summary } = await run(space);
    expect(summary.documents).toMatchObject({ added: 5, changed: 0, unchanged: 0, removed: 0, rejected: 0 });
    const { documents } = exported(space.dbPath);
    expect(documents.map((d) => [d.path, d.kind, d.published, d.published_earliest])).toEqual([
      ['000_a1abb57812357fd8.txt', 'press', '2020-11', '2020-11-25'],
      ['001_a5905505a034775a.txt', 'press', '2020', '2020-08-06'],
      ['002_f9bcec1626e2c574.txt', 'press', '2020-08', '2020-08-05'],
      ['003_1ca09edad87b2863.txt', 'press', '2020-10', '2020-10-14'],
      ['004_00a5cb55c041b86a.txt', 'critique', '2020', '2020-08-17'],
    ]);
    expect(documents.every((d) => d.language === 'en' && d.id === d.content_hash.slice(0, 16))).toBe(true);
  });

  it('sets a document\'s metadata again when its manifest entry changes or goes', async () => {
    const space = workspace();
    await run(space);
    const manifest = join(space.corpusDir, 'manifest.yaml');
    const original = readFileSync(manifest, 'utf8');
    const entry = /000_a1abb57812357fd8\.txt:\n(?: {2}.*\n)+/.exec(original)![0];
    const seed = () => exported(space.dbPath).documents.find((document) => document.path === '000_a1abb57812357fd8.txt')!;
    const firstLine = readFileSync(join(space.corpusDir, '000_a1abb57812357fd8.txt'), 'utf8').split('\n', 1)[0]!.trim();
    expect(seed().title).toMatch(/^Krach's Latin American tour/);
    writeFileSync(manifest, original.replace(entry, ''));
    await run(space);
    expect([seed().title, seed().kind, seed().source]).toEqual([titleFromText(firstLine), 'unknown', null]);
    writeFileSync(manifest, original.replace(entry, entry.replace('  source: unnamed news outlet\n', '  source: another outlet\n')));
    await run(space);
    expect([seed().title, seed().kind, seed().source]).toMatchObject([expect.stringMatching(/^Krach's Latin American tour/), 'press', 'another outlet']);
  });

  it('processes nothing again on a second run, and everything with --force, with the same result', async () => {
    const space = workspace();
    await run(space);
    const first = exported(space.dbPath);
    const again = await run(space);
    expect(again.summary.documents).toMatchObject({ added: 0, changed: 0, reprocessed: 0, unchanged: 5 });
    expect(again.summary.seconds.ingest).toBeUndefined();
    const forced = await run(space, { force: true });
    expect(forced.summary.documents).toMatchObject({ reprocessed: 5, unchanged: 0 });
    expect(exported(space.dbPath)).toEqual(first);
  });

  it('re-processes the documents of a stage whose version changed', async () => {
    const space = workspace();
    await run(space);
    const db = new Database(space.dbPath);
    db.prepare("UPDATE _document_stages SET version = 'old' WHERE stage = 'segment' AND document_id = (SELECT document_id FROM document_files WHERE path = ?)").run('001_a5905505a034775a.txt');
    db.close();
    const { summary } = await run(space);
    expect(summary.documents).toMatchObject({ reprocessed: 1, unchanged: 4 });
    expect(count(space.dbPath, "SELECT count(*) AS n FROM _document_stages WHERE version = 'old'")).toBe(0);
  });

  it('replaces a changed document and leaves nothing of its old text behind', async () => {
    const space = workspace();
    await run(space);
    const before = exported(space.dbPath).documents.find((d) => d.path.startsWith('001'))!;
    appendFileSync(join(space.corpusDir, '001_a5905505a034775a.txt'), '\nA new closing sentence about Serbia was added later.\n');
    const { summary } = await run(space);
    expect(summary.documents).toMatchObject({ changed: 1, unchanged: 4 });
    const after = exported(space.dbPath);
    expect(after.documents.find((d) => d.path.startsWith('001'))!.id).not.toBe(before.id);
    for (const table of ['documents', 'paragraphs', 'sentences', '_document_stages', 'boilerplate_blocks']) {
      expect(count(space.dbPath, `SELECT count(*) AS n FROM ${table} WHERE ${table === 'documents' ? 'id' : 'document_id'} = ?`, before.id)).toBe(0);
    }
    expect(after.sentences.some((s) => s.text === 'A new closing sentence about Serbia was added later.')).toBe(true);
  });

  it('removes a document whose file is gone, including from the search index', async () => {
    const space = workspace();
    await run(space);
    rmSync(join(space.corpusDir, '003_1ca09edad87b2863.txt'));
    const { summary } = await run(space);
    expect(summary.documents).toMatchObject({ removed: 1, unchanged: 4 });
    expect(summary.tables.documents).toBe(4);
    expect(count(space.dbPath, "SELECT count(*) AS n FROM sentences_fts WHERE sentences_fts MATCH '\"always denied\"'")).toBe(0);
    expect(count(space.dbPath, "SELECT count(*) AS n FROM sentences_fts WHERE sentences_fts MATCH 'Huawei'")).toBeGreaterThan(0);
  });

  it('stores two files with identical text once, with both paths, processed once, and warns naming the duplicate', async () => {
    const space = workspace();
    copyFileSync(join(space.corpusDir, '002_f9bcec1626e2c574.txt'), join(space.corpusDir, 'copy-of-002.txt'));
    const { summary, lines } = await run(space);
    expect(summary.processed).toBe(5);
    expect(summary.documents.added).toBe(6);
    expect(summary.tables.documents).toBe(5);
    expect(summary.documents.duplicates).toBe(1);
    expect(lines).toContain(`warning: ${join(space.corpusDir, 'copy-of-002.txt')}: has the same text as 002_f9bcec1626e2c574.txt; stored once as one document with both paths`);
    const doc = exported(space.dbPath).documents.find((d) => d.path === '002_f9bcec1626e2c574.txt')!;
    expect(doc.paths).toEqual(['002_f9bcec1626e2c574.txt', 'copy-of-002.txt']);
    // Removing one of the two keeps the document under the other path.
    rmSync(join(space.corpusDir, '002_f9bcec1626e2c574.txt'));
    const after = await run(space);
    expect(after.summary.tables.documents).toBe(5);
    expect(exported(space.dbPath).documents.find((d) => d.id === doc.id)!.paths).toEqual(['copy-of-002.txt']);
  });

  it('gives the same store and byte-identical reports whatever the concurrency, in worker threads or not', async () => {
    const one = workspace();
    const many = workspace();
    // 20 BBC articles, with an exact duplicate pair and the one that is not UTF-8.
    const bbc = ['business/001.txt', 'business/002.txt', 'business/003.txt', 'entertainment/001.txt', 'entertainment/002.txt', 'politics/001.txt', 'politics/002.txt', 'politics/003.txt', 'sport/001.txt', 'sport/002.txt', 'sport/199.txt', 'tech/001.txt', 'tech/002.txt', 'tech/003.txt', 'tech/004.txt', 'tech/005.txt', 'tech/006.txt', 'tech/007.txt', 'tech/131.txt', 'tech/179.txt'];
    for (const space of [one, many]) for (const file of bbc) cpSync(join(BBC_DIR, file), join(space.corpusDir, `bbc-${file.replace('/', '-')}`));
    const sequential = await run(one, { concurrency: 1 });
    // Worker threads from 16 documents, for the test (they repay their start only from a few hundred).
    const parallel = await run(many, { concurrency: 8, minDocumentsForWorkers: 16 });
    expect(sequential.summary.workers).toBe(0);
    // 25 files, one a byte-for-byte copy of another: 24 processed, in either mode.
    expect([sequential.summary.processed, parallel.summary.processed]).toEqual([24, 24]);
    expect(parallel.summary.workers).toBeGreaterThanOrEqual(Math.min(2, availableParallelism()));
    expect(parallel.summary.documents).toEqual(sequential.summary.documents);
    expect(parallel.lines.map((line) => line.replace(many.corpusDir, ''))).toEqual(sequential.lines.map((line) => line.replace(one.corpusDir, '')));
    expect(JSON.stringify(exported(many.dbPath))).toBe(JSON.stringify(exported(one.dbPath)));
    const files = (dir: string) => (readdirSync(dir, { recursive: true }) as string[]).sort().map((file) => [file, statSync(join(dir, file)).isFile() ? readFileSync(join(dir, file), 'utf8') : '']);
    expect(files(many.reportsDir)).toEqual(files(one.reportsDir));
    expect(files(one.reportsDir).length).toBeGreaterThan(10);
  });

  it('ingests a file without metadata as kind unknown, titled by its first line', async () => {
    const space = workspace(false);
    writeFileSync(join(space.corpusDir, 'note.txt'), 'Serbia buys Huawei cameras\n\nSerbia has been working on a project with Huawei.\n');
    await run(space);
    expect(exported(space.dbPath).documents[0]).toMatchObject({ title: 'Serbia buys Huawei cameras', kind: 'unknown', published: null });
  });

  it('fails with one line when the corpus folder does not exist', async () => {
    const space = workspace(false);
    await expect(run({ ...space, corpusDir: join(space.root, 'missing') })).rejects.toThrow(new FatalError(`${join(space.root, 'missing')}: corpus folder does not exist`));
  });
});

describe('the reports folder as the corpus stages name it', () => {
  it('is named by its files, nested ones included, with their sizes and times: not by its folders', async () => {
    const space = workspace();
    await run(space);
    const digest = digestReports(space.reportsDir);
    // The same as a recursive listing of every path gives (what stores before this listing recorded).
    const definition = createHash('sha256');
    for (const entry of readdirSync(space.reportsDir, { recursive: true, encoding: 'utf8' }).sort()) {
      const stats = statSync(join(space.reportsDir, entry));
      if (stats.isFile()) definition.update(`${entry}\u001f${stats.size}\u001f${stats.mtimeMs}\u001e`);
    }
    expect(digest).toBe(definition.digest('hex'));
    mkdirSync(join(space.reportsDir, 'empty', 'deeper'), { recursive: true });
    expect(digestReports(space.reportsDir)).toBe(digest);
    const page = join(space.reportsDir, 'documents', readdirSync(join(space.reportsDir, 'documents'))[0]!);
    appendFileSync(page, '\n');
    expect(digestReports(space.reportsDir)).not.toBe(digest);
    expect(digestReports(join(tempDir(), 'none'))).toBe('missing');
  });
});

describe('bad input is skipped with one line naming the file and the reason, and nothing stored is lost', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  const cases: { name: string; file: string; content: Buffer | string; reason: RegExp }[] = [
    { name: 'an empty file', file: 'empty.txt', content: '', reason: /empty\.txt: is empty or only white space \(skipped\)$/ },
    { name: 'a whitespace-only file', file: 'blank.txt', content: ' \n\t\n  ', reason: /blank\.txt: is empty or only white space \(skipped\)$/ },
    { name: 'a PNG renamed .txt', file: 'image.txt', content: png, reason: /image\.txt: is not text \(PNG image\) \(skipped\)$/ },
    { name: 'bytes that are not text in any encoding', file: 'garbage.txt', content: Buffer.from([0x48, 0x69, 0x81, 0x8d, 0x90]), reason: /garbage\.txt: is not valid UTF-8 \(first bad byte at offset 2\) and does not read as windows-1252 either \(skipped\)$/ },
    { name: 'an HTML page with no article text', file: 'frame.html', content: '<html><frameset><frame src="a.html"></frameset></html>', reason: /frame\.html: HTML page has no article text \(skipped\)$/ },
    { name: 'a file over the size limit', file: 'huge.txt', content: 'word '.repeat(12_000), reason: /huge\.txt: is 60 KB, over the size limit of 50 KB \(--max-size\) \(skipped\)$/ },
    { name: 'an unsupported file type', file: 'slides.pdf', content: '%PDF-1.4', reason: /slides\.pdf: unsupported file type .* \(skipped\)$/ },
  ];

  for (const { name, file, content, reason } of cases) {
    it(name, async () => {
      const space = workspace();
      await run(space, { maxBytes: 50_000 });
      const before = exported(space.dbPath);
      writeFileSync(join(space.corpusDir, file), content);
      const { summary, lines } = await run(space, { maxBytes: 50_000 });
      expect(summary.documents).toMatchObject({ rejected: 1, unchanged: 5 });
      expect(exported(space.dbPath)).toEqual(before);
      const errors = lines.filter((line) => line.startsWith('error:'));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(reason);
      expect(errors[0]).not.toContain('\n');
    });
  }

  it('a file that turns bad keeps its stored document', async () => {
    const space = workspace();
    await run(space);
    const before = exported(space.dbPath);
    writeFileSync(join(space.corpusDir, '000_a1abb57812357fd8.txt'), '');
    const { summary } = await run(space);
    expect(summary.documents).toMatchObject({ rejected: 1, removed: 0, unchanged: 4 });
    expect(exported(space.dbPath)).toEqual(before);
  });

  it('a dangling link is skipped with a warning, read or not', async () => {
    const space = workspace();
    symlinkSync(join(space.root, 'nowhere.txt'), join(space.corpusDir, 'dangling.txt'));
    const { summary, lines } = await run(space, { followSymlinks: true });
    expect(summary.documents).toMatchObject({ added: 5, rejected: 0 });
    expect(lines).toContain(`warning: ${join(space.corpusDir, 'dangling.txt')}: is a symbolic link that leads nowhere; not read, and nothing stored from it is kept`);
  });

  it('metadata with an unparseable date skips that file only', async () => {
    const space = workspace();
    appendFileSync(join(space.corpusDir, 'manifest.yaml'), '\nextra.txt:\n  published: August the 5th\n');
    writeFileSync(join(space.corpusDir, 'extra.txt'), 'Pompeo spoke on Wednesday.\n');
    const { summary, lines } = await run(space);
    expect(summary.documents).toMatchObject({ added: 5, rejected: 1 });
    expect(lines).toContain(`error: ${join(space.corpusDir, 'extra.txt')}: unparseable published date "August the 5th" in manifest.yaml (expected YYYY, YYYY-MM or YYYY-MM-DD) (skipped)`);
  });

  it('a windows-1252 file is decoded with a warning that names the first bad byte', async () => {
    const space = workspace(false);
    mkdirSync(space.corpusDir, { recursive: true });
    writeFileSync(join(space.corpusDir, 'latin.txt'), iconv.encode('The café’s owner said no.', 'windows-1252'));
    const { summary, lines } = await run(space);
    expect(summary.documents.added).toBe(1);
    expect(lines).toEqual([`warning: ${join(space.corpusDir, 'latin.txt')}: not valid UTF-8 (first bad byte at offset 7); decoded as windows-1252`]);
    expect(exported(space.dbPath).documents[0]!.text).toBe('The café’s owner said no.');
  });

  it('a UTF-16 file with a byte-order mark is decoded, not rejected', async () => {
    const space = workspace(false);
    writeFileSync(join(space.corpusDir, 'wide.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Krach visited Chile.', 'utf16le')]));
    const { summary } = await run(space);
    expect(summary.documents).toMatchObject({ added: 1, rejected: 0 });
    expect(exported(space.dbPath).documents[0]).toMatchObject({ text: 'Krach visited Chile.', encoding: 'utf-16le' });
  });

  it('runPipeline is usable directly with the default options shape', async () => {
    const space = workspace(false);
    writeFileSync(join(space.corpusDir, 'a.txt'), 'One sentence.');
    const summary = await runPipeline({ corpusDir: space.corpusDir, dbPath: space.dbPath, reportsDir: space.reportsDir, concurrency: 1, force: false, maxBytes: 1000, progress: 'off', log: () => {} });
    expect(summary.tables).toMatchObject({ documents: 1, sentences: 1, paragraphs: 1 });
  });
});
