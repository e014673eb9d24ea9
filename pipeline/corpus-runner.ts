/**
 * Runs the corpus stages in their order, each once the stages it needs are done. A read-only stage
 * (report-pages) may run in a worker thread, so that it renders pages on the second core while the main
 * thread reconciles; every other stage runs in the main thread, SQLite's only writer.
 */
import { Worker } from 'node:worker_threads';
import type { CorpusContext, CorpusStage } from './stage.ts';

const WORKER_ENTRY = new URL(import.meta.url.endsWith('.ts') ? './corpus-worker.mjs' : './corpus-worker.js', import.meta.url);

export interface CorpusRun {
  context: CorpusContext;
  dbPath: string;
  /** Whether a read-only stage may run in a worker thread. */
  useWorker: boolean;
  /** Called as each stage starts, with its position. */
  started: (stage: CorpusStage, index: number) => void;
  /** Records the seconds a stage took. */
  spent: (stage: string, seconds: number) => void;
}

/** Runs the stages; returns how many ran in a worker thread. */
export async function runCorpusStages(stages: readonly CorpusStage[], run: CorpusRun): Promise<number> {
  const done = new Map<string, Promise<unknown>>();
  let inWorkers = 0;
  for (const [index, stage] of stages.entries()) {
    for (const need of stage.needs) {
      if (!done.has(need)) throw new Error(`corpus stage ${stage.name} needs ${need}, which does not run before it`);
      await done.get(need);
    }
    run.started(stage, index);
    if (stage.readOnly && run.useWorker) {
      const working = inWorker(stage, run).then((seconds) => run.spent(stage.name, seconds));
      // A failure surfaces when a later stage awaits it, or at the end; never as an unhandled rejection.
      working.catch(() => {});
      done.set(stage.name, working);
      inWorkers += 1;
      continue;
    }
    const begun = performance.now();
    stage.run(run.context);
    run.spent(stage.name, (performance.now() - begun) / 1000);
    done.set(stage.name, Promise.resolve());
  }
  await Promise.all(done.values());
  return inWorkers;
}

/** Runs a read-only stage in a worker thread; resolves with the seconds it took there. */
function inWorker(stage: CorpusStage, run: CorpusRun): Promise<number> {
  const { module, exportName } = stage.readOnly!;
  const worker = new Worker(WORKER_ENTRY, { workerData: { module, exportName, dbPath: run.dbPath, reportsDir: run.context.reportsDir, incremental: run.context.incremental } });
  return new Promise((resolve, reject) => {
    let seconds: number | undefined;
    worker.on('message', (message: { seconds: number }) => (seconds = message.seconds));
    worker.on('error', (error) => reject(new Error(`${stage.name} (worker): ${error.stack ?? error.message}`)));
    worker.on('exit', (code) => (seconds !== undefined && code === 0 ? resolve(seconds) : reject(new Error(`${stage.name} (worker) exited with code ${code}`))));
  });
}
