/**
 * One run: read the corpus, decide per file whether it is new, changed, unchanged or gone, run the
 * per-document stages on what needs it (in worker threads; p-queue bounds the work in flight), store
 * the documents in corpus order, in batched transactions, then run the corpus stages over the store and
 * record the run.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import PQueue from 'p-queue';
import { ARTICLE_TYPES, listCorpus, MANIFEST, readArticle, readManifest, type ManifestEntry } from './corpus.ts';
import { runCorpusStages } from './corpus-runner.ts';
import { corpusWork, digestInputs, digestReports, lastCorpusState, type CorpusState } from './corpus-state.ts';
import { documentWriter, metadataUpdater } from './db/documents.ts';
import { openStore } from './db/open.ts';
import type { DocKind, DocMeta } from './doc.ts';
import { FatalError } from './errors.ts';
import { claimStore, describeHolder, releaseClaim } from './lock.ts';
import { CORPUS_STAGE_VERSIONS, DOCUMENT_STAGE_VERSIONS } from '../stages/versions.ts';
import { sha256 } from './hash.ts';
import { visibleName } from './shown-text.ts';
import type { DocumentJob, JobResult } from './process-document.ts';
import { Progress, type ProgressMode } from './progress.ts';
import { WorkerPool } from './worker-pool.ts';

/**
 * Fewer documents than this are processed in the main thread: each worker loads the language models
 * and starts with a cold JIT, which below about 300 articles costs more than the second core saves
 * (docs/performance.md, "Worker threads").
 */
const MIN_DOCUMENTS_FOR_WORKERS = 300;
/** Jobs handed to each worker ahead of the one it is working on, so that no worker waits for the next. */
const JOBS_AHEAD = 2;
/** Documents stored per transaction at most, and the longest a batch stays open (a reviewer's write waits for it). */
const BATCH_DOCUMENTS = 32;
const BATCH_MILLISECONDS = 250;

export interface RunOptions {
  corpusDir: string;
  dbPath: string;
  reportsDir: string;
  concurrency: number;
  /** Worker threads are used from this many documents (default MIN_DOCUMENTS_FOR_WORKERS; `--workers-from`). */
  minDocumentsForWorkers?: number;
  /**
   * The caller has just put new files in the corpus (`add`): with a concurrency above 1, one worker
   * thread starts loading the per-document stages as the run starts, while the store is opened and the
   * corpus hashed, and processes the new files if they are fewer than `minDocumentsForWorkers`.
   */
  expectNewFiles?: boolean;
  force: boolean;
  maxBytes: number;
  /** Read symbolic links in the corpus folder that lead to files inside it (others are never read). */
  followSymlinks?: boolean;
  /** Let a corpus folder without articles empty a store that has documents. */
  allowEmpty?: boolean;
  /** How long to wait for another run holding the store to finish (default 0: fail at once). */
  waitSeconds?: number;
  /** Work done once the run holds the store and before it reads the corpus (`add` copies its files here). */
  underLock?: () => void;
  /** Progress on stderr: a line rewritten in place, plain lines, or none. */
  progress: ProgressMode;
  /** Receives each message as one printable line. */
  log: (line: string) => void;
}

/** A message about one file, as printed and as recorded in run_messages. */
export interface RunMessage {
  path: string;
  level: 'error' | 'warning';
  stage: string;
  rule?: string;
  reason: string;
}

export interface RunSummary {
  run: number;
  documents: { added: number; changed: number; reprocessed: number; unchanged: number; removed: number; rejected: number; duplicates: number };
  tables: Record<string, number>;
  /** Seconds per stage: for the per-document stages, summed over the worker threads that ran them. */
  seconds: Record<string, number>;
  /** Worker threads that ran the per-document stages (0: the main thread ran them). */
  workers: number;
  /** Files that went through the per-document stages: not the unchanged ones, nor copies of a file processed in the same run. */
  processed: number;
  /** True when nothing the corpus stages read had changed and the reports were as they left them: they did not run. */
  corpusStagesSkipped: boolean;
  /** What each corpus stage worked out again, e.g. "3 of 2,128 document pages" (empty when they were skipped). */
  corpusWork: Record<string, string>;
  /** The process's peak resident memory (MB, workers included) once the per-document stages were done, and at the end of the run. */
  peakRssMb: { documents: number; run: number };
  messages: RunMessage[];
}

const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

