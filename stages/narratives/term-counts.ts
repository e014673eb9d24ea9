/**
 * Each side's term counts, kept in the store so that comparing the narratives after an
 * added article costs that article's sentences, not the corpus's. _term_documents records the side
 * (document kind) each document is counted under; the store's triggers keep the terms of a counted
 * document's deleted sentences in _term_removals and mark the document for counting again. A changed
 * kind shows as a counted side that is no longer the document's. Each side's totals are one stored
 * value, read and written whole. Working out the changes only reads (updatedTermCounts); the stage's
 * writing stores them (applyTermCountChanges).
 */
import type Database from 'better-sqlite3';
import { termsOf } from './fightin-words.ts';

/** Per side: term → occurrences, and word → sentences using it (single words only: the subjects are words). */
export interface SideCounts {
  occurrences: Map<string, Map<string, number>>;
  sentences: Map<string, Map<string, number>>;
}

export interface TermCountChanges {
  /** Removed sentences' terms now taken away. */
  removals: number[];
  /** Documents counted now, under their side. */
  counted: [document: string, side: string][];
  /** Documents gone from the store. */
  gone: string[];
  /** The changed sides' totals as stored now ('' for a side left with none). */
  sides: [side: string, terms: string][];
}

/** Stored as one flat JSON array, term, occurrences, sentences, …: the quickest to read back. */
function encode(occurrences: Map<string, number>, sentences: Map<string, number>): string {
  const flat: (string | number)[] = [];
  for (const [term, count] of occurrences) flat.push(term, count, sentences.get(term) ?? 0);
  return JSON.stringify(flat);
}

function decode(stored: string, occurrences: Map<string, number>, sentences: Map<string, number>): void {
  const flat = JSON.parse(stored) as (string | number)[];
  for (let i = 0; i < flat.length; i += 3) {
    occurrences.set(flat[i] as string, flat[i + 1] as number);
    if (flat[i + 2] !== 0) sentences.set(flat[i] as string, flat[i + 2] as number);
  }
}

/** Adds `sign` times one sentence's terms to a side's counts. */
function countSentence(stored: string, counts: { occurrences: Map<string, number>; sentences: Map<string, number> }, sign: number): void {
  const { occurrences, sentences } = counts;
  const words = new Set<string>();
  for (const term of termsOf(stored)) {
    occurrences.set(term, (occurrences.get(term) ?? 0) + sign);
    if (!term.includes(' ')) words.add(term);
  }
  for (const word of words) sentences.set(word, (sentences.get(word) ?? 0) + sign);
}

/**
 * The counts once the documents' changes since the last write are counted, and those changes: reads
 * only. Sides no document changed are read as stored when `counts` is first asked for.
 */
export function updatedTermCounts(db: Database.Database): { changes: TermCountChanges; counts: () => SideCounts } {
  const stored = new Map(db.prepare('SELECT side, terms FROM _term_sides').raw().all() as [string, string][]);
  const counts: SideCounts = { occurrences: new Map(), sentences: new Map() };
  const sideCounts = (side: string) => {
    if (!counts.occurrences.has(side)) {
      const [occurrences, sentences] = [new Map<string, number>(), new Map<string, number>()];
      if (stored.has(side)) decode(stored.get(side)!, occurrences, sentences);
      counts.occurrences.set(side, occurrences);
      counts.sentences.set(side, sentences);
    }
    return { occurrences: counts.occurrences.get(side)!, sentences: counts.sentences.get(side)! };
  };
  const changed = new Set<string>();
  const count = (stored: string, side: string, sign: number) => {
    changed.add(side);
    countSentence(stored, sideCounts(side), sign);
  };

  const removals = db.prepare('SELECT r.id, r.terms, t.side FROM _term_removals r JOIN _term_documents t ON t.document_id = r.document_id ORDER BY r.id').raw().all() as [number, string, string][];
  for (const [, terms, side] of removals) count(terms, side, -1);
  // A document counted under a side it no longer has is taken away from it and counted under its own.
  const sentenceTerms = db.prepare('SELECT terms FROM sentences WHERE document_id = ?').pluck();
  const moved = db.prepare('SELECT t.document_id, t.side FROM _term_documents t JOIN documents d ON d.id = t.document_id WHERE t.counted = 1 AND d.kind != t.side').raw().all() as [string, string][];
  for (const [document, side] of moved) for (const terms of sentenceTerms.iterate(document) as Iterable<string>) count(terms, side, -1);
  const uncounted = db
    .prepare('SELECT d.id, d.kind FROM documents d LEFT JOIN _term_documents t ON t.document_id = d.id WHERE t.counted IS NOT 1 OR t.side != d.kind ORDER BY d.id')
    .raw()
    .all() as [string, string][];
  for (const [document, side] of uncounted) for (const terms of sentenceTerms.iterate(document) as Iterable<string>) count(terms, side, 1);
  const gone = db.prepare('SELECT document_id FROM _term_documents WHERE document_id NOT IN (SELECT id FROM documents)').pluck().all() as string[];

  const sides: TermCountChanges['sides'] = [];
  for (const side of [...changed].sort()) {
    const { occurrences, sentences } = sideCounts(side);
    for (const [term, number] of occurrences) {
      if (number !== 0) continue;
      occurrences.delete(term);
      sentences.delete(term);
    }
    if (occurrences.size === 0) {
      counts.occurrences.delete(side);
      counts.sentences.delete(side);
    }
    sides.push([side, occurrences.size === 0 ? '' : encode(occurrences, sentences)]);
  }
  return {
    changes: { removals: removals.map(([id]) => id), counted: uncounted, gone, sides },
    counts: () => {
      for (const side of stored.keys()) if (!changed.has(side)) sideCounts(side);
      return counts;
    },
  };
}

/** Writes `changes`. */
export function applyTermCountChanges(db: Database.Database, changes: TermCountChanges): void {
  const removed = db.prepare('DELETE FROM _term_removals WHERE id = ?');
  for (const id of changes.removals) removed.run(id);
  const forget = db.prepare('DELETE FROM _term_documents WHERE document_id = ?');
  for (const document of changes.gone) forget.run(document);
  const counted = db.prepare('INSERT OR REPLACE INTO _term_documents (document_id, side, counted) VALUES (?, ?, 1)');
  for (const [document, side] of changes.counted) counted.run(document, side);
  const replace = db.prepare('INSERT OR REPLACE INTO _term_sides (side, terms) VALUES (?, ?)');
  const remove = db.prepare('DELETE FROM _term_sides WHERE side = ?');
  for (const [side, terms] of changes.sides) {
    if (terms === '') remove.run(side);
    else replace.run(side, terms);
  }
}
