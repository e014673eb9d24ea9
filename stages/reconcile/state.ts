/**
 * What reconciliation keeps between runs, so that a run after an added article reads and
 * works out again only what the article changed:
 * - each document's inputs (load.ts) as last read, with a digest of them; its claims apart,
 *   parsed only for a subject compared again. Triggers mark a document in
 *   _reconcile_stale on every write that changes its inputs; only those, new documents and documents
 *   read by another version of the stage are read from the store's tables again.
 * - each unit of work (a group of figures, a subject) with the digest of everything it read and the
 *   drafts it made. A unit whose digest is the same gives its stored drafts.
 * A run that is not incremental reads every document and works out every unit.
 */
import type Database from 'better-sqlite3';
import { keep, loadDocumentInputs, type ClaimRow, type KeptDocument, type KeptInputs } from './load.ts';
import { CORPUS_STAGE_VERSIONS } from '../versions.ts';
import { sha1Base64url } from '../../pipeline/hash.ts';

/**
 * The shape of what is kept here (load.ts's KeptInputs, the rules' units): bump it when that changes
 * without the stage's results changing.
 */
const KEPT_SHAPE = '2';

/** The stage's version and the kept shape: inputs and drafts stored under another are worked out again. */
const VERSION = `${CORPUS_STAGE_VERSIONS.reconcile}.${KEPT_SHAPE}`;

export function digestOf(parts: readonly unknown[]): string {
  return sha1Base64url(JSON.stringify(parts));
}

export interface StoredDocument extends KeptDocument {
  /** A digest of the inputs: a unit that read a document's items names the document by it. */
  digest: string;
}

/**
 * The stored claims about each subject asked for, by subject and document: a subject compared again asks
 * for the claims of every document with claims about it, so they are read in one query. One per
 * readDocumentInputs, whose documents share it.
 */
type ClaimsBySubject = Map<string, Map<string, string>>;

function storedClaimsAbout(db: Database.Database, read: ClaimsBySubject, subject: string, id: string): ClaimRow[] {
  let documents = read.get(subject);
  if (!documents) {
    documents = new Map(db.prepare('SELECT document_id, claims FROM _reconcile_claims WHERE subject = ?').raw().all(subject) as [string, string][]);
    read.set(subject, documents);
  }
  return JSON.parse(documents.get(id) ?? '[]') as ClaimRow[];
}

/** A stored document, whose claims are read from the store when asked for. */
function storedDocument(db: Database.Database, read: ClaimsBySubject, id: string, inputs: string, digest: string): StoredDocument {
  return {
    inputs: JSON.parse(inputs) as KeptInputs,
    digest,
    claims: () => JSON.parse((db.prepare('SELECT claims FROM _reconcile_documents WHERE document_id = ?').pluck().get(id) as string | undefined) ?? '[]') as ClaimRow[],
    about: (subject) => storedClaimsAbout(db, read, subject, id),
  };
}

function storedUnits(db: Database.Database): Map<string, { digest: string; drafts: string }> {
  const units = new Map<string, { digest: string; drafts: string }>();
  for (const [rule, key, digest, drafts] of db.prepare('SELECT rule, key, digest, drafts FROM _reconcile_units').raw().iterate() as Iterable<[string, string, string, string]>) {
    units.set(`${rule}\u0000${key}`, { digest, drafts });
  }
  return units;
}

/** For each lemma, in how many of the document's claims it is. */
function lemmaClaims(claims: ClaimRow[], into: Map<string, number>, sign: 1 | -1): void {
  for (const claim of claims) for (const lemma of new Set(claim.lemmas)) into.set(lemma, (into.get(lemma) ?? 0) + sign);
}

/** A document read again, as storeDocumentInputs writes it. */
interface ReadAgain {
  id: string;
  digest: string;
  inputs: string;
  claims: string;
  bySubject: [subject: string, claims: string][];
}

/**
 * What brings the stored inputs up to date with the store's tables (readDocumentInputs), for
 * storeDocumentInputs to write, with every document's inputs as they will be.
 */
export interface DocumentRefresh {
  documents: Map<string, StoredDocument>;
  /** How many documents were read again. */
  reread: number;
  /** Documents no longer stored. */
  gone: string[];
  readAgain: ReadAgain[];
  /** The change of each lemma's claim count; with `recount`, each lemma's whole count. */
  lemmas: Map<string, number>;
  recount: boolean;
}

/**
 * Works out, reading only, what brings the stored inputs up to date with the store's tables: every
 * document's inputs, and how many were read again. _reconcile_lemmas follows the stored inputs: the
 * lemmas of the claims of a document read again, or gone, are subtracted, and those of its new inputs
 * added. Inputs stored by another version of the stage may be shaped otherwise: then, and in a run
 * that is not incremental, the counts are made again from every document.
 */
