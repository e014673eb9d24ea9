/**
 * A fixed pool of worker threads for the per-document stages (node:worker_threads; piscina would add
 * little for one kind of job). Each job goes to the worker with the fewest jobs in flight; results come
 * back as promises. A worker that fails for a reason other than bad input fails the run.
 */
import { Worker } from 'node:worker_threads';
import type { DocumentJob, JobResult } from './process-document.ts';
import { workerEntry } from './worker-entry.ts';

interface Pending {
  resolve: (result: JobResult) => void;
  reject: (error: Error) => void;
}

interface PoolWorker {
  worker: Worker;
  inFlight: Map<number, Pending>;
  /** Why the worker stopped, once it has: a job sent to it then fails at once. */
  stopped?: Error;
}

const WORKER_ENTRY = workerEntry('document-worker', import.meta.url);

export class WorkerPool {
  private readonly workers: PoolWorker[] = [];
  private nextId = 0;
  private closed = false;

  constructor(readonly size: number) {
    for (let index = 0; index < size; index += 1) {
      const entry: PoolWorker = { worker: new Worker(WORKER_ENTRY), inFlight: new Map() };
      entry.worker.on('message', (message: { id: number; result?: JobResult; error?: string }) => {
        const pending = entry.inFlight.get(message.id);
        if (!pending) return;
        entry.inFlight.delete(message.id);
        if (message.error !== undefined) pending.reject(new Error(`worker: ${message.error}`));
        else pending.resolve(message.result!);
      });
      entry.worker.on('error', (error) => this.failAll(entry, error));
      entry.worker.on('exit', (code) => this.failAll(entry, new Error(`worker exited with code ${code}`)));
      this.workers.push(entry);
    }
  }

  run(job: DocumentJob): Promise<JobResult> {
    const entry = this.workers.reduce((least, candidate) => (candidate.inFlight.size < least.inFlight.size ? candidate : least));
    const id = this.nextId++;
    if (entry.stopped) return Promise.reject(entry.stopped);
    return new Promise((resolve, reject) => {
      entry.inFlight.set(id, { resolve, reject });
      entry.worker.postMessage({ id, job });
    });
  }

  /** Ends the workers; closing again does nothing. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }

  private failAll(entry: PoolWorker, error: Error): void {
    entry.stopped ??= error;
    for (const pending of entry.inFlight.values()) pending.reject(error);
    entry.inFlight.clear();
  }
}
