/**
 * A worker thread computing one split corpus stage (see splitStage) on its own read-only connection: it
 * reads one snapshot of the store (a read transaction), may write files, and posts its data back for
 * the main thread to apply.
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
  const data = db.transaction(() => stage.split!.compute({ db, reportsDir, incremental }))();
  parentPort!.postMessage({ data, seconds: (performance.now() - started) / 1000 });
} finally {
  db.close();
}
