/**
 * The whole store as one JSON document: stable order (documents by path, items by offset), stable ids,
 * no run records or timestamps, so the same corpus always exports the same bytes.
 */
import type Database from 'better-sqlite3';

export interface ExportedDocument {
  id: string;
  path: string;
  paths: string[];
  title: string;
  source: string | null;
  kind: string;
  published: string | null;
  published_earliest: string | null;
  language: string | null;
  url: string | null;
  author: string | null;
  encoding: string;
  content_hash: string;
  word_count: number;
  boilerplate_chars: number;
  boilerplate: { rule: string; chars: number; location: string }[];
  text: string;
}

export interface ExportedSpanItem {
  id: string;
  doc: string;
  start: number;
  end: number;
  text: string;
}

export interface Export {
  documents: ExportedDocument[];
  paragraphs: (ExportedSpanItem & { ordinal: number })[];
  sentences: (ExportedSpanItem & { paragraph: string; ordinal: number })[];
}

export function exportStore(db: Database.Database): Export {
  const files = new Map<string, string[]>();
  for (const row of db.prepare('SELECT document_id, path FROM document_files ORDER BY path').all() as { document_id: string; path: string }[]) {
    files.set(row.document_id, [...(files.get(row.document_id) ?? []), row.path]);
  }
  const removals = new Map<string, ExportedDocument['boilerplate']>();
  for (const row of db.prepare('SELECT document_id, rule, chars, location FROM boilerplate_blocks ORDER BY document_id, ordinal').all() as ({ document_id: string } & ExportedDocument['boilerplate'][number])[]) {
    const { document_id: id, ...removal } = row;
    removals.set(id, [...(removals.get(id) ?? []), removal]);
  }
  const documents = (
    db.prepare('SELECT id, path, title, source, kind, published, published_earliest, language, url, author, encoding, content_hash, word_count, boilerplate_chars, text FROM documents ORDER BY path').all() as Omit<ExportedDocument, 'paths' | 'boilerplate'>[]
  ).map(({ text, ...document }) => ({ ...document, paths: files.get(document.id) ?? [], boilerplate: removals.get(document.id) ?? [], text }));

  const paragraphs = db
    .prepare('SELECT p.id, p.document_id AS doc, p.ordinal, p.span_start AS start, p.span_end AS end, p.text FROM paragraphs p JOIN documents d ON d.id = p.document_id ORDER BY d.path, p.ordinal')
    .all() as Export['paragraphs'];
  const sentences = db
    .prepare('SELECT s.id, s.document_id AS doc, s.paragraph_id AS paragraph, s.ordinal, s.span_start AS start, s.span_end AS end, s.text FROM sentences s JOIN documents d ON d.id = s.document_id ORDER BY d.path, s.ordinal')
    .all() as Export['sentences'];
  return { documents, paragraphs, sentences };
}
