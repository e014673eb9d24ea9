/**
 * A worker thread running one read-only corpus stage (see CorpusStage.readOnly) on its own connection:
 * it reads one snapshot of the store (a read transaction) and writes only files.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { CorpusStage } from './stage.ts';

export interface CorpusWorkerData {
  module: string;
  exportName: string;
  dbPath: string;
  reportsDir: string;
  incremental: boolean;
}

const { module, exportName, dbPath, reportsDir, incremental } = workerData as CorpusWorkerData;
const stage = (await import(module))[exportName] as CorpusStage;
const db = new Database(dbPath, { readonly: true, fileMustExist: true });
try {
  db.pragma('busy_timeout = 5000');
  const started = performance.now();
  const result = db.transaction(() => stage.run({ db, reportsDir, incremental }))();
  parentPort!.postMessage({ ...result, seconds: (performance.now() - started) / 1000 });
} finally {
  db.close();
}
