/**
 * The per-document stages over one file, with nothing shared: the same function runs in the main
 * thread (one worker's worth of concurrency) and in each worker thread, and returns plain data the
 * main thread stores. Messages and stage timings come back with the result instead of being printed,
 * so the main thread can report them in corpus order whichever worker finished first.
 */
import { DOCUMENT_STAGES } from '../stages/document-stages.ts';
import { contentLemmas } from '../stages/parse/index.ts';
import { countStems } from '../stages/reconcile/stems.ts';
import type { ProcessedDocument } from './db/documents.ts';
import type { Doc, DocMeta } from './doc.ts';
import { InputError } from './errors.ts';
import { sha256 } from './hash.ts';
import type { StageContext } from './stage.ts';

/** A file to process: what the main thread read and knows about it. */
export interface DocumentJob {
  path: string;
  raw: Buffer;
  fileHash: string;
  meta: DocMeta;
  maxBytes: number;
}

/** A message about the file, as the run reports it. */
export interface JobMessage {
  level: 'error' | 'warning';
  stage: string;
  rule?: string;
  reason: string;
}

export interface JobResult {
  /** The document as stored, or undefined when the file was rejected (the reason is among the messages). */
  processed?: Omit<ProcessedDocument, 'stageVersions'>;
  messages: JobMessage[];
  /** Seconds spent in each stage. */
  seconds: Record<string, number>;
}

/** Content-derived document id: the first 16 hex digits of the sha256 of the stored text (its content hash). */
export function documentId(contentHash: string): string {
  return contentHash.slice(0, 16);
}

/** Runs the per-document stages on one file. */
export function processDocument(job: DocumentJob): JobResult {
  const doc: Doc = { path: job.path, raw: job.raw, fileHash: job.fileHash, meta: job.meta, data: {} };
  const messages: JobMessage[] = [];
  const seconds: Record<string, number> = {};
  for (const stage of DOCUMENT_STAGES) {
    const ctx: StageContext = {
      options: { maxBytes: job.maxBytes },
      warn: (reason, rule) => messages.push({ level: 'warning', stage: stage.name, rule, reason }),
    };
    const started = performance.now();
    try {
      (doc.data as Record<string, unknown>)[stage.provides] = stage.run(doc, ctx);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      messages.push({ level: 'error', stage: stage.name, reason: `${error.reason} (skipped)` });
      return { messages, seconds };
    } finally {
      seconds[stage.name] = (seconds[stage.name] ?? 0) + (performance.now() - started) / 1000;
    }
  }
  return { processed: collect(doc), messages, seconds };
}

/** What the store keeps of a processed document. */
function collect(doc: Doc): Omit<ProcessedDocument, 'stageVersions'> {
  const ingest = doc.data.ingest!;
  const contentHash = sha256(ingest.text);
  const { entities, dates, figures, claims } = doc.data;
  const terms = new Map((doc.data.parse?.sentences ?? []).map((sentence) => [sentence.ordinal, contentLemmas(sentence.tokens)]));
  const segment = doc.data.segment!;
  const stems = countStems(segment.sentences.map((sentence) => ingest.text.slice(sentence.start, sentence.end)));
  return { id: documentId(contentHash), path: doc.path, fileHash: doc.fileHash, contentHash, ingest, segment, terms, stems, extracted: { entities, dates, figures, claims } };
}
