/** The corpus stage runner's worker slots: stages queued on one worker thread, and a stage that fails there. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCorpusStages, type CorpusRun } from '../pipeline/corpus-runner.ts';
import { countDocuments, failing } from './fixtures/stages/split-stages.ts';
import { run, workspace } from './helpers.ts';

async function seedStore() {
  const space = workspace();
  await run(space, { concurrency: 1 });
  return space;
}

function corpusRun(space: Awaited<ReturnType<typeof seedStore>>, db: Database.Database, spent: string[]): CorpusRun {
  return { context: { db, reportsDir: space.reportsDir, incremental: false }, dbPath: space.dbPath, workerSlots: 1, started: () => {}, spent: (stage) => spent.push(stage), done: () => {} };
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
});
