/**
 * What reconciliation keeps between runs (schema v14), so that a run after an added article reads and
 * works out again only what the article changed:
 * - each document's inputs (load.ts) as last read, with a digest of them. Triggers mark a document in
 *   reconcile_stale on every write that changes its inputs; only those, new documents and documents
 *   read by another version of the stage are read from the store's tables again.
 * - each unit of work (a group of figures, a subject) with the digest of everything it read and the
 *   drafts it made. A unit whose digest is the same gives its stored drafts.
 * A run that is not incremental reads every document and works out every unit.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { loadDocumentInputs, type DocumentInputs } from './load.ts';
import { CORPUS_STAGE_VERSIONS } from '../versions.ts';

/** The stage's version: inputs and drafts stored by another one are worked out again. */
const VERSION = CORPUS_STAGE_VERSIONS.reconcile;

export function digestOf(parts: readonly unknown[]): string {
  return createHash('sha1').update(JSON.stringify(parts)).digest('base64url');
}

export interface StoredDocument {
  inputs: DocumentInputs;
  /** A digest of the inputs: a unit that read a document's items names the document by it. */
  digest: string;
}

/** Brings the stored inputs up to date with the store's tables; returns every document's, and how many were read again. */
export function refreshDocumentInputs(db: Database.Database, incremental: boolean): { documents: Map<string, StoredDocument>; reread: number } {
  db.prepare('DELETE FROM reconcile_documents WHERE document_id NOT IN (SELECT id FROM documents)').run();
  const stale = incremental
    ? (db
        .prepare(
          `SELECT id FROM documents WHERE id IN (SELECT document_id FROM reconcile_stale)
             OR id NOT IN (SELECT document_id FROM reconcile_documents WHERE version = ?)`,
        )
        .pluck()
        .all(VERSION) as string[])
    : (db.prepare('SELECT id FROM documents').pluck().all() as string[]);
  const documents = new Map<string, StoredDocument>();
  const write = db.prepare('INSERT OR REPLACE INTO reconcile_documents (document_id, version, digest, inputs) VALUES (?, ?, ?, ?)');
  for (const [id, inputs] of loadDocumentInputs(db, stale)) {
    const json = JSON.stringify(inputs);
    const digest = createHash('sha1').update(json).digest('base64url');
    write.run(id, VERSION, digest, json);
    documents.set(id, { inputs, digest });
  }
  db.prepare('DELETE FROM reconcile_stale').run();
  const rest = db.prepare('SELECT document_id, digest, inputs FROM reconcile_documents WHERE document_id NOT IN (SELECT value FROM json_each(?))').raw();
  for (const [id, digest, json] of rest.iterate(JSON.stringify(stale)) as Iterable<[string, string, string]>) {
    documents.set(id, { inputs: JSON.parse(json) as DocumentInputs, digest });
  }
  return { documents, reread: stale.length };
}

/** Each unit's drafts: stored ones where the digest is the same, worked out (and kept for saving) otherwise. */
export class UnitMemo {
  private readonly stored = new Map<string, { digest: string; drafts: string }>();
  private readonly current = new Map<string, { rule: string; key: string; digest: string; drafts?: string }>();
  computed = 0;

  constructor(db: Database.Database, incremental: boolean) {
    if (!incremental) return;
    for (const [rule, key, digest, drafts] of db.prepare('SELECT rule, key, digest, drafts FROM reconcile_units').raw().iterate() as Iterable<[string, string, string, string]>) {
      this.stored.set(`${rule}\u0000${key}`, { digest, drafts });
    }
  }

  /** `parts` must hold everything `compute` reads. */
  drafts<T>(rule: string, key: string, parts: readonly unknown[], compute: () => T[]): T[] {
    const id = `${rule}\u0000${key}`;
    const digest = digestOf([VERSION, ...parts]);
    const stored = this.stored.get(id);
    if (stored?.digest === digest) {
      this.current.set(id, { rule, key, digest });
      return JSON.parse(stored.drafts) as T[];
    }
    const drafts = compute();
    this.computed += 1;
    this.current.set(id, { rule, key, digest, drafts: JSON.stringify(drafts) });
    return drafts;
  }

  get units(): number {
    return this.current.size;
  }

  /** Stores the units worked out and forgets those no run needs any more. */
  save(db: Database.Database): void {
    const remove = db.prepare('DELETE FROM reconcile_units WHERE rule = ? AND key = ?');
    for (const id of this.stored.keys()) {
      if (this.current.has(id)) continue;
      const [rule, key] = id.split('\u0000') as [string, string];
      remove.run(rule, key);
    }
    if (this.stored.size === 0) db.prepare('DELETE FROM reconcile_units').run();
    const write = db.prepare('INSERT OR REPLACE INTO reconcile_units (rule, key, digest, drafts) VALUES (?, ?, ?, ?)');
    for (const unit of this.current.values()) if (unit.drafts !== undefined) write.run(unit.rule, unit.key, unit.digest, unit.drafts);
  }
}