/** The version of every stage, as recorded with each run and each document. */
export function stageVersions(): Record<string, string> {
  return { ...DOCUMENT_STAGE_VERSIONS, ...CORPUS_STAGE_VERSIONS };
}

const TABLES = ['documents', 'document_files', 'paragraphs', 'sentences', 'boilerplate_blocks', 'mentions', 'entities', 'dates', 'figures', 'claims'];

/** Runs the pipeline once; returns the summary. Throws FatalError when the run cannot start. */
export async function runPipeline(options: RunOptions): Promise<RunSummary> {
  const startedAt = performance.now();
  const seconds: Record<string, number> = {};
  const time = <T>(name: string, work: () => T): T => {
    const start = performance.now();
    try {
      return work();
    } finally {
      seconds[name] = (seconds[name] ?? 0) + (performance.now() - start) / 1000;
    }
  };

  checkReportsFolder(options.reportsDir);
  // Read before the store is opened, so that a corpus that cannot be read leaves the store as it is;
  // read again once the run holds the store, when no other run can change it.
  const beforeLock = readCorpus(options.corpusDir);
  // Loading the stages' language models takes longer than hashing the corpus: started first, they overlap.
  const warm = options.expectNewFiles && options.concurrency > 1 ? new WorkerPool(1) : undefined;
  try {
    const db = await openStore(options.dbPath);
    let claimed = false;
    try {
      const runId = await claimStore(db, {
        dbPath: options.dbPath,
        record: { options: JSON.stringify({ corpus: options.corpusDir, force: options.force, concurrency: options.concurrency }), stageVersions: JSON.stringify(stageVersions()) },
        waitSeconds: options.waitSeconds ?? 0,
        waiting: (holder) => options.log(`waiting for ${describeHolder(holder)} to finish, for up to ${options.waitSeconds} s (--wait)`),
      });
      claimed = true;
      let corpus: CorpusFiles;
      try {
        corpus = readCorpus(options.corpusDir, beforeLock);
        // Decided before `add` copies anything: what it adds is new, and removes nothing stored.
        refuseToEmpty(db, corpus, options);
        if (options.underLock) {
          options.underLock();
          corpus = readCorpus(options.corpusDir, corpus);
        }
      } catch (error) {
        releaseClaim(db, runId);
        throw error;
      }
      return await runOnStore(db, options, runId, { ...corpus, time, seconds, startedAt, warm });
    } catch (error) {
      // A run that fails leaves no lock behind. A run refused as busy has no row of its own, and must not
      // write: the run holding the store would keep it waiting, and the refusal would become a lock error.
      if (claimed) markFailed(db);
      throw error;
    } finally {
      db.close();
    }
  } finally {
    // Whatever failed, no worker thread is left to keep the process alive.
    await warm?.close();
  }
}

/** Marks this process's run failed; a store that cannot take the write says nothing over the run's own error. */
function markFailed(db: Database.Database): void {
  try {
    db.prepare("UPDATE runs SET status = 'failed', finished_at = ? WHERE status = 'running' AND pid = ?").run(new Date().toISOString(), process.pid);
  } catch {
    // The row stays 'running' with this pid: the next run finds the process gone and takes the store over.
  }
}

/** A --reports that names a file is refused before anything is written. */
function checkReportsFolder(reportsDir: string): void {
  if (statSync(reportsDir, { throwIfNoEntry: false })?.isDirectory() === false) {
    throw new FatalError(`${reportsDir}: is a file, not a folder; give --reports a folder (it is created if missing)`);
  }
}

/** The corpus folder's files and manifest, and what tells whether the manifest changed since. */
interface CorpusFiles {
  articles: string[];
  unsupported: string[];
  links: Set<string>;
  manifest: Map<string, ManifestEntry>;
  manifestStamp: string;
}

/** Lists the corpus and reads its manifest; the manifest read `earlier` is kept if the file is unchanged since. */
function readCorpus(corpusDir: string, earlier?: CorpusFiles): CorpusFiles {
  const listed = listCorpus(corpusDir);
  const stats = statSync(join(corpusDir, MANIFEST), { throwIfNoEntry: false });
  const manifestStamp = stats ? `${stats.ino}:${stats.size}:${stats.mtimeMs}` : '';
  const manifest = earlier && earlier.manifestStamp === manifestStamp ? earlier.manifest : readManifest(corpusDir);
  return { ...listed, manifest, manifestStamp };
}

