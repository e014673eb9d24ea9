/**
 * A worker thread computing split corpus stages (see splitStage) on its own read-only connection, one
 * after the other as the main thread sends them: each reads one snapshot of the store (a read
 * transaction), may write files, and posts its data back for the main thread to apply. It takes the
 * next stage from its own queue, so a busy main thread (reconciling) does not hold it up; a `close`
 * message ends it. A stage's prepare step, sent as the corpus stages start, reads an earlier snapshot
 * while the stages it needs run in the main thread; what it gives stays here for the stage's compute.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { CorpusStage } from './stage.ts';

export interface CorpusWorkerData {
  dbPath: string;
  reportsDir: string;
}

/**
 * What the main thread sends: what to load ahead (the pipeline's stages, and modules of others), a
 * stage to read ahead for (SplitStage.readAhead, before the run's documents are stored), to prepare
 * (SplitStage.prepare) or to compute, a checkpoint, or the end. Whether the run is incremental is known
 * only once the documents are stored: it comes with prepare and compute.
 */
export type CorpusWorkerTask =
  | { preload: { pipeline: boolean; modules: string[] } }
  | { readAhead: StageName }
  | { prepare: StageName; incremental: boolean }
  | ({ id: number; incremental: boolean } & StageName)
  | { checkpoint: true }
  | { close: true };

/** A stage: one of the pipeline's by name, or one a module exports. */
export interface StageName {
  name: string;
  module?: string;
  exportName?: string;
}
export type CorpusWorkerResult = { id: number; data: unknown; seconds: number } | { id: number; error: string };

const { dbPath, reportsDir } = workerData as CorpusWorkerData;
const db = new Database(dbPath, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
/** The pipeline's own corpus stages, loaded with the first that is needed (the build bundles them in). */
const pipelineStages = () => import('../stages/corpus-stages.ts').then((loaded) => loaded.CORPUS_STAGES);

const stageOf = async (task: StageName) =>
  task.module ? ((await import(task.module))[task.exportName!] as CorpusStage) : (await pipelineStages()).find((candidate) => candidate.name === task.name)!;

/** What each stage read ahead, until it prepares. Reading ahead only saves time: a failure leaves nothing. */
const readAhead = new Map<string, unknown>();

async function readAheadFor(task: StageName): Promise<void> {
  try {
    const stage = await stageOf(task);
    readAhead.set(task.name, db.transaction(() => stage.split!.readAhead!(db))());
  } catch {
    // The stage prepares without.
  }
}

/** What each stage's prepare step gave (or how it failed), and the seconds it took, until the stage computes. */
const prepared = new Map<string, { data?: unknown; error?: unknown; seconds: number }>();

/** Runs a stage's prepare step on a snapshot of its own, with what it read ahead, and keeps what it gave for its compute. */
async function prepare(task: StageName, incremental: boolean): Promise<void> {
  const started = performance.now();
  try {
    const stage = await stageOf(task);
    const ahead = readAhead.get(task.name);
    readAhead.delete(task.name);
    const data = db.transaction(() => stage.split!.prepare!({ db, reportsDir, incremental }, ahead))();
    prepared.set(task.name, { data, seconds: (performance.now() - started) / 1000 });
  } catch (error) {
    prepared.set(task.name, { error, seconds: 0 });
  }
}

/** Computes one stage (with what its prepare step gave, if it had one) and posts its data, or why it failed. */
async function compute(task: { id: number; incremental: boolean } & StageName): Promise<void> {
  const { incremental } = task;
  try {
    const stage = await stageOf(task);
    const before = prepared.get(task.name);
    prepared.delete(task.name);
    if (before && 'error' in before) throw before.error;
    const started = performance.now();
    const data = db.transaction(() => stage.split!.compute({ db, reportsDir, incremental }, before?.data))();
    parentPort!.postMessage({ id: task.id, data, seconds: (performance.now() - started) / 1000 + (before?.seconds ?? 0) } satisfies CorpusWorkerResult);
  } catch (error) {
    parentPort!.postMessage({ id: task.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies CorpusWorkerResult);
  }
}

/**
 * Copies the write-ahead log's committed pages into the store file (a passive checkpoint, which never
 * blocks the main thread's writes), on a connection of its own: the copy and its disk flush happen beside the main thread's last stages instead of when it
 * closes the store. Best effort: whatever is left, or written since, is copied when the store closes.
 */
function checkpoint(): void {
  try {
    const writer = new Database(dbPath, { fileMustExist: true });
    try {
      writer.pragma('busy_timeout = 5000');
      writer.pragma('wal_checkpoint(PASSIVE)');
    } finally {
      writer.close();
    }
  } catch {
    // The store closing copies what this did not.
  }
}

// One task at a time, in the order sent (a stage's module loads asynchronously).
let queue = Promise.resolve();
parentPort!.on('message', (task: CorpusWorkerTask) => {
  queue = queue.then(async () => {
    // A module that fails to load fails its stage's compute, which reports why.
    if ('preload' in task) await Promise.allSettled([...(task.preload.pipeline ? [pipelineStages()] : []), ...task.preload.modules.map((module) => import(module))]);
    else if ('readAhead' in task) await readAheadFor(task.readAhead);
    else if ('prepare' in task) await prepare(task.prepare, task.incremental);
    else if ('checkpoint' in task) checkpoint();
    else if (!('close' in task)) await compute(task);
    else {
      db.close();
      parentPort!.close();
    }
  });
});
