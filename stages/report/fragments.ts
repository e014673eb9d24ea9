/**
 * Sections of the big pages (entities.md, figures.md) kept in the store as last written, each with the
 * documents it shows. Everything a section shows of a document (its title, date, text,
 * the names of the entities it mentions) changes only with a write the store marks in _stale_pages, so
 * an incremental report renders again only the sections that show a stale document, before or now,
 * and takes the others as stored. A full report renders every section and replaces them all.
 */
import type Database from 'better-sqlite3';

export interface Fragment {
  key: string;
  /** What the section shows besides its documents (for an entity: its name, type, aliases and roles). */
  digest: string;
  /** What orders the sections where the page has no other order (figures: the group's size). */
  weight: number;
  body: string;
  /** The section's row in a table at the top of the page (entities.md). */
  row?: string;
  documents: string[];
}

export interface FragmentChanges {
  page: string;
  /** Every fragment of the page is in `upserts`: the others are deleted. */
  full: boolean;
  upserts: Fragment[];
  removed: string[];
}

/** The stored fragments by key, read in one pass, or undefined when the page has none yet. */
export function storedFragments(db: Database.Database, page: string): Map<string, { digest: string; weight: number; body: string }> | undefined {
  const rows = db.prepare('SELECT key, digest, weight, body FROM _report_fragments WHERE page = ?').raw().all(page) as [string, string, number, string][];
  return rows.length === 0 ? undefined : new Map(rows.map(([key, digest, weight, body]) => [key, { digest, weight, body }]));
}

/** Keys of the stored fragments that show any of `documents`. */
export function fragmentsShowing(db: Database.Database, page: string, documents: Iterable<string>): Set<string> {
  const sql = `SELECT DISTINCT f.key FROM _report_fragment_documents fd JOIN _report_fragments f ON f.id = fd.fragment_id
    WHERE fd.document_id IN (SELECT value FROM json_each(?)) AND f.page = ?`;
  return new Set(db.prepare(sql).pluck().all(JSON.stringify([...documents]), page) as string[]);
}

/** Stores what a report computed. */
export function applyFragments(db: Database.Database, changes: FragmentChanges): void {
  const remove = db.prepare('DELETE FROM _report_fragments WHERE page = ? AND key = ?');
  const insert = db.prepare('INSERT INTO _report_fragments (page, key, digest, weight, body, row) VALUES (?, ?, ?, ?, ?, ?) RETURNING id');
  const show = db.prepare('INSERT INTO _report_fragment_documents (fragment_id, document_id) VALUES (?, ?)');
  if (changes.full) db.prepare('DELETE FROM _report_fragments WHERE page = ?').run(changes.page);
  for (const key of changes.removed) remove.run(changes.page, key);
  for (const fragment of changes.upserts) {
    if (!changes.full) remove.run(changes.page, fragment.key);
    const id = (insert.get(changes.page, fragment.key, fragment.digest, fragment.weight, fragment.body, fragment.row ?? null) as { id: number }).id;
    for (const document of new Set(fragment.documents)) show.run(id, document);
  }
}