/**
 * A run that would remove every stored document, because the corpus folder holds none of their files
 * (an empty folder, or a wrong --corpus that holds other files), goes on only with --allow-empty.
 */
function refuseToEmpty(db: Database.Database, corpus: CorpusFiles, options: RunOptions): void {
  if (options.allowEmpty) return;
  const stored = db.prepare('SELECT count(*) FROM documents').pluck().get() as number;
  if (stored === 0) return;
  const readable = new Set(corpus.articles.filter((path) => options.followSymlinks || !corpus.links.has(path)));
  const paths = db.prepare('SELECT path FROM document_files').pluck().all() as string[];
  if (paths.some((path) => readable.has(path))) return;
  const found = readable.size === 0 ? 'has no articles' : `has none of the stored documents' files`;
  // `add` never empties a store: its files belong with another store, or in another corpus folder.
  const hint = options.underLock ? 'nothing was added; check --corpus and --db' : 'check --corpus, or pass --allow-empty to remove them';
  throw new FatalError(`${options.corpusDir}: ${found}, and the run would remove all ${stored} stored documents; ${hint}`);
}

interface Scan extends CorpusFiles {
  time: <T>(name: string, work: () => T) => T;
  seconds: Record<string, number>;
  startedAt: number;
  /** A worker thread started early (expectNewFiles), loading the per-document stages. */
  warm: WorkerPool | undefined;
}

/** What the steps of one run share. */
interface Run {
  db: Database.Database;
  options: RunOptions;
  scan: Scan;
  log: RunLog;
  progress: Progress;
}

/**
 * The run on a store it holds: scan → process → store → metadata → corpus stages → record. Documents
 * are stored as they are processed; the corpus stages then work from the store.
 */
async function runOnStore(db: Database.Database, options: RunOptions, runId: number, scan: Scan): Promise<RunSummary> {
  const log = startLog(options);
  for (const path of scan.unsupported) log.reject(path, 'ingest', `unsupported file type (expected ${ARTICLE_TYPES})`);
  for (const [path, entry] of scan.manifest) {
    for (const warning of entry.warnings) log.say({ path, level: 'warning', stage: 'ingest', rule: 'manifest', reason: warning });
  }
  const stored = readStored(db);
  const { pending, present } = findFilesToProcess(options, scan, stored, log);

  const writer = documentWriter(db);
  const run: Run = { db, options, scan, log, progress: new Progress(options.progress) };
  const documents = await processDocuments(run, pending, stored, writer);
  const documentsPeakRss = peakRssMb();
  scan.time('store', () => removeGoneFiles(stored, present, writer, log));
  scan.time('store', () => db.transaction(() => applyMetadata(db, scan.manifest)).immediate());
  countDuplicates(db, pending, log);

  const corpus = await runCorpusSide(run);
  const { tables, seconds } = recordRun(run, runId, corpus.state);
  return {
    run: runId,
    documents: log.counts,
    tables,
    seconds,
    workers: documents.workers,
    processed: documents.processed,
    corpusStagesSkipped: corpus.skipped,
    corpusWork: corpus.redone,
    peakRssMb: { documents: documentsPeakRss, run: peakRssMb() },
    messages: log.messages,
  };
}

/** The run's messages, printed as they come and recorded with the run, and its counts of files. */
interface RunLog {
  messages: RunMessage[];
  counts: RunSummary['documents'];
  say: (message: RunMessage) => void;
  /** Counts the file as rejected and says why it was skipped. */
  reject: (path: string, stage: string, reason: string) => void;
}

function startLog(options: RunOptions): RunLog {
  const messages: RunMessage[] = [];
  const counts = { added: 0, changed: 0, reprocessed: 0, unchanged: 0, removed: 0, rejected: 0, duplicates: 0 };
  const say = (message: RunMessage) => {
    messages.push(message);
    // The path is shown visibly: a newline or escape sequence in a file name must not forge a line.
    options.log(`${message.level}: ${visibleName(join(options.corpusDir, message.path))}: ${message.reason}`);
  };
  const reject = (path: string, stage: string, reason: string) => {
    counts.rejected += 1;
    say({ path, level: 'error', stage, reason: `${reason} (skipped)` });
  };
  return { messages, counts, say, reject };
}

/** What the store held before the run: each file's document and hash, and whether a document is current. */
interface Stored {
  files: Map<string, { path: string; document_id: string; file_hash: string }>;
  /** True when the document went through the current version of every per-document stage. */
  isCurrent: (documentId: string) => boolean;
}

