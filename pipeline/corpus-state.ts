/**
 * Whether the corpus stages have anything to do. They read only the store (documents, their files and
 * metadata, what the per-document stages extracted, and the reviews) and write the store's corpus-wide
 * tables and the reports. So a run that stored no change, with the same stage versions, whose reports
 * folder is as the last completed run left it, would redo their work to the byte: it skips them.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';

export interface CorpusState {
  /** Digest of everything the corpus stages read, taken before they ran. */
  inputs: string;
  /** Digest of the reports folder's files (names, sizes, modification times), taken after they ran. */
  reports: string;
}

/** The statements whose rows are the corpus stages' input, besides the document texts (which content_hash stands for). */
const INPUT_QUERIES = [
  'SELECT id, path, title, source, kind, published, published_earliest, language, url, author, file_metadata, encoding, content_hash FROM documents ORDER BY id',
  'SELECT path, document_id FROM document_files ORDER BY path',
  'SELECT document_id, stage, version FROM document_stages ORDER BY document_id, stage',
  'SELECT count(*), max(id) FROM reviews',
];

export function digestInputs(db: Database.Database, stageVersions: Record<string, string>, reportsDir: string): string {
  const hash = createHash('sha256').update(JSON.stringify({ stageVersions, reportsDir }));
  for (const sql of INPUT_QUERIES) {
    for (const row of db.prepare(sql).raw().iterate() as Iterable<unknown[]>) hash.update(`${row.join('\u001f')}\u001e`);
  }
  return hash.digest('hex');
}

export function digestReports(reportsDir: string): string {
  const hash = createHash('sha256');
  let entries: string[];
  try {
    entries = readdirSync(reportsDir, { recursive: true, encoding: 'utf8' }).sort();
  } catch {
    return 'missing';
  }
  for (const entry of entries) {
    const stats = statSync(join(reportsDir, entry));
    if (stats.isFile()) hash.update(`${entry}\u001f${stats.size}\u001f${stats.mtimeMs}\u001e`);
  }
  return hash.digest('hex');
}

/** What the last completed run recorded, if it recorded it, with the stage versions it ran. */
export function lastCorpusState(db: Database.Database): (CorpusState & { stageVersions: Record<string, string> }) | undefined {
  const row = db.prepare("SELECT corpus_state, stage_versions FROM runs WHERE status = 'completed' ORDER BY id DESC LIMIT 1").get() as { corpus_state: string | null; stage_versions: string } | undefined;
  return row?.corpus_state ? { ...(JSON.parse(row.corpus_state) as CorpusState), stageVersions: JSON.parse(row.stage_versions) as Record<string, string> } : undefined;
}

/**
 * What the corpus stages have to do: nothing (`skip`), update what changed since the last completed
 * run (`incremental`: the same stage versions, the reports as that run left them, no --force), or redo
 * everything. `inputs` undefined: the run stored a change, so the inputs differ (their digest, for the
 * next run, may then be taken later: the corpus stages never write what it covers).
 */
export function corpusWork(last: ReturnType<typeof lastCorpusState>, now: { inputs: string | undefined; reports: string; stageVersions: Record<string, string>; force: boolean }): 'skip' | 'incremental' | 'full' {
  const sameVersions = last !== undefined && JSON.stringify(last.stageVersions) === JSON.stringify(now.stageVersions);
  if (now.force || !sameVersions || last.reports !== now.reports) return 'full';
  return now.inputs !== undefined && last.inputs === now.inputs ? 'skip' : 'incremental';
}
