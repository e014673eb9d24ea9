/** The corpus stage runner's worker slots: stages queued on one worker thread, and a stage that fails there. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CorpusWorkers, runCorpusStages, type CorpusRun } from '../pipeline/corpus-runner.ts';
import { threadId } from 'node:worker_threads';
import { countDocuments, failing, failingPrepare, failsAhead, holdMainThread, preparedEarly, readsAhead } from './fixtures/stages/split-stages.ts';
import { run, workspace } from './helpers.ts';

async function seedStore() {
  const space = workspace();
  await run(space, { concurrency: 1 });
  return space;
}

function corpusRun(space: Awaited<ReturnType<typeof seedStore>>, db: Database.Database, spent: string[], redone = new Map<string, string>()): CorpusRun {
  return { context: { db, reportsDir: space.reportsDir, incremental: false }, dbPath: space.dbPath, workerSlots: 1, started: () => {}, spent: (stage) => spent.push(stage), done: (stage, result) => redone.set(stage, result.redone) };
}

describe('corpus stage runner', () => {
  it('computes stages queued on one worker thread, in order, and applies each in the main thread', async () => {
    const space = await seedStore();
    const db = new Database(space.dbPath);
    const spent: string[] = [];
    const second = { ...countDocuments, name: 'count-again', needs: ['count-documents'] };
    expect(await runCorpusStages([countDocuments, second], corpusRun(space, db, spent))).toBe(2);
    // Each stage: its seconds in the worker, then its apply in the main thread.
    expect(spent).toEqual(['count-documents', 'count-documents', 'count-again', 'count-again']);
    db.close();
  });

  it('reports a stage that fails in its worker with the stage and the reason, and leaves no worker running', async () => {
    const space = await seedStore();
    const db = new Database(space.dbPath);
    await expect(runCorpusStages([countDocuments, failing], corpusRun(space, db, []))).rejects.toThrow(/failing \(worker\): Error: the store cannot be read/);
    db.close();
  });

  it("runs a stage's prepare step in its worker while the main thread runs the stages it needs, and hands the result to its compute", async () => {
    const space = await seedStore();
    const db = new Database(space.dbPath);
    const redone = new Map<string, string>();
    expect(await runCorpusStages([holdMainThread, preparedEarly], corpusRun(space, db, [], redone))).toBe(1);
    const held = JSON.parse(redone.get('hold')!) as { started: number; ended: number };
    const prepared = JSON.parse(redone.get('prepared-early')!) as { preparedAt: number; preparedIn: number; computedIn: number };
    expect(prepared.preparedAt).toBeLessThan(held.ended);
    expect(prepared.preparedIn).not.toBe(threadId);
    expect(prepared.computedIn).toBe(prepared.preparedIn);
    db.close();
  });

  it('reports a prepare step that fails as its stage failing in the worker', async () => {
    const space = await seedStore();
    const db = new Database(space.dbPath);
    await expect(runCorpusStages([failingPrepare], corpusRun(space, db, []))).rejects.toThrow(/failing-prepare \(worker\): Error: the terms cannot be counted/);
    db.close();
  });

  it('hands what workers started early read ahead to the prepare step, and goes on without when reading ahead fails', async () => {
    const space = await seedStore();
    const db = new Database(space.dbPath);
    const redone = new Map<string, string>();
    const workers = new CorpusWorkers([readsAhead, failsAhead], { dbPath: space.dbPath, reportsDir: space.reportsDir }, 1);
    expect(await runCorpusStages([readsAhead, failsAhead], { ...corpusRun(space, db, [], redone), workers })).toBe(2);
    expect(JSON.parse(redone.get('reads-ahead')!)).toEqual({ ahead: 5 });
    expect(JSON.parse(redone.get('fails-ahead')!)).toEqual({ ahead: null });
    await workers.close();
    db.close();
  });
});