function readStored(db: Database.Database): Stored {
  const files = new Map(
    (db.prepare('SELECT path, document_id, file_hash FROM document_files').all() as { path: string; document_id: string; file_hash: string }[]).map((row) => [row.path, row]),
  );
  const storedVersions = new Map<string, string>();
  for (const row of db.prepare("SELECT document_id, group_concat(stage || '@' || version, ',') AS versions FROM (SELECT * FROM _document_stages ORDER BY stage) GROUP BY document_id").all() as { document_id: string; versions: string }[]) {
    storedVersions.set(row.document_id, row.versions);
  }
  const documentVersions: Record<string, string> = DOCUMENT_STAGE_VERSIONS;
  const currentVersions = Object.keys(documentVersions).sort().map((stage) => `${stage}@${documentVersions[stage]}`).join(',');
  return { files, isCurrent: (id) => storedVersions.get(id) === currentVersions };
}

/**
 * Reads each article and decides whether it needs the per-document stages. Returns those jobs, and the
 * paths the store keeps (a rejected file's included).
 */
function findFilesToProcess(options: RunOptions, scan: Scan, stored: Stored, log: RunLog): { pending: DocumentJob[]; present: Set<string> } {
  const pending: DocumentJob[] = [];
  const present = new Set<string>();
  scan.time('scan', () => {
    for (const path of scan.articles) {
      const read = readArticle(options.corpusDir, path, { maxBytes: options.maxBytes, followLinks: options.followSymlinks === true });
      // A link not followed is no part of the corpus: what the store had of it goes.
      if ('skipped' in read) {
        log.say({ path, level: 'warning', stage: 'ingest', rule: 'symlink', reason: read.skipped });
        continue;
      }
      present.add(path);
      const entry = scan.manifest.get(path);
      const storedFile = stored.files.get(path);
      if (entry?.error) {
        // A typo in the manifest must not change what is stored: the document stays as it was, metadata and all.
        if (!storedFile) log.reject(path, 'ingest', entry.error);
        else {
          log.counts.rejected += 1;
          log.say({ path, level: 'error', stage: 'ingest', rule: 'manifest', reason: `${entry.error}; kept the stored document and its metadata until the entry is fixed` });
        }
        continue;
      }
      if ('rejected' in read) {
        log.reject(path, 'ingest', read.rejected);
        continue;
      }
      const raw = read.bytes;
      const fileHash = sha256(raw);
      if (storedFile && storedFile.file_hash === fileHash && stored.isCurrent(storedFile.document_id) && !options.force) {
        log.counts.unchanged += 1;
        continue;
      }
      pending.push({ path, raw, fileHash, meta: entry?.meta ?? {}, maxBytes: options.maxBytes });
    }
  });
  return { pending, present };
}

/** Documents go through the seven document stages side by side: the progress line names their phase as a whole. */
const DOCUMENT_PHASE = 'extract';

/**
 * Runs the per-document stages on the pending files, in worker threads when there are enough files to
 * repay starting them, and stores the results in corpus order whichever worker finishes first, so that
 * a parallel run stores, numbers and reports exactly what a run with --concurrency 1 does.
 */
async function processDocuments(run: Run, pending: DocumentJob[], stored: Stored, writer: DocumentWriter): Promise<{ workers: number; processed: number }> {
  const { options, scan, progress } = run;
  const batch = new WriteBatch(run.db);
  const store = documentStorer(run, stored, writer, batch);
  const pool = await documentWorkers(options, pending.length, scan.warm);
  // In the main thread the stages (and their language models) load only when a document needs them.
  const processDocument = pool || pending.length === 0 ? undefined : (await import('./process-document.ts')).processDocument;
  const processJob = (job: DocumentJob) => (pool ? pool.run(job) : Promise.resolve().then(() => processDocument!(job)));
  let processed: number;
  try {
    // The phase starts now, so the time left is estimated from the first document's real cost.
    if (pending.length > 0) progress.update(DOCUMENT_PHASE, 0, pending.length);
    // The queue bounds the documents between reading and storing, so memory stays flat however large the corpus.
    const inFlight = pool ? pool.size * (1 + JOBS_AHEAD) : 1;
    processed = await processInOrder(pending, processJob, inFlight, (index, result) => {
      store(pending[index]!, result);
      progress.update(DOCUMENT_PHASE, index + 1, pending.length);
    });
  } finally {
    scan.time('store', () => batch.commit());
    await pool?.close();
  }
  progress.finish();
  return { workers: pool?.size ?? 0, processed };
}

