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
  /** Names everything the corpus stages read (digestInputs). */
  inputs: string;
  /** Digest of the reports folder's files (names, sizes, modification times), taken after they ran. */
  reports: string;
}

/**
 * Names everything the corpus stages read, besides what the per-document stages extracted (which
 * _document_stages' versions and documents.content_hash stand for): the stage versions, the reports
 * folder, and the count of writes to the documents, their files and stage versions, and the reviews
 * (_corpus_input_writes, kept by triggers). The corpus stages write none of these.
 */
export function digestInputs(db: Database.Database, stageVersions: Record<string, string>, reportsDir: string): string {
  const writes = db.prepare('SELECT writes FROM _corpus_input_writes').pluck().get() as number;
  return createHash('sha256').update(JSON.stringify({ stageVersions, reportsDir, writes })).digest('hex');
}

/** The paths under `dir` of everything but folders, relative to `root`, read with their types (a recursive readdir asked the type of each entry again: 2 stats per page). */
function listFiles(root: string, dir = '', into: string[] = []): string[] {
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = dir === '' ? entry.name : join(dir, entry.name);
    if (entry.isDirectory()) listFiles(root, path, into);
    else into.push(path);
  }
  return into;
}

export function digestReports(reportsDir: string): string {
  const hash = createHash('sha256');
  let entries: string[];
  try {
    entries = listFiles(reportsDir).sort();
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
 * everything.
 */
export function corpusWork(last: ReturnType<typeof lastCorpusState>, now: { inputs: string; reports: string; stageVersions: Record<string, string>; force: boolean }): 'skip' | 'incremental' | 'full' {
  const sameVersions = last !== undefined && JSON.stringify(last.stageVersions) === JSON.stringify(now.stageVersions);
  if (now.force || !sameVersions || last.reports !== now.reports) return 'full';
  return last.inputs === now.inputs ? 'skip' : 'incremental';
}
