/**
 * Runs the corpus stages in their order, each once the stages it needs are done. A stage split into
 * compute and apply (see splitStage) may compute in a worker thread: with two cores, one worker renders
 * the report's pages and then compares the narratives while the main thread reconciles. Split stages
 * queue for the worker slots (one per core beyond the main thread's), and their apply steps write the
 * results in the main thread, SQLite's only writer, before the first stage that needs them (or at the
 * end) and always in stage order, so the store ends the same whatever finishes first.
 */
import { Worker } from 'node:worker_threads';
import type { CorpusContext, CorpusStage } from './stage.ts';
import { workerEntry } from './worker-entry.ts';

const WORKER_ENTRY = workerEntry('corpus-worker', import.meta.url);

export interface CorpusRun {
  context: CorpusContext;
  dbPath: string;
  /** Worker threads split stages may compute in, one at a time each (0: all in the main thread). */
  workerSlots: number;
  /** Called as each stage starts, with its position. */
  started: (stage: CorpusStage, index: number) => void;
  /** Records the seconds a stage took (in its worker and in the main thread). */
  spent: (stage: string, seconds: number) => void;
}

/** Runs the stages; returns how many computed in a worker thread. */
export async function runCorpusStages(stages: readonly CorpusStage[], run: CorpusRun): Promise<number> {
  const computing = new Map<string, Promise<unknown>>();
  const finished = new Set<string>();
  const byName = new Map(stages.map((stage) => [stage.name, stage]));
  // Each slot runs its stages one after the other; a stage takes the slot it finds least queued.
  const slots: { queued: number; last: Promise<unknown> }[] = Array.from({ length: run.workerSlots }, () => ({ queued: 0, last: Promise.resolve() }));
  /** Makes sure a stage's result is in the store: applies a worker's result, in the main thread. */
  const settle = async (name: string) => {
    if (finished.has(name)) return;
    const pending = computing.get(name);
    if (!pending) throw new Error(`corpus stage ${name} is needed before it runs`);
    const data = await pending;
    const stage = byName.get(name)!;
    const begun = performance.now();
    stage.split!.apply(run.context, data);
    run.spent(name, (performance.now() - begun) / 1000);
    finished.add(name);
  };
  try {
    for (const [index, stage] of stages.entries()) {
      for (const need of stage.needs) await settle(need);
      run.started(stage, index);
      if (stage.split && slots.length > 0) {
        const slot = slots.reduce((least, candidate) => (candidate.queued < least.queued ? candidate : least));
        slot.queued += 1;
        const working = slot.last.catch(() => {}).then(() => inWorker(stage, run));
        slot.last = working;
        // A failure surfaces when the stage is settled; never as an unhandled rejection meanwhile.
        working.catch(() => {});
        computing.set(stage.name, working);
        continue;
      }
      const begun = performance.now();
      stage.run(run.context);
      run.spent(stage.name, (performance.now() - begun) / 1000);
      finished.add(stage.name);
    }
    for (const stage of stages) await settle(stage.name);
  } finally {
    // A failed run leaves no worker behind to keep the process alive.
    await Promise.allSettled(computing.values());
  }
  return computing.size;
}

/** Computes a split stage in a worker thread; resolves with its data once the seconds it took are recorded. */
function inWorker(stage: CorpusStage, run: CorpusRun): Promise<unknown> {
  const { module, exportName } = stage.split!;
  const worker = new Worker(WORKER_ENTRY, { workerData: { module, exportName, dbPath: run.dbPath, reportsDir: run.context.reportsDir, incremental: run.context.incremental } });
  return new Promise((resolve, reject) => {
    let result: { data: unknown; seconds: number } | undefined;
    worker.on('message', (message: { data: unknown; seconds: number }) => (result = message));
    worker.on('error', (error) => reject(new Error(`${stage.name} (worker): ${error.stack ?? error.message}`)));
    worker.on('exit', (code) => {
      if (!result || code !== 0) return reject(new Error(`${stage.name} (worker) exited with code ${code}`));
      run.spent(stage.name, result.seconds);
      resolve(result.data);
    });
  });
}