export function readDocumentInputs(db: Database.Database, incremental: boolean): DocumentRefresh {
  const lemmas = new Map<string, number>();
  let recount = !incremental;
  const subtract = ([version, json]: [string, string]) => {
    if (version !== VERSION) recount = true;
    else if (!recount) lemmaClaims(JSON.parse(json) as ClaimRow[], lemmas, -1);
  };
  const gone: string[] = [];
  for (const [id, ...row] of db.prepare('SELECT document_id, version, claims FROM _reconcile_documents WHERE document_id NOT IN (SELECT id FROM documents)').raw().all() as [string, string, string][]) {
    subtract(row);
    gone.push(id);
  }
  const stale = incremental
    ? (db
        .prepare(
          `SELECT id FROM documents WHERE id IN (SELECT document_id FROM _reconcile_stale)
             OR id NOT IN (SELECT document_id FROM _reconcile_documents WHERE version = ?)`,
        )
        .pluck()
        .all(VERSION) as string[])
    : (db.prepare('SELECT id FROM documents').pluck().all() as string[]);
  const documents = new Map<string, StoredDocument>();
  const readAgain: ReadAgain[] = [];
  const before = db.prepare('SELECT version, claims FROM _reconcile_documents WHERE document_id = ?').raw();
  for (const [id, loaded] of loadDocumentInputs(db, stale)) {
    const old = before.get(id) as [string, string] | undefined;
    if (old) subtract(old);
    lemmaClaims(loaded.claims, lemmas, 1);
    const kept = keep(loaded);
    const [json, claims] = [JSON.stringify(kept.inputs), JSON.stringify(loaded.claims)];
    const digest = sha1Base64url(`${json}\u0000${claims}`);
    readAgain.push({ id, digest, inputs: json, claims, bySubject: [...kept.bySubject].map(([subject, about]) => [subject, JSON.stringify(about)]) });
    documents.set(id, { inputs: kept.inputs, claims: kept.claims, about: kept.about, digest });
  }
  // The others as stored.
  const claimsRead: ClaimsBySubject = new Map();
  const rest = db.prepare('SELECT document_id, digest, inputs FROM _reconcile_documents WHERE document_id NOT IN (SELECT value FROM json_each(?))').raw();
  for (const [id, digest, inputs] of rest.iterate(JSON.stringify([...stale, ...gone])) as Iterable<[string, string, string]>) {
    documents.set(id, storedDocument(db, claimsRead, id, inputs, digest));
  }
  if (recount) {
    lemmas.clear();
    for (const document of documents.values()) lemmaClaims(document.claims(), lemmas, 1);
  }
  return { documents, reread: stale.length, gone, readAgain, lemmas, recount };
}

/** Writes what readDocumentInputs worked out. */
export function storeDocumentInputs(db: Database.Database, refresh: DocumentRefresh): void {
  const forget = db.prepare('DELETE FROM _reconcile_claims WHERE document_id = ?');
  const remove = db.prepare('DELETE FROM _reconcile_documents WHERE document_id = ?');
  for (const id of refresh.gone) {
    remove.run(id);
    forget.run(id);
  }
  const write = db.prepare('INSERT OR REPLACE INTO _reconcile_documents (document_id, version, digest, inputs, claims) VALUES (?, ?, ?, ?, ?)');
  const writeAbout = db.prepare('INSERT INTO _reconcile_claims (subject, document_id, claims) VALUES (?, ?, ?)');
  for (const document of refresh.readAgain) {
    write.run(document.id, VERSION, document.digest, document.inputs, document.claims);
    forget.run(document.id);
    for (const [subject, about] of document.bySubject) writeAbout.run(subject, document.id, about);
  }
  db.prepare('DELETE FROM _reconcile_stale').run();
  if (refresh.recount) db.prepare('DELETE FROM _reconcile_lemmas').run();
  const add = db.prepare('INSERT INTO _reconcile_lemmas (lemma, claims) VALUES (?, ?) ON CONFLICT(lemma) DO UPDATE SET claims = claims + excluded.claims');
  for (const [lemma, change] of refresh.lemmas) if (change !== 0) add.run(lemma, change);
  db.prepare('DELETE FROM _reconcile_lemmas WHERE claims <= 0').run();
}

/**
 * Lemmas in more than a tenth of the corpus's `claims` claims (the same as commonLemmas gives from
 * every claim): from _reconcile_lemmas as storeDocumentInputs will leave it after `refresh`.
 */
export function storedCommonLemmas(db: Database.Database, claims: number, refresh: Pick<DocumentRefresh, 'lemmas' | 'recount'>): Set<string> {
  const limit = claims / 10;
  const common = new Set<string>();
  // A count that comes to 0 or less is deleted.
  const count = (lemma: string, claimCount: number) => claimCount > 0 && claimCount > limit && common.add(lemma);
  if (refresh.recount) {
    for (const [lemma, claimCount] of refresh.lemmas) count(lemma, claimCount);
    return common;
  }
  for (const lemma of db.prepare('SELECT lemma FROM _reconcile_lemmas WHERE claims > ?').pluck().iterate(limit) as Iterable<string>) if (!refresh.lemmas.has(lemma)) common.add(lemma);
  const stored = db.prepare('SELECT claims FROM _reconcile_lemmas WHERE lemma = ?').pluck();
  for (const [lemma, change] of refresh.lemmas) count(lemma, ((stored.get(lemma) as number | undefined) ?? 0) + change);
  return common;
}

/** Each unit's drafts: stored ones where the digest is the same, worked out (and kept for saving) otherwise. */
export class UnitMemo {
  private readonly stored: Map<string, { digest: string; drafts: string }>;
  private readonly current = new Map<string, { rule: string; key: string; digest: string; drafts?: string }>();
  computed = 0;

  constructor(db: Database.Database, incremental: boolean) {
    this.stored = incremental ? storedUnits(db) : new Map();
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
    const remove = db.prepare('DELETE FROM _reconcile_units WHERE rule = ? AND key = ?');
    for (const id of this.stored.keys()) {
      if (this.current.has(id)) continue;
      const [rule, key] = id.split('\u0000') as [string, string];
      remove.run(rule, key);
    }
    if (this.stored.size === 0) db.prepare('DELETE FROM _reconcile_units').run();
    const write = db.prepare('INSERT OR REPLACE INTO _reconcile_units (rule, key, digest, drafts) VALUES (?, ?, ?, ?)');
    for (const unit of this.current.values()) if (unit.drafts !== undefined) write.run(unit.rule, unit.key, unit.digest, unit.drafts);
  }
}
