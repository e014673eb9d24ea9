/**
 * Runs the corpus stages in their order, each once the stages it needs are done. A stage split into
 * compute and apply (see splitStage) may compute in a worker thread, started (and its stages' modules
 * loaded) as the corpus stages begin: with two cores, one worker renders the report's pages and then
 * compares the narratives while the main thread reconciles. Split stages queue for the worker slots
 * (one per core beyond the main thread's): each slot is one worker thread that takes its stages from its
 * own queue, so it goes on while the main thread is busy reconciling. A split stage's read-ahead step is
 * sent as its slot starts (which `add` does while the new files are processed), and its prepare step
 * to the same slot as the corpus stages begin, to run while the main thread resolves entities (the
 * worker is otherwise idle until the first stage it computes). Their apply steps write the
 * results in the main thread, SQLite's only writer, before the first stage that needs them (or at the
 * end) and always in stage order, so the store ends the same whatever finishes first.
 */
import { Worker } from 'node:worker_threads';
import type { CorpusContext, CorpusResult, CorpusStage } from './stage.ts';
import type { CorpusWorkerData, CorpusWorkerResult, CorpusWorkerTask, StageName } from './corpus-worker.ts';
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
  /** Called as each stage's result is in the store. */
  done: (stage: string, result: CorpusResult) => void;
  /** Worker threads to use instead of `workerSlots` new ones (which runCorpusStages closes as it ends): the caller closes them. */
  workers?: CorpusWorkers;
}

/**
 * The worker slots split stages compute in, started (and the stages' modules loaded) as soon as they are
 * made: by runCorpusStages, or earlier by the run while new files are processed, so that the split
 * stages' read-ahead steps run then. Each stage keeps the slot it first went to.
 */
export class CorpusWorkers {
  readonly slots: WorkerSlot[];
  private readonly slotOf = new Map<string, WorkerSlot>();

  constructor(stages: readonly CorpusStage[], where: { dbPath: string; reportsDir: string }, count: number) {
    this.slots = Array.from({ length: count }, () => new WorkerSlot(where));
    const split = stages.filter((stage) => stage.split);
    const preload = { pipeline: split.some((stage) => !stage.split!.module), modules: [...new Set(split.flatMap((stage) => stage.split!.module ?? []))] };
    if (split.length > 0) for (const slot of this.slots.slice(0, split.length)) slot.preload(preload);
    for (const stage of this.slots.length > 0 ? split.filter((candidate) => candidate.split!.readAhead) : []) this.slotFor(stage).readAhead(stage);
  }

  /** The slot a stage went to before, else the least queued. */
  slotFor(stage: CorpusStage): WorkerSlot {
    let slot = this.slotOf.get(stage.name);
    if (!slot) this.slotOf.set(stage.name, (slot = this.slots.reduce((least, candidate) => (candidate.queued < least.queued ? candidate : least))));
    return slot;
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot.close()));
  }
}

/** Runs the stages; returns how many computed in a worker thread. */
export async function runCorpusStages(stages: readonly CorpusStage[], run: CorpusRun): Promise<number> {
  const computing = new Map<string, Promise<unknown>>();
  const finished = new Set<string>();
  const byName = new Map(stages.map((stage) => [stage.name, stage]));
  // Each slot runs its stages one after the other; a stage takes the slot it finds least queued. The
  // worker threads start, and load the split stages' modules, while the first stages run here (unless
  // the run started them earlier).
  const workers = run.workers ?? new CorpusWorkers(stages, { dbPath: run.dbPath, reportsDir: run.context.reportsDir }, run.workerSlots);
  const { slots } = workers;
  for (const slot of slots) slot.spent = run.spent;
  const split = stages.filter((stage) => stage.split);
  // Prepare steps start at once, each in the slot its stage will compute in.
  for (const stage of slots.length > 0 ? split.filter((candidate) => candidate.split!.prepare) : []) workers.slotFor(stage).prepare(stage, run.context.incremental);
  /** Makes sure a stage's result is in the store: applies a worker's result, in the main thread. */
  const settle = async (name: string) => {
    if (finished.has(name)) return;
    const pending = computing.get(name);
    if (!pending) throw new Error(`corpus stage ${name} is needed before it runs`);
    const data = await pending;
    const stage = byName.get(name)!;
    const begun = performance.now();
    const result = stage.split!.apply(run.context, data);
    run.spent(name, (performance.now() - begun) / 1000);
    run.done(name, result);
    finished.add(name);
  };
  try {
    for (const [index, stage] of stages.entries()) {
      for (const need of stage.needs) await settle(need);
      run.started(stage, index);
      if (stage.split && slots.length > 0) {
        const working = workers.slotFor(stage).compute(stage, run.context.incremental);
        // A failure surfaces when the stage is settled; never as an unhandled rejection meanwhile.
        working.catch(() => {});
        computing.set(stage.name, working);
        // With the last split stage sent, each worker copies the log into the store once its stages are
        // computed, beside the main thread's stages: closing the store copies only what was written since.
        if (computing.size === split.length) for (const slot of slots) slot.checkpoint();
        continue;
      }
      const begun = performance.now();
      const result = stage.run(run.context);
      run.spent(stage.name, (performance.now() - begun) / 1000);
      run.done(stage.name, result);
      finished.add(stage.name);
    }
    for (const stage of stages) await settle(stage.name);
  } finally {
    // A failed run leaves no worker behind to keep the process alive.
    await Promise.allSettled(computing.values());
    // Workers the run was given are the caller's to close.
    if (!run.workers) await workers.close();
  }
  return computing.size;
}

