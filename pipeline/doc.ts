/**
 * The one object that flows through the per-document stages, in the manner of vfile: the file, the
 * metadata and a `data` bag that each stage fills under its own key. A stage's messages go through
 * its context (StageContext.warn), not through the Doc.
 */
import type { Parse } from '../stages/parse/index.ts';
import type { EntityMention } from '../stages/extract-entities/mentions.ts';
import type { DateMention } from '../stages/extract-dates/index.ts';
import type { Figure } from '../stages/extract-figures/figures.ts';
import type { Claim } from '../stages/extract-claims/claims.ts';

/** The narrative side a document belongs to. */
export type DocKind = 'press' | 'critique' | 'news' | 'other' | 'unknown';
export const DOC_KINDS: readonly DocKind[] = ['press', 'critique', 'news', 'other', 'unknown'];

/** Metadata a researcher gives in corpus/manifest.yaml, or that the page itself carries. */
export interface DocMeta {
  title?: string;
  source?: string;
  kind?: DocKind;
  /** ISO 8601 date as precise as known: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  published?: string;
  /** The earliest day the document can be from (`YYYY-MM-DD`), when only a lower bound is known. */
  publishedEarliest?: string;
  language?: string;
  url?: string;
  author?: string;
}

/** A block of text that ingest removed as boilerplate. Its text is deliberately not kept. */
export interface RemovedBlock {
  /** The rule that removed it, e.g. `reader-comments`. */
  rule: string;
  /** Characters removed. */
  chars: number;
  /** Where it was in the source file: lines for text, the element for HTML. */
  location: string;
}

/** What ingest produces. */
export interface IngestResult {
  /** The cleaned, normalised text that is stored and that every offset refers to. */
  text: string;
  /** Metadata found in the file itself (HTML meta tags); the manifest overrides it. */
  meta: DocMeta;
  removed: RemovedBlock[];
  /** How the bytes were decoded, e.g. `utf-8`, `utf-16le`, `windows-1252`. */
  encoding: string;
}

/** A paragraph or sentence: a located, numbered piece of the stored text. */
export interface Segment {
  ordinal: number;
  start: number;
  end: number;
}

/** What segmentation produces. */
export interface Segmentation {
  paragraphs: Segment[];
  /** Sentences in text order; `paragraph` is the ordinal of the paragraph that holds each. */
  sentences: (Segment & { paragraph: number })[];
}

/** The outputs of the per-document stages, each under its stage's key. */
export interface DocData {
  ingest?: IngestResult;
  segment?: Segmentation;
  parse?: Parse;
  entities?: EntityMention[];
  dates?: DateMention[];
  figures?: Figure[];
  claims?: Claim[];
}

/** One document in flight through the stages. */
export interface Doc {
  /** Path relative to the corpus folder, with forward slashes. */
  path: string;
  /** The file's bytes. */
  raw: Buffer;
  /** sha256 of the raw bytes: what decides whether a file changed since the last run. */
  fileHash: string;
  /** Metadata from the manifest. */
  meta: DocMeta;
  data: DocData;
}

/** The stored text of a document once ingest has run. */
export function textOf(doc: Doc): string {
  const text = doc.data.ingest?.text;
  if (text === undefined) throw new Error(`${doc.path}: ingest has not run`);
  return text;
}
