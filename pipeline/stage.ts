/**
 * Stages are small units that declare what they need and what they provide. Per-document stages are
 * pure functions of a Doc; corpus stages run once after every document is stored and read the store.
 */
import type Database from 'better-sqlite3';
import type { Doc, DocData } from './doc.ts';

/** Options every stage may read. */
export interface StageOptions {
  /** Largest file ingest accepts, in bytes. */
  maxBytes: number;
}

/** What a stage is handed besides its input. */
export interface StageContext {
  options: StageOptions;
  /** Emits a message about the current document. */
  warn(reason: string, rule?: string): void;
}

/** A stage that works on one document at a time and returns its output under `provides`. */
export interface DocumentStage<K extends keyof DocData = keyof DocData> {
  name: string;
  scope: 'document';
  /** Bumped whenever the output for the same input changes: documents are re-processed. */
  version: string;
  needs: (keyof DocData)[];
  provides: K;
  run(doc: Doc, ctx: StageContext): NonNullable<DocData[K]>;
}

/** What a corpus stage is handed. */
export interface CorpusContext {
  db: Database.Database;
  reportsDir: string;
  /**
   * True when the last completed run ran the same stage versions and left the reports as they are:
   * a stage may then update only what the store marks as changed since (stale_pages). False: redo all.
   */
  incremental: boolean;
}

/** What a corpus stage did: rows or files written, and what it worked out again (for the run summary). */
export interface CorpusResult {
  written: number;
  /** E.g. "3 of 2,128 document pages": what an incremental run redid, against all it could have. */
  redone: string;
}

/** A stage that runs once over the whole stored corpus. */
export interface CorpusStage {
  name: string;
  scope: 'corpus';
  version: string;
  /** The corpus stages whose output it reads: it starts once they are done. */
  needs: string[];
  /**
   * Reads ahead what the stage will read, while the main thread waits for a worker to process a few new
   * files; the stage must check that what it read ahead is still current when it runs.
   */
  readAhead?(db: Database.Database): void;
  /**
   * The stage's reading and working out, apart from its writing (see splitStage). The runner may run
   * `compute` in a worker thread, on its own read-only connection, beside the main thread's stages.
   */
  split?: SplitStage;
  /**
   * Works out reading only (in a read transaction, if it needs one snapshot), then writes in a short
   * IMMEDIATE transaction: the store's write lock is held only to write, so a reviewer's verdict sent
   * during a long run waits for the writing, not for the working out.
   */
  run(ctx: CorpusContext): CorpusResult;
}

/**
 * `compute` only reads the store (it may write files) and returns plain data that can cross to another
 * thread; `apply` writes that data to the store, in the main thread (SQLite's only writer). A worker
 * thread finds the pipeline's own stages by name (CORPUS_STAGES); any other stage names the `module`
 * that exports it as `exportName`.
 */
export interface SplitStage {
  module?: string;
  exportName?: string;
  /**
   * Reading that may run in the stage's worker thread before any document of the run is stored (while
   * the main thread waits for new files to be processed): its result, which stays in that thread, is
   * handed to `prepare`, which must check that what it uses is still current.
   */
  readAhead?(db: Database.Database): unknown;
  /**
   * Reading and working out that the stages it needs do not change (they write other tables): the runner
   * may run it as soon as the corpus stages start, in the thread `compute` will run in, while those
   * stages run. Its result, which stays in that thread, is handed to `compute`.
   */
  prepare?(ctx: CorpusContext, ahead?: unknown): unknown;
  compute(ctx: CorpusContext, prepared?: unknown): unknown;
  apply(ctx: CorpusContext, data: unknown): CorpusResult;
}

/** A corpus stage made of a compute and an apply step (and maybe a prepare step); run in one thread, it is apply(compute(prepare())). */
export function splitStage<T, P = undefined, A = undefined>(
  stage: Omit<CorpusStage, 'run' | 'split'> & {
    module?: string;
    exportName?: string;
    readAhead?(db: Database.Database): A;
    prepare?(ctx: CorpusContext, ahead: A | undefined): P;
    compute(ctx: CorpusContext, prepared: P): T;
    apply(ctx: CorpusContext, data: T): CorpusResult;
  },
): CorpusStage {
  const { module, exportName, readAhead, prepare, compute, apply, ...rest } = stage;
  // Prepared elsewhere or not at all, compute prepares for itself (with nothing read ahead).
  const computeWith = (ctx: CorpusContext, prepared?: unknown) => compute(ctx, prepared === undefined && prepare ? prepare(ctx, undefined) : (prepared as P));
  return {
    ...rest,
    split: { module, exportName, readAhead, prepare: prepare as SplitStage['prepare'], compute: computeWith, apply: apply as SplitStage['apply'] },
    run: (ctx) => apply(ctx, computeWith(ctx)),
  };
}

export type Stage = DocumentStage | CorpusStage;

/** Identity helper that keeps a document stage's `provides` key and return type tied together. */
export function defineDocumentStage<K extends keyof DocData>(stage: DocumentStage<K>): DocumentStage<K> {
  return stage;
}

/**
 * Checks that every stage's needs are provided by an earlier stage, and freezes the list, so a
 * misordered pipeline fails before any document is read.
 */
export function composeStages(stages: readonly Stage[]): readonly Stage[] {
  const provided = new Set<keyof DocData>();
  for (const stage of stages) {
    if (stage.scope !== 'document') continue;
    for (const need of stage.needs) {
      if (!provided.has(need)) throw new Error(`stage ${stage.name} needs "${need}", which no earlier stage provides`);
    }
    provided.add(stage.provides);
  }
  return Object.freeze([...stages]);
}
