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
   * a stage may then update only what the store marks as changed since (_stale_pages). False: redo all.
   */
  incremental: boolean;
  /** What each stage this one needs returned, by stage name. */
  needed: ReadonlyMap<string, CorpusResult>;
}

/** What a corpus stage did: rows or files written, and what it worked out again (for the run summary). */
export interface CorpusResult {
  written: number;
  /** E.g. "3 of 2,128 document pages": what an incremental run redid, against all it could have. */
  redone: string;
  /** What the stages that need this one may read instead of reading it back from the store. */
  output?: unknown;
}

/** A stage that runs once over the whole stored corpus, in the main thread. */
export interface CorpusStage {
  name: string;
  scope: 'corpus';
  version: string;
  /** The corpus stages whose output it reads: they come before it in the list. */
  needs: string[];
  /**
   * Reads and works out (in a read transaction, if it needs one snapshot), then writes in a short
   * IMMEDIATE transaction: the store's write lock is held only to write, so a reviewer's verdict sent
   * during a long run waits for the writing, not for the working out.
   */
  run(ctx: CorpusContext): CorpusResult;
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
