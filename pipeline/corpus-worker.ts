/**
 * A worker thread computing split corpus stages (see splitStage) on its own read-only connection, one
 * after the other as the main thread sends them: each reads one snapshot of the store (a read
 * transaction), may write files, and posts its data back for the main thread to apply. It takes the
 * next stage from its own queue, so a busy main thread (reconciling) does not hold it up; a `close`
 * message ends it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { CorpusStage } from './stage.ts';

export interface CorpusWorkerData {
  dbPath: string;
  reportsDir: string;
  incremental: boolean;
}

/** What the main thread sends: modules to load ahead, a stage to compute, or the end. */
export type CorpusWorkerTask = { preload: string[] } | { id: number; module: string; exportName: string } | { close: true };
export type CorpusWorkerResult = { id: number; data: unknown; seconds: number } | { id: number; error: string };

const { dbPath, reportsDir, incremental } = workerData as CorpusWorkerData;
const db = new Database(dbPath, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
/** Computes one stage and posts its data, or why it failed. */
async function compute(task: { id: number; module: string; exportName: string }): Promise<void> {
  try {
    const stage = (await import(task.module))[task.exportName] as CorpusStage;
    const started = performance.now();
    const data = db.transaction(() => stage.split!.compute({ db, reportsDir, incremental }))();
    parentPort!.postMessage({ id: task.id, data, seconds: (performance.now() - started) / 1000 } satisfies CorpusWorkerResult);
  } catch (error) {
    parentPort!.postMessage({ id: task.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies CorpusWorkerResult);
  }
}

// One task at a time, in the order sent (a stage's module loads asynchronously).
let queue = Promise.resolve();
parentPort!.on('message', (task: CorpusWorkerTask) => {
  queue = queue.then(async () => {
    // A module that fails to load fails its stage's compute, which reports why.
    if ('preload' in task) await Promise.allSettled(task.preload.map((module) => import(module)));
    else if (!('close' in task)) await compute(task);
    else {
      db.close();
      parentPort!.close();
    }
  });
});
