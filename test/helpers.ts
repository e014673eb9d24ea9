/** Shared test helpers: real seed files, temporary corpora and stores, and the CLI run in-process. */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { main } from '../pipeline/cli.ts';
import type { Doc } from '../pipeline/doc.ts';
import { exportStore, type ExportedClaim } from '../pipeline/export.ts';
import { runPipeline, type RunOptions } from '../pipeline/run-pipeline.ts';
import { documentMentions } from '../stages/extract-entities/index.ts';
import { strongTypesOf } from '../stages/extract-entities/vocabulary.ts';
import { ingest } from '../stages/ingest/index.ts';
import { parseSpan } from '../stages/parse/index.ts';

export const SEEDS_DIR = new URL('../../shared/seeds/', import.meta.url).pathname;
export const BBC_DIR = new URL('../../shared/bench/bbc/', import.meta.url).pathname;
export const CORPUS_DIR = new URL('../corpus/', import.meta.url).pathname;
export const REPORTS_DIR = new URL('../reports/', import.meta.url).pathname;

export const SEED_FILES = ['000_a1abb57812357fd8.txt', '001_a5905505a034775a.txt', '002_f9bcec1626e2c574.txt', '003_1ca09edad87b2863.txt', '004_00a5cb55c041b86a.txt'] as const;

/** The first articles of each BBC category in turn, so the corpus mixes all five. */
export function bbcArticles(count: number): string[] {
  const categories = readdirSync(BBC_DIR, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  const files = categories.map((category) => readdirSync(join(BBC_DIR, category)).filter((file) => file.endsWith('.txt')).sort().map((file) => join(category, file)));
  const picked: string[] = [];
  for (let index = 0; picked.length < count; index += 1) for (const list of files) if (picked.length < count && list[index]) picked.push(list[index]!);
  return picked;
}

export function readSeed(name: string): Buffer {
  return readFileSync(join(SEEDS_DIR, name));
}

/** A Doc as the runner would hand it to the first stage. */
export function makeDoc(path: string, content: string | Buffer): Doc {
  return { path, raw: Buffer.isBuffer(content) ? content : Buffer.from(content), fileHash: '', meta: {}, data: {} };
}

/** Runs ingest on a file's content; warnings are collected. */
export function ingestContent(path: string, content: string | Buffer, maxBytes = 5_000_000) {
  const warnings: string[] = [];
  const result = ingest.run(makeDoc(path, content), { options: { maxBytes }, warn: (reason) => warnings.push(reason) });
  return { ...result, warnings };
}

const temporaryDirs: string[] = [];
afterAll(() => {
  for (const dir of temporaryDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder, removed when the test file is done. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'narratives-test-'));
  temporaryDirs.push(dir);
  return dir;
}

/** A workspace with a copy of the bundled corpus (or an empty one), a store path and a reports folder. */
export function workspace(withCorpus = true) {
  const root = tempDir();
  const corpusDir = join(root, 'corpus');
  if (withCorpus) cpSync(CORPUS_DIR, corpusDir, { recursive: true });
  else mkdirSync(corpusDir, { recursive: true });
  return { root, corpusDir, dbPath: join(root, 'out', 'narratives.db'), reportsDir: join(root, 'reports') };
}

/** Runs the pipeline on a workspace, collecting the printed lines. */
export async function run(space: ReturnType<typeof workspace>, overrides: Partial<RunOptions> = {}) {
  const lines: string[] = [];
  const summary = await runPipeline({
    corpusDir: space.corpusDir,
    dbPath: space.dbPath,
    reportsDir: space.reportsDir,
    concurrency: 2,
    force: false,
    maxBytes: 5_000_000,
    progress: 'off',
    log: (line) => lines.push(line),
    ...overrides,
  });
  return { summary, lines };
}

/** Runs the CLI in-process; returns its exit status and what it printed. */
export async function cli(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => ((stdout += String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => ((stderr += String(chunk)), true)) as typeof process.stderr.write;
  try {
    const status = await main(args);
    return { status, stdout, stderr };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

/** The claims of a run over the files given, with their manifest entries (YAML lines under the file's name). */
export async function claimsOf(files: Record<string, { text: string; manifest?: string }>): Promise<ExportedClaim[]> {
  const space = workspace(false);
  const manifest: string[] = [];
  for (const [name, { text, manifest: entry }] of Object.entries(files)) {
    writeFileSync(join(space.corpusDir, name), text);
    if (entry) manifest.push(`${name}:\n${entry}`);
  }
  if (manifest.length > 0) writeFileSync(join(space.corpusDir, 'manifest.yaml'), manifest.join('\n'));
  await run(space);
  const db = new Database(space.dbPath, { readonly: true });
  try {
    return exportStore(db).claims;
  } finally {
    db.close();
  }
}

/** The mentions extract-entities keeps of a text written one sentence per line (documentMentions). */
export function lineMentions(text: string) {
  let at = 0;
  const sentences = text.split('\n').map((line, index) => {
    const tokens = parseSpan(text, at, at + line.length);
    at += line.length + 1;
    return { ordinal: index + 1, tokens };
  });
  return documentMentions(text, sentences.filter((sentence) => sentence.tokens.length > 0));
}

/** The names extract-entities keeps of a text written one sentence per line, in order. */
export const lineNames = (text: string) => lineMentions(text).map((mention) => mention.text);

/** The types each kept mention of `name` is typed by outright (votes of STRONG_VOTE or more), one list per mention. */
export const lineStrongTypes = (text: string, name: string) =>
  lineMentions(text)
    .filter((mention) => mention.text === name)
    .map((mention) => strongTypesOf(mention.evidence));
