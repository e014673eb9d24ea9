/**
 * A worker thread running the per-document stages: it receives a file, answers with what the store
 * keeps of it. It never touches the store: the main thread is SQLite's only writer.
 */
import { parentPort } from 'node:worker_threads';
import { processDocument, type DocumentJob } from './process-document.ts';

export interface WorkerRequest {
  id: number;
  job: DocumentJob;
}

parentPort!.on('message', ({ id, job }: WorkerRequest) => {
  try {
    // A Buffer crosses the thread boundary as a plain Uint8Array: make it a Buffer again, without copying.
    const raw = Buffer.from(job.raw.buffer, job.raw.byteOffset, job.raw.byteLength);
    parentPort!.postMessage({ id, result: processDocument({ ...job, raw }) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
