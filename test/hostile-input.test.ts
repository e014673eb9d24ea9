/**
 * Hostile input that made the pipeline slow, and text that could make a report lie about what it shows.
 * The caps that keep every stage linear are checked by what they bound (no timing here; the times are
 * `npm run bench:hostile`'s): wink never reads a run longer than MAX_WINK_RUN, a 2 MB single line
 * becomes bounded paragraphs and sentences, and a long document is tagged in bounded chunks, with
 * every offset still slicing back to its text. Bidirectional controls are removed by ingest, so neither
 * the stored text, nor a page's title or site name, nor the reports hold them.
 */
import Database from 'better-sqlite3';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Doc } from '../pipeline/doc.ts';
import { DOCUMENT_STAGES } from '../stages/index.ts';
import { MAX_TAGGED_SPAN, taggingChunks } from '../stages/parse/index.ts';
import { MAX_WINK_RUN, winkTokens } from '../stages/parse/tagger.ts';
import { MAX_PARAGRAPH, MAX_SENTENCE, segmentText } from '../stages/segment/index.ts';
import { ingestContent, makeDoc, readSeed, run, SEED_FILES, workspace } from './helpers.ts';

/** Runs the per-document stages up to and including `last`. */
function runStages(path: string, content: string, last = 'extract-claims'): Doc {
  const doc = makeDoc(path, content);
  for (const stage of DOCUMENT_STAGES) {
    (doc.data as Record<string, unknown>)[stage.provides] = stage.run(doc, { options: { maxBytes: 10_000_000 }, warn: () => {} });
    if (stage.name === last) break;
  }
  return doc;
}

/** Every located item of the stages that ran slices back to its text, and lies in the text. */
function expectOffsetsHold(doc: Doc): void {
  const text = doc.data.ingest!.text;
  for (const item of [...doc.data.segment!.paragraphs, ...doc.data.segment!.sentences]) {
    expect(item.start).toBeGreaterThanOrEqual(0);
    expect(item.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(item.start, item.end).trim()).toBe(text.slice(item.start, item.end));
  }
  for (const token of doc.data.parse?.sentences.flatMap((sentence) => sentence.tokens) ?? []) expect(text.slice(token.start, token.end)).toBe(token.text);
  for (const mention of doc.data.entities ?? []) expect(text.slice(mention.start, mention.end)).toBe(mention.text);
  for (const figure of doc.data.figures ?? []) expect(text.slice(figure.start, figure.end)).toBe(figure.quote);
  for (const claim of doc.data.claims ?? []) expect(text.slice(claim.start, claim.end)).toBe(claim.text);
}

const ORDINARY = 'Huawei had 91 contracts in 2019, Krach said. “The council met on Tuesday and agreed,” he said. The company denied it, according to the ministry. ';

describe('caps that keep every stage linear', () => {
  it('hands wink no run without spaces longer than MAX_WINK_RUN: a 5,000-character run of "-", "&", "%" or "/" gives it no token', () => {
    for (const mark of ['-', '&', '%', '/']) {
      const run = mark.repeat(5_000);
      const text = `The council met. ${run} Then it ended.`;
      const tokens = winkTokens(text);
      const from = text.indexOf(run);
      expect(tokens.filter((token) => token.start >= from && token.end <= from + run.length), mark).toEqual([]);
      // The words around the run are still read, where they are.
      expect(tokens.map((token) => token.text)).toEqual(['The', 'council', 'met', '.', 'Then', 'it', 'ended', '.']);
      for (const token of tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
    }
    // A run at the cap is still read: the cap changes nothing shorter.
    const atCap = `See ${'a/'.repeat(MAX_WINK_RUN / 2)} now`;
    expect(winkTokens(atCap).some((token) => token.text.includes('a'))).toBe(true);
  });

  it('reads a 100,000-character run of "-" as bounded sentences and tokens whose offsets slice back', () => {
    const doc = runStages('dashes.txt', `The council met on Monday. ${'-'.repeat(100_000)} Huawei had 91 contracts, Krach said.`);
    const { sentences } = doc.data.segment!;
    expect(sentences.length).toBeGreaterThanOrEqual(100_000 / MAX_SENTENCE);
    for (const sentence of sentences) expect(sentence.end - sentence.start).toBeLessThanOrEqual(MAX_SENTENCE);
    for (const token of doc.data.parse!.sentences.flatMap((sentence) => sentence.tokens)) expect(token.end - token.start).toBeLessThanOrEqual(MAX_SENTENCE);
    expect(doc.data.parse!.sentences.flatMap((sentence) => sentence.tokens).map((token) => token.text)).toEqual(expect.arrayContaining(['Huawei', 'contracts', 'Krach']));
    expectOffsetsHold(doc);
  });

  it('splits a 2 MB single line of ordinary sentences into paragraphs of whole sentences of bounded length', () => {
    const line = ORDINARY.repeat(Math.ceil(2_000_000 / ORDINARY.length));
    const doc = runStages('line.txt', line, 'segment');
    const text = doc.data.ingest!.text;
    expect(text.length).toBeGreaterThan(1_900_000);
    expect(text).not.toContain('\n');
    const { paragraphs, sentences } = doc.data.segment!;
    // Bounded whatever the caps are set to: no piece of the line is longer than a long article's paragraph.
    for (const paragraph of paragraphs) expect(paragraph.end - paragraph.start).toBeLessThanOrEqual(Math.min(MAX_PARAGRAPH, 50_000));
    for (const sentence of sentences) expect(sentence.end - sentence.start).toBeLessThanOrEqual(Math.min(MAX_SENTENCE, 5_000));
    // Paragraphs are cut between sentences, and every sentence lies in the paragraph it names.
    for (const sentence of sentences) {
      const paragraph = paragraphs[sentence.paragraph - 1]!;
      expect(sentence.start >= paragraph.start && sentence.end <= paragraph.end).toBe(true);
    }
    expect(sentences.filter((sentence) => text.slice(sentence.start, sentence.end) === 'Huawei had 91 contracts in 2019, Krach said.').length).toBeGreaterThan(10_000);
    // The long line's sentences are the ones the same text has as short paragraphs.
    const short = segmentText(ORDINARY.repeat(40));
    expect(sentences.slice(0, 30).map((s) => text.slice(s.start, s.end))).toEqual(short.sentences.slice(0, 30).map((s) => ORDINARY.repeat(40).slice(s.start, s.end)));
    expectOffsetsHold(doc);

    // wink reads such a document in chunks of whole paragraphs, each of bounded length.
    const chunks = taggingChunks(sentences);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.at(-1)!.end - chunk[0]!.start).toBeLessThanOrEqual(Math.min(MAX_TAGGED_SPAN + MAX_PARAGRAPH, 500_000));
    expect(chunks.flat()).toEqual(sentences);
  });

  it('tags and extracts a 300 KB single line in chunks, with offsets that slice back and speakers resolved to its end', () => {
    const line = ORDINARY.repeat(Math.ceil(300_000 / ORDINARY.length));
    const doc = runStages('line.txt', line);
    expect(taggingChunks(doc.data.segment!.sentences).length).toBeGreaterThan(1);
    expect(doc.data.parse!.sentences.map((sentence) => sentence.ordinal)).toEqual(doc.data.segment!.sentences.map((sentence) => sentence.ordinal));
    expectOffsetsHold(doc);
    // Each "Krach said" sentence is a claim of Krach's, the last ones as the first, and "he said"
    // resolves to the person who spoke before, also at the end of the document.
    for (const opening of ['Huawei had 91 contracts in 2019', 'The council met on Tuesday and agreed']) {
      const claims = doc.data.claims!.filter((claim) => claim.text === opening);
      expect(claims.length, opening).toBeGreaterThan(1_500);
      expect(new Set(claims.map((claim) => claim.speakerText)), opening).toEqual(new Set(['Krach']));
    }
  });

  it('leaves the seeds and their paragraphs as they are: no real article reaches a cap', () => {
    for (const name of SEED_FILES) {
      const { text } = ingestContent(name, readSeed(name));
      const { paragraphs, sentences } = segmentText(text);
      expect(paragraphs.map((p) => text.slice(p.start, p.end)).join('\n\n'), name).toBe(text);
      expect(taggingChunks(sentences).length, name).toBe(1);
      expect(text.match(/\S+/g)!.every((word) => word.length <= MAX_WINK_RUN), name).toBe(true);
    }
  });
});

