/** The report stage's only source: rows read from the store, never in-memory pipeline state. */
import type Database from 'better-sqlite3';

export interface StoredDocument {
  id: string;
  path: string;
  title: string;
  source: string | null;
  kind: string;
  published: string | null;
  published_earliest: string | null;
  language: string | null;
  url: string | null;
  author: string | null;
  encoding: string;
  word_count: number;
  boilerplate_chars: number;
  text: string;
}

export interface StoredParagraph {
  id: string;
  ordinal: number;
  span_start: number;
  span_end: number;
  text: string;
}

export interface StoredRemoval {
  rule: string;
  chars: number;
  location: string;
}

export function readDocuments(db: Database.Database): StoredDocument[] {
  return db.prepare('SELECT * FROM documents ORDER BY path').all() as StoredDocument[];
}

export function readFiles(db: Database.Database, documentId: string): string[] {
  return (db.prepare('SELECT path FROM document_files WHERE document_id = ? ORDER BY path').all(documentId) as { path: string }[]).map((row) => row.path);
}

export function readParagraphs(db: Database.Database, documentId: string): StoredParagraph[] {
  return db.prepare('SELECT id, ordinal, span_start, span_end, text FROM paragraphs WHERE document_id = ? ORDER BY ordinal').all(documentId) as StoredParagraph[];
}

export function readRemovals(db: Database.Database, documentId: string): StoredRemoval[] {
  return db.prepare('SELECT rule, chars, location FROM boilerplate_blocks WHERE document_id = ? ORDER BY ordinal').all(documentId) as StoredRemoval[];
}
