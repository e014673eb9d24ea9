/**
 * Word stems and how many sentences of the corpus use each. Figures stating the same value
 * in different documents are compared only when their sentences share a word few sentences use, so
 * reconciliation needs every stem's sentence count. The store keeps the counts: a document's stems are
 * counted once, as it is processed (in the worker threads, beside its other stages), added when
 * reconciliation first sees them, and subtracted when a trigger marks them (its segmentation rewritten,
 * or the document deleted), so an added article costs its own sentences.
 */
import type Database from 'better-sqlite3';

const STEM_STOP = new Set(['that', 'this', 'with', 'from', 'have', 'which', 'their', 'they', 'were', 'will', 'been', 'also', 'into', 'would', 'there', 'about', 'other', 'more', 'than']);

/** Word stems (first six letters) of a text. */
export function stems(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/\p{L}{4,}/gu) ?? []).filter((word) => !STEM_STOP.has(word)).map((word) => word.slice(0, 6)));
}

/** How many of the sentences use each stem. */
function stemCounts(sentences: Iterable<string>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const text of sentences) for (const stem of stems(text)) counts[stem] = (counts[stem] ?? 0) + 1;
  return counts;
}

/** stemCounts as _stem_documents stores it (JSON). */
export function countStems(sentences: Iterable<string>): string {
  return JSON.stringify(stemCounts(sentences));
}

/** What bringing the stem counts up to date changes (stemCountChanges), to be written by storeStemCounts. */
export interface StemCountChanges {
  /** _stem_documents rows marked (counted = 0), to delete. */
  subtracted: number[];
  /** _stem_documents rows stored with their documents (counted = 2), now counted. */
  added: number[];
  /** Documents counted now from their sentences, with their counts (JSON). */
  counted: [document: string, stems: string][];
  /** Change of each stem's sentence count. */
  delta: Map<string, number>;
}

/**
 * Works out, reading only, what brings the stem counts up to date: what was marked (counted = 0) is
 * subtracted, what the document writes stored with each document (counted = 2, worked out beside its
 * other stages) added, and any other document not yet counted is counted from its sentences.
 */
export function stemCountChanges(db: Database.Database): StemCountChanges {
  const changes: StemCountChanges = { subtracted: [], added: [], counted: [], delta: new Map() };
  const add = (counts: Record<string, number>, sign: number) => {
    for (const [stem, sentences] of Object.entries(counts)) changes.delta.set(stem, (changes.delta.get(stem) ?? 0) + sign * sentences);
  };
  for (const [id, counted, stored] of db.prepare('SELECT id, counted, stems FROM _stem_documents WHERE counted IN (0, 2) ORDER BY id').raw().iterate() as Iterable<[number, number, string]>) {
    add(JSON.parse(stored), counted === 0 ? -1 : 1);
    (counted === 0 ? changes.subtracted : changes.added).push(id);
  }
  const uncounted = db.prepare('SELECT id FROM documents WHERE id NOT IN (SELECT document_id FROM _stem_documents)').pluck().all() as string[];
  const sentencesOf = db.prepare('SELECT text FROM sentences WHERE document_id = ?').pluck();
  for (const document of uncounted) {
    const counts = stemCounts(sentencesOf.iterate(document) as Iterable<string>);
    changes.counted.push([document, JSON.stringify(counts)]);
    add(counts, 1);
  }
  return changes;
}

/** Writes what stemCountChanges worked out. */
export function storeStemCounts(db: Database.Database, changes: StemCountChanges): void {
  const remove = db.prepare('DELETE FROM _stem_documents WHERE id = ?');
  for (const id of changes.subtracted) remove.run(id);
  const settle = db.prepare('UPDATE _stem_documents SET counted = 1 WHERE id = ?');
  for (const id of changes.added) settle.run(id);
  const insert = db.prepare('INSERT INTO _stem_documents (document_id, stems) VALUES (?, ?)');
  for (const [document, stems] of changes.counted) insert.run(document, stems);
  const upsert = db.prepare('INSERT INTO _stem_counts (stem, sentences) VALUES (?, ?) ON CONFLICT(stem) DO UPDATE SET sentences = sentences + excluded.sentences');
  for (const [stem, change] of [...changes.delta].sort(([a], [b]) => (a < b ? -1 : 1))) if (change !== 0) upsert.run(stem, change);
  db.prepare('DELETE FROM _stem_counts WHERE sentences = 0').run();
}

/**
 * Stems that few sentences of the corpus use (at most 3% of them, and at least 3): from the stored
 * counts, or from the stored counts as `pending` changes (stemCountChanges, not yet written) leave them.
 */
export function distinctiveStems(db: Database.Database, pending?: Map<string, number>): Set<string> {
  const total = db.prepare('SELECT count(*) FROM sentences').pluck().get() as number;
  const limit = Math.max(3, Math.floor(total * 0.03));
  if (!pending) return new Set(db.prepare('SELECT stem FROM _stem_counts WHERE sentences <= ?').pluck().all(limit) as string[]);
  // storeStemCounts adds a change to a stored count, stores a new one when it is not 0, and deletes a count that comes to 0.
  const distinctive = new Set<string>();
  const counted = (stem: string, sentences: number) => sentences !== 0 && sentences <= limit && distinctive.add(stem);
  const unstored = new Map(pending);
  for (const [stem, sentences] of db.prepare('SELECT stem, sentences FROM _stem_counts').raw().iterate() as Iterable<[string, number]>) {
    counted(stem, sentences + (pending.get(stem) ?? 0));
    unstored.delete(stem);
  }
  for (const [stem, change] of unstored) counted(stem, change);
  return distinctive;
}