/** The bidirectional embeddings, overrides and isolates. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;

const ARTICLE = [
  'Police warn of invoice scam',
  '',
  'Customers received an e-mail with an attachment named “invoice_\u202Excod.exe”, which displays as a document, police said on Tuesday.',
  '',
  'The sender signed as \u2067مرحبا\u2069 and used the reference \u202AREF-2020\u202C \u202B91\u202C, the bank said.',
].join('\n');

const PAGE = `<!DOCTYPE html><html lang="en"><head>
<title>Bank \u202Ewarns\u202C customers | Daily News</title>
<meta property="og:site_name" content="Daily \u2066News\u2069">
</head><body><article class="story \u202Emain">
<h1>Bank \u202Ewarns\u202C customers</h1>
<p>Customers received an e-mail with an attachment named invoice_\u202Excod.exe, police said on Tuesday, and 91 of them opened it.</p>
<p>The bank said it had blocked the sender and would refund every customer who paid.</p>
</article><div class="comments \u202Ex"><p>Great article!</p><p>Great article!</p></div></body></html>`;

describe('bidirectional controls', () => {
  it('are removed from a text article, and the words they surrounded are kept', () => {
    const { text } = ingestContent('scam.txt', ARTICLE);
    expect(text).not.toMatch(BIDI_CONTROLS);
    expect(text).toContain('“invoice_xcod.exe”, which displays');
    expect(text).toContain('signed as مرحبا and used the reference REF-2020 91, the bank said.');
  });

  it('are removed from an HTML page’s text, its title and site name, and where removed blocks were', () => {
    const { text, meta, removed } = ingestContent('scam.html', PAGE);
    expect(text).not.toMatch(BIDI_CONTROLS);
    expect(text).toContain('named invoice_xcod.exe, police said');
    expect(meta.title).toBe('Bank warns customers');
    expect(meta.source).toBe('Daily News');
    for (const value of Object.values(meta)) expect(String(value)).not.toMatch(BIDI_CONTROLS);
    for (const block of removed) expect(block.location).not.toMatch(BIDI_CONTROLS);
  });

  it('reach neither the store nor any report of a real run', async () => {
    const space = workspace(false);
    writeFileSync(join(space.corpusDir, 'scam.txt'), ARTICLE);
    writeFileSync(join(space.corpusDir, 'scam.html'), PAGE);
    await run(space);
    const reports = readdirSync(space.reportsDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    expect(reports.length).toBeGreaterThan(2);
    for (const entry of reports) expect(readFileSync(join(entry.parentPath, entry.name), 'utf8'), entry.name).not.toMatch(BIDI_CONTROLS);
    const db = new Database(space.dbPath, { readonly: true });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    for (const table of tables) expect(JSON.stringify(db.prepare(`SELECT * FROM "${table}"`).raw().all()), table).not.toMatch(BIDI_CONTROLS);
    expect(db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(2);
    db.close();
    expect(reports.map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8')).join('\n')).toContain('Bank warns customers');
  });
});