type DocumentWriter = ReturnType<typeof documentWriter>;

/**
 * Stores each processed document and counts it as added, changed or reprocessed. A document that two
 * files of the run share is written once.
 */
function documentStorer(run: Run, stored: Stored, writer: DocumentWriter, batch: WriteBatch): (job: DocumentJob, result: JobResult) => void {
  const { options, scan, log } = run;
  const writtenThisRun = new Set<string>();
  return (job, result) => {
    for (const [stage, spent] of Object.entries(result.seconds)) scan.seconds[stage] = (scan.seconds[stage] ?? 0) + spent;
    for (const message of result.messages) log.say({ path: job.path, ...message });
    const processed = result.processed;
    if (!processed) {
      log.counts.rejected += 1;
      return;
    }
    const storedFile = stored.files.get(job.path);
    if (!storedFile) log.counts.added += 1;
    else if (storedFile.file_hash !== job.fileHash) log.counts.changed += 1;
    else log.counts.reprocessed += 1;
    const rewrite = !writtenThisRun.has(processed.id) && (options.force || !stored.isCurrent(processed.id));
    writtenThisRun.add(processed.id);
    scan.time('store', () => batch.write(() => writer.write({ ...processed, stageVersions: DOCUMENT_STAGE_VERSIONS }, rewrite)));
  };
}

/**
 * The worker threads for the per-document stages: a pool of one per core (at most --concurrency) for
 * many files, the worker started early (`add`) for a few, none when the main thread processes them. The
 * early worker is closed when it is not used.
 */
async function documentWorkers(options: RunOptions, files: number, warm: WorkerPool | undefined): Promise<WorkerPool | undefined> {
  const many = options.concurrency > 1 && files >= (options.minDocumentsForWorkers ?? MIN_DOCUMENTS_FOR_WORKERS);
  // More workers than cores only add start-up time and memory.
  const pool = many ? new WorkerPool(Math.min(options.concurrency, availableParallelism())) : files > 0 ? warm : undefined;
  if (pool !== warm) await warm?.close();
  return pool;
}

/**
 * Processes the jobs, at most `inFlight` at once, and hands each result to `store` in the jobs' order.
 * Returns how many files were processed. A file byte for byte like an earlier one in this run (BBC has
 * 98) is not processed again: it takes the earlier file's result under its own path.
 */
async function processInOrder(
  jobs: DocumentJob[],
  processJob: (job: DocumentJob) => Promise<JobResult>,
  inFlight: number,
  store: (index: number, result: JobResult) => void,
): Promise<number> {
  const inOrder = new OrderedDelivery<JobResult>(store);
  const queue = new PQueue({ concurrency: inFlight });
  // Only results that a later copy will ask for are kept, and only until the last copy has them.
  const copiesToCome = new Map<string, number>();
  for (const job of jobs) copiesToCome.set(job.fileHash, (copiesToCome.get(job.fileHash) ?? -1) + 1);
  const shared = new Map<string, Promise<JobResult>>();
  let processedFiles = 0;
  const tasks = jobs.map((job, index) =>
    queue.add(async () => {
      const earlier = shared.get(job.fileHash);
      let result: JobResult;
      if (!earlier) {
        const processing = processJob(job);
        if (copiesToCome.get(job.fileHash)! > 0) shared.set(job.fileHash, processing);
        result = await processing;
        processedFiles += 1;
      } else {
        const copies = copiesToCome.get(job.fileHash)! - 1;
        copiesToCome.set(job.fileHash, copies);
        if (copies === 0) shared.delete(job.fileHash);
        const { processed, messages } = await earlier;
        result = { messages, seconds: {}, processed: processed && { ...processed, path: job.path } };
      }
      await inOrder.deliver(index, result);
    }),
  );
  try {
    await Promise.all(tasks);
  } catch (error) {
    // The first failure ends the run: nothing more starts, and results waiting for their turn are dropped.
    queue.clear();
    inOrder.fail(error);
    throw error;
  }
  inOrder.finish();
  return processedFiles;
}

/** Removes what the store has of files gone from the corpus. A file still there but rejected keeps what it had. */
function removeGoneFiles(stored: Stored, present: Set<string>, writer: DocumentWriter, log: RunLog): void {
  for (const path of stored.files.keys()) {
    if (present.has(path)) continue;
    writer.remove(path);
    log.counts.removed += 1;
  }
}

