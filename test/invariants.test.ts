/**
 * One invariant over every stored kind of located item: its offsets slice its document's stored text
 * back to exactly its text. New kinds of item join the list below as later stages add them.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { exportStore } from '../pipeline/export.ts';
import { run, workspace } from './helpers.ts';

/** Every table of located items, and the column that holds the quoted text. */
const LOCATED_TABLES = [
  { table: 'paragraphs', quote: 'text' },
  { table: 'sentences', quote: 'text' },
  { table: 'mentions', quote: 'text' },
  { table: 'dates', quote: 'text' },
  { table: 'figures', quote: 'quote' },
  { table: 'claims', quote: 'text' },
];

describe('provenance invariant', async () => {
  const space = workspace();
  await run(space);

  it('every located row in the store slices back to its quote', () => {
    const db = new Database(space.dbPath, { readonly: true });
    const texts = new Map((db.prepare('SELECT id, text FROM documents').all() as { id: string; text: string }[]).map((row) => [row.id, row.text]));
    let checked = 0;
    for (const { table, quote } of LOCATED_TABLES) {
      const rows = db.prepare(`SELECT document_id, span_start, span_end, ${quote} AS quote FROM ${table}`).all() as { document_id: string; span_start: number; span_end: number; quote: string }[];
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(texts.get(row.document_id)!.slice(row.span_start, row.span_end)).toBe(row.quote);
        checked += 1;
      }
    }
    db.close();
    expect(checked).toBeGreaterThan(1000);
  });

  it('every exported item with offsets slices back to its text, and sentences lie within their paragraphs', () => {
    const db = new Database(space.dbPath, { readonly: true });
    const data = exportStore(db);
    db.close();
    const texts = new Map(data.documents.map((d) => [d.id, d.text]));
    const items = [...data.paragraphs, ...data.sentences, ...data.dates, ...data.claims, ...data.entities.flatMap((entity) => entity.mentions)];
    for (const item of items) expect(texts.get(item.doc)!.slice(item.start, item.end)).toBe(item.text);
    for (const figure of data.figures) expect(texts.get(figure.doc)!.slice(figure.start, figure.end)).toBe(figure.quote);
    // Every located item lies inside the sentence it names.
    const sentences = new Map(data.sentences.map((sentence) => [sentence.id, sentence]));
    for (const item of [...data.figures, ...data.claims, ...data.dates, ...data.entities.flatMap((entity) => entity.mentions)]) {
      const sentence = sentences.get(item.sentence)!;
      expect(item.doc).toBe(sentence.doc);
      expect(item.start >= sentence.start && item.end <= sentence.end).toBe(true);
    }
    const paragraphs = new Map(data.paragraphs.map((p) => [p.id, p]));
    for (const sentence of data.sentences) {
      const paragraph = paragraphs.get(sentence.paragraph)!;
      expect(sentence.start >= paragraph.start && sentence.end <= paragraph.end).toBe(true);
    }
  });

  it('covers every visible character of every document with exactly one sentence', () => {
    const db = new Database(space.dbPath, { readonly: true });
    const data = exportStore(db);
    db.close();
    for (const document of data.documents) {
      const owners = new Array<number>(document.text.length).fill(0);
      for (const sentence of data.sentences.filter((s) => s.doc === document.id)) {
        for (let i = sentence.start; i < sentence.end; i += 1) owners[i]! += 1;
      }
      const uncovered = document.text.split('').filter((char, i) => /\S/.test(char) && owners[i] !== 1);
      expect(uncovered).toEqual([]);
    }
  });
});