/** How a worker finds a split stage: by name among the pipeline's, or as a module's export. */
function stageName(stage: CorpusStage): StageName {
  const { module, exportName } = stage.split!;
  return { name: stage.name, module, exportName };
}

/** One worker thread, started by its first preload or stage, computing the stages sent to it in order. */
class WorkerSlot {
  /** Stages sent to it, to compute, prepare or read ahead for. */
  queued = 0;
  /** Records the seconds a stage took in the worker. */
  spent: CorpusRun['spent'] = () => {};
  private worker: Worker | undefined;
  private exited = false;
  private readonly pending = new Map<number, { stage: CorpusStage; resolve: (data: unknown) => void; reject: (error: Error) => void }>();

  constructor(private readonly where: { dbPath: string; reportsDir: string }) {}

  /** Resolves with the stage's data once the seconds it took are recorded. */
  compute(stage: CorpusStage, incremental: boolean): Promise<unknown> {
    this.queued += 1;
    const worker = this.worker ?? this.start();
    const id = this.queued;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { stage, resolve, reject });
      worker.postMessage({ id, incremental, ...stageName(stage) } satisfies CorpusWorkerTask);
    });
  }

  /** Has the worker run the stage's read-ahead step, for its prepare step (which must be sent here too). */
  readAhead(stage: CorpusStage): void {
    this.queued += 1;
    (this.worker ?? this.start()).postMessage({ readAhead: stageName(stage) } satisfies CorpusWorkerTask);
  }

  /** Starts the worker, if it has not started, and has it load the stages it may be sent. */
  preload(preload: { pipeline: boolean; modules: string[] }): void {
    (this.worker ?? this.start()).postMessage({ preload } satisfies CorpusWorkerTask);
  }

  /** Has the worker run the stage's prepare step, for its compute (which must be sent here too). */
  prepare(stage: CorpusStage, incremental: boolean): void {
    this.queued += 1;
    (this.worker ?? this.start()).postMessage({ prepare: stageName(stage), incremental } satisfies CorpusWorkerTask);
  }

  /** Has a started worker checkpoint the store (see corpus-worker.ts). */
  checkpoint(): void {
    if (this.worker && !this.exited) this.worker.postMessage({ checkpoint: true } satisfies CorpusWorkerTask);
  }

  /** Ends the worker once it has done what it was sent. */
  async close(): Promise<void> {
    if (!this.worker || this.exited) return;
    const exited = new Promise((resolve) => this.worker!.once('exit', resolve));
    this.worker.postMessage({ close: true } satisfies CorpusWorkerTask);
    await exited;
  }

  private start(): Worker {
    const { dbPath, reportsDir } = this.where;
    const worker = new Worker(WORKER_ENTRY, { workerData: { dbPath, reportsDir } satisfies CorpusWorkerData });
    const failAll = (why: string) => {
      for (const { stage, reject } of this.pending.values()) reject(new Error(`${stage.name} (worker): ${why}`));
      this.pending.clear();
    };
    worker.on('message', (result: CorpusWorkerResult) => {
      const task = this.pending.get(result.id)!;
      this.pending.delete(result.id);
      if ('error' in result) return task.reject(new Error(`${task.stage.name} (worker): ${result.error}`));
      this.spent(task.stage.name, result.seconds);
      task.resolve(result.data);
    });
    worker.on('error', (error) => failAll(error.stack ?? error.message));
    worker.on('exit', (code) => {
      this.exited = true;
      failAll(`exited with code ${code}`);
    });
    this.worker = worker;
    return worker;
  }
}