/** Counts the files stored as copies of another file's text, and warns of those that this run processed. */
function countDuplicates(db: Database.Database, pending: DocumentJob[], log: RunLog): void {
  const pendingPaths = new Set(pending.map((doc) => doc.path));
  for (const row of db.prepare('SELECT f.path, d.path AS primary_path FROM document_files f JOIN documents d ON d.id = f.document_id WHERE f.path <> d.path ORDER BY f.path').all() as { path: string; primary_path: string }[]) {
    log.counts.duplicates += 1;
    if (pendingPaths.has(row.path) || pendingPaths.has(row.primary_path)) {
      log.say({ path: row.path, level: 'warning', stage: 'ingest', rule: 'duplicate', reason: `has the same text as ${row.primary_path}; stored once as one document with both paths` });
    }
  }
}

/** Runs the corpus stages, unless nothing they read has changed and the reports are as they left them. */
async function runCorpusSide(run: Run): Promise<{ skipped: boolean; redone: Record<string, string>; state: CorpusState }> {
  const { db, options, scan } = run;
  const versions = stageVersions();
  const inputs = scan.time('scan', () => digestInputs(db, versions, options.reportsDir));
  const reportsBefore = digestReports(options.reportsDir);
  const work = corpusWork(lastCorpusState(db), { inputs, reports: reportsBefore, stageVersions: versions, force: options.force });
  // Skipped, the stages wrote nothing: the folder is as it was listed before.
  if (work === 'skip') return { skipped: true, redone: {}, state: { inputs, reports: reportsBefore } };
  const redone = await runEveryCorpusStage(run, work === 'incremental');
  return { skipped: false, redone, state: { inputs, reports: digestReports(options.reportsDir) } };
}

/** Returns what each stage worked out again, in stage order. */
async function runEveryCorpusStage(run: Run, incremental: boolean): Promise<Record<string, string>> {
  const { db, options, scan, progress } = run;
  const { CORPUS_STAGES } = await import('../stages/corpus-stages.ts');
  const redone: Record<string, string> = {};
  runCorpusStages(CORPUS_STAGES, {
    context: { db, reportsDir: options.reportsDir, incremental },
    started: (stage, index) => progress.update(stage.name, index, CORPUS_STAGES.length, 'stages'),
    spent: (stage, spent) => (scan.seconds[stage] = (scan.seconds[stage] ?? 0) + spent),
    done: (stage, result) => (redone[stage] = result.redone),
  });
  progress.finish();
  return redone;
}

