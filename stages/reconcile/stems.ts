/**
 * Word stems and how many sentences of the corpus use each (schema v12). Figures stating the same value
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

/** stemCounts as stem_documents stores it (JSON). */
export function countStems(sentences: Iterable<string>): string {
  return JSON.stringify(stemCounts(sentences));
}

/**
 * Brings the stem counts up to date: subtracts what was marked (counted = 0), adds what the document
 * writes stored with each document (counted = 2, worked out beside its other stages), and counts any
 * other document not yet counted from its sentences.
 */
export function updateStemCounts(db: Database.Database): void {
  const delta = new Map<string, number>();
  const add = (counts: Record<string, number>, sign: number) => {
    for (const [stem, sentences] of Object.entries(counts)) delta.set(stem, (delta.get(stem) ?? 0) + sign * sentences);
  };
  for (const stored of db.prepare('SELECT stems FROM stem_documents WHERE counted = 0').pluck().iterate() as Iterable<string>) add(JSON.parse(stored), -1);
  db.prepare('DELETE FROM stem_documents WHERE counted = 0').run();
  for (const stored of db.prepare('SELECT stems FROM stem_documents WHERE counted = 2').pluck().iterate() as Iterable<string>) add(JSON.parse(stored), 1);
  db.prepare('UPDATE stem_documents SET counted = 1 WHERE counted = 2').run();
  const uncounted = db.prepare('SELECT id FROM documents WHERE id NOT IN (SELECT document_id FROM stem_documents)').pluck().all() as string[];
  const sentencesOf = db.prepare('SELECT text FROM sentences WHERE document_id = ?').pluck();
  const insert = db.prepare('INSERT INTO stem_documents (document_id, stems) VALUES (?, ?)');
  for (const document of uncounted) {
    const counts = stemCounts(sentencesOf.iterate(document) as Iterable<string>);
    insert.run(document, JSON.stringify(counts));
    add(counts, 1);
  }
  const upsert = db.prepare('INSERT INTO stem_counts (stem, sentences) VALUES (?, ?) ON CONFLICT(stem) DO UPDATE SET sentences = sentences + excluded.sentences');
  for (const [stem, change] of [...delta].sort(([a], [b]) => (a < b ? -1 : 1))) if (change !== 0) upsert.run(stem, change);
  db.prepare('DELETE FROM stem_counts WHERE sentences = 0').run();
}

/** Stems that few sentences of the corpus use (at most 3% of them, and at least 3). */
export function distinctiveStems(db: Database.Database): Set<string> {
  const total = db.prepare('SELECT count(*) FROM sentences').pluck().get() as number;
  const limit = Math.max(3, Math.floor(total * 0.03));
  return new Set(db.prepare('SELECT stem FROM stem_counts WHERE sentences <= ?').pluck().all(limit) as string[]);
}
