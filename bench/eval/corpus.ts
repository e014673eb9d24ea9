/**
 * Runs the pipeline over a set of shared texts in a temporary corpus and returns the store's export.
 * The files keep their folders (`business/001.txt`), so an item's file names its document.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { parse, stringify } from 'yaml';
import { exportStore, type Export } from '../../pipeline/export.ts';
import { runPipeline } from '../../pipeline/run-pipeline.ts';

export { SHARED, textFiles } from './files.ts';

/** Manifest entries of the files taken, from a manifest.yaml beside them, keyed by their path in the corpus. */
function manifestEntries(root: string, files: string[]): Record<string, unknown> {
  const entries: Record<string, unknown> = {};
  for (const folder of new Set(files.map((file) => dirname(file)))) {
    const manifest = join(root, folder, 'manifest.yaml');
    if (!existsSync(manifest)) continue;
    const parsed = parse(readFileSync(manifest, 'utf8')) as Record<string, unknown>;
    for (const [name, entry] of Object.entries(parsed)) {
      const path = folder === '.' ? name : `${folder}/${name}`;
      if (files.includes(path)) entries[path] = entry;
    }
  }
  return entries;
}

/** The export of a run over `files` (paths relative to `root`); the temporary folder is removed after. */
export async function runOver(root: string, files: string[]): Promise<Export> {
  const work = mkdtempSync(join(tmpdir(), 'narratives-eval-'));
  try {
    const corpusDir = join(work, 'corpus');
    mkdirSync(corpusDir);
    for (const file of files) {
      mkdirSync(dirname(join(corpusDir, file)), { recursive: true });
      cpSync(join(root, file), join(corpusDir, file));
    }
    const manifest = manifestEntries(root, files);
    if (Object.keys(manifest).length > 0) writeFileSync(join(corpusDir, 'manifest.yaml'), stringify(manifest));
    const dbPath = join(work, 'eval.db');
    await runPipeline({ corpusDir, dbPath, reportsDir: join(work, 'reports'), concurrency: 2, force: false, maxBytes: 5e6, progress: 'off', log: () => {} });
    const db = new Database(dbPath, { readonly: true });
    try {
      return exportStore(db);
    } finally {
      db.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