/** Marks the run completed, with its counts, seconds and messages; returns the table sizes and the seconds as recorded. */
function recordRun(run: Run, runId: number, corpusState: CorpusState): { tables: Record<string, number>; seconds: Record<string, number> } {
  const { db, scan, log } = run;
  const tables = Object.fromEntries(TABLES.map((table) => [table, (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n]));
  scan.seconds.total = (performance.now() - scan.startedAt) / 1000;
  const rounded = Object.fromEntries(Object.entries(scan.seconds).map(([name, value]) => [name, Math.round(value * 1000) / 1000]));
  db.transaction(() => {
    db.prepare("UPDATE runs SET finished_at = ?, status = 'completed', stage_seconds = ?, counts = ?, corpus_state = ? WHERE id = ?").run(
      new Date().toISOString(), JSON.stringify(rounded), JSON.stringify({ documents: log.counts, tables }), JSON.stringify(corpusState), runId,
    );
    const insert = db.prepare('INSERT INTO run_messages (run_id, path, level, stage, rule, reason) VALUES (?, ?, ?, ?, ?, ?)');
    for (const message of log.messages) insert.run(runId, message.path, message.level, message.stage, message.rule ?? null, message.reason);
  }).immediate();
  return { tables, seconds: rounded };
}

/**
 * Groups document writes into transactions of up to BATCH_DOCUMENTS documents or BATCH_MILLISECONDS:
 * each commit costs about as much as writing a document. A batch commits whole or not at all, and each
 * document inside it is its own savepoint (better-sqlite3 nests transaction functions so), so a crash
 * or a failed write never leaves half a document.
 */
class WriteBatch {
  private documents = 0;
  private startedAt = 0;
  constructor(private readonly db: Database.Database) {}

  write(writeDocument: () => void): void {
    if (!this.db.inTransaction) {
      this.db.exec('BEGIN IMMEDIATE');
      this.documents = 0;
      this.startedAt = performance.now();
    }
    writeDocument();
    this.documents += 1;
    if (this.documents >= BATCH_DOCUMENTS || performance.now() - this.startedAt >= BATCH_MILLISECONDS) this.commit();
  }

  commit(): void {
    if (this.db.inTransaction) this.db.exec('COMMIT');
  }
}

/**
 * Hands results to `use` in index order, whatever order they arrive in. `deliver` resolves once the
 * result has been used, so a caller that awaits it holds its slot (and its memory) until then.
 */
class OrderedDelivery<T> {
  private next = 0;
  private readonly waiting = new Map<number, { result: T; used: () => void; failed: (error: unknown) => void }>();

  constructor(private readonly use: (index: number, result: T) => void) {}

  deliver(index: number, result: T): Promise<void> {
    return new Promise((used, failed) => {
      this.waiting.set(index, { result, used, failed });
      for (let ready = this.waiting.get(this.next); ready; ready = this.waiting.get(this.next)) {
        this.waiting.delete(this.next);
        try {
          this.use(this.next, ready.result);
        } catch (error) {
          ready.failed(error);
          return;
        }
        this.next += 1;
        ready.used();
      }
    });
  }

  /** Rejects every result still waiting for its turn. */
  fail(error: unknown): void {
    for (const entry of this.waiting.values()) entry.failed(error);
    this.waiting.clear();
  }

  /** Throws if a result never came (a bug: every index must be delivered). */
  finish(): void {
    if (this.waiting.size > 0) throw new Error(`results ${[...this.waiting.keys()].join(', ')} were never stored`);
  }
}

const TEXT_HEAD = 1000;
/** Named in each document's metadata_inputs: change it when the way metadata is merged or a title made changes, so every document's is set again. */
const METADATA_RULES = 2;

/**
 * Sets every stored document's metadata: the manifest entry of its first path that has one, over what
 * the file itself says. A document whose inputs (its file's metadata and that manifest entry, named in
 * metadata_inputs) are those it was last set from is left as it is: its text is not read again for a
 * title.
 */
function applyMetadata(db: Database.Database, manifest: Map<string, ManifestEntry>): void {
  const update = metadataUpdater(db);
  const rows = db
    .prepare('SELECT d.id, d.file_metadata, d.metadata_inputs, group_concat(f.path, char(10)) AS paths FROM documents d JOIN document_files f ON f.document_id = d.id GROUP BY d.id')
    .all() as { id: string; file_metadata: string; metadata_inputs: string | null; paths: string }[];
  // The text's beginning only, which holds the first line a title may come from (the whole text, when that line is longer).
  const textHead = db.prepare(`SELECT substr(text, 1, ${TEXT_HEAD}) FROM documents WHERE id = ?`).pluck();
  const wholeText = db.prepare('SELECT text FROM documents WHERE id = ?').pluck();
  const noteInputs = db.prepare('UPDATE documents SET metadata_inputs = ? WHERE id = ?');
  for (const row of rows) {
    const paths = row.paths.split('\n').sort();
    const entry = paths.map((path) => manifest.get(path)).find((found) => found !== undefined);
    // An entry with errors leaves the metadata the document has (one never set gets the entry's valid fields).
    if (entry?.error && row.metadata_inputs !== null) continue;
    const fromManifest = entry?.meta ?? {};
    const inputs = sha256(JSON.stringify([METADATA_RULES, row.file_metadata, fromManifest]));
    if (inputs === row.metadata_inputs) continue;
    const meta: DocMeta = { ...(JSON.parse(row.file_metadata) as DocMeta), ...fromManifest };
    let title = meta.title;
    if (title === undefined) {
      const head = textHead.get(row.id) as string;
      title = titleFromText(head.length === TEXT_HEAD && !head.includes('\n') ? (wholeText.get(row.id) as string) : head);
    }
    update(row.id, { ...meta, title, kind: meta.kind ?? ('unknown' satisfies DocKind) });
    noteInputs.run(inputs, row.id);
  }
}

/** A title for a document without one: its first line, cut at a word boundary. */
export function titleFromText(text: string): string {
  const first = text.split('\n', 1)[0]!.trim();
  if (first.length <= 120) return first;
  return `${first.slice(0, 120).replace(/\s+\S*$/, '')}…`;
}
