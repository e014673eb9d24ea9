/**
 * Runs killed with SIGKILL at eleven moments spread over a whole run (per-document stages, the store,
 * the corpus stages, the reports): each leaves a store that passes SQLite's integrity and foreign-key
 * checks, reports that are whole (each file the old or the new version, never a truncated one), and
 * the verdict recorded before the kill; the next run completes, and its export and reports equal those
 * of a run that was never killed. Half the kills hit a run adding BBC articles, half a `--force` rerun.
 *
 * CI uses 40 BBC articles beside the seeds; `npm run soak` uses 200 (KILL_ARTICLES) and more kills (KILLS).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportStore } from '../pipeline/export.ts';
import { BBC_DIR, bbcArticles, cli, workspace } from './helpers.ts';

const ARTICLES = Number(process.env.KILL_ARTICLES ?? 40);
const KILLS = Number(process.env.KILLS ?? 11);
const BIN = new URL('../bin/narratives.js', import.meta.url).pathname;

/** Every file under a folder, by relative path, with its content. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  if (!existsSync(dir)) return files;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(relative(dir, join(entry.parentPath, entry.name)), readFileSync(join(entry.parentPath, entry.name), 'utf8'));
  }
  return files;
}

/** The store's export (it has no run records, which differ between a killed and a clean store by design). */
function exported(dbPath: string): string {
  const db = new Database(dbPath, { readonly: true });
  try {
    return JSON.stringify(exportStore(db));
  } finally {
    db.close();
  }
}

function runArgs(space: ReturnType<typeof workspace>, force: boolean): string[] {
  // Worker threads from 16 documents, so that kills land in them too (by default they start from 300).
  return [BIN, 'run', '--corpus', space.corpusDir, '--db', space.dbPath, '--reports', space.reportsDir, '--concurrency', '2', '--workers-from', '16', '--quiet', ...(force ? ['--force'] : [])];
}

/** Where a kill lands: after the progress line that matches `after`, plus `delay` ms. */
interface KillPoint {
  after: RegExp;
  delay: number;
  label: string;
}

/**
 * Eleven moments across a run: after 1 document and after 10, 30, 60 and 90% of them (in the per-document
 * stages or the store's transaction), and in each corpus stage (report-pages runs in a worker thread
 * beside reconcile). The delays vary with the kill so that they land at different points within a step;
 * the corpus stages take tens of milliseconds on this corpus, so their delays stay below 20 ms.
 */
function killPoints(kills: number, documents: number): KillPoint[] {
  const atDocument = (count: number) => new RegExp(`^progress: \\S+ ${Math.max(1, Math.round(count))}/${documents} documents`, 'm');
  const moments = [
    { after: atDocument(1), label: 'document 1', longest: 150 },
    ...[0.1, 0.3, 0.6, 0.9].map((share) => ({ after: atDocument(share * documents), label: `document ${Math.max(1, Math.round(share * documents))}`, longest: 150 })),
    ...['resolve-entities', 'report-pages', 'reconcile', 'narratives', 'report-findings', 'report'].map((stage) => ({ after: new RegExp(`^progress: ${stage} `, 'm'), label: stage, longest: 20 })),
  ];
  return Array.from({ length: kills }, (_, kill) => {
    const { longest, ...moment } = moments[kill % moments.length]!;
    return { ...moment, delay: (kill * 37) % longest };
  });
}

/** Starts a run as its own process, killed at `kill` if given and still running (or calls `instead` there). Resolves with how it ended. */
function runProcess(args: string[], kill?: KillPoint, instead?: () => void): Promise<{ killed: boolean; code: number | null; ms: number; stderr: string }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...args, '--progress', 'lines'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (kill && timer === undefined && kill.after.test(stderr)) timer = setTimeout(() => (instead ? instead() : child.kill('SIGKILL')), kill.delay);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL', code, ms: performance.now() - started, stderr });
    });
  });
}

describe(`runs killed with SIGKILL at ${KILLS} moments (seeds + ${ARTICLES} BBC articles)`, () => {
  /** The store and reports of the seeds with one verdict: where every killed run starts. */
  const base = workspace();
  const bbc = bbcArticles(ARTICLES);
  let reference: { export: string; reports: Map<string, string> };
  let baseReports: Map<string, string>;

  function freshSpace() {
    const space = workspace(false);
    cpSync(base.corpusDir, space.corpusDir, { recursive: true });
    cpSync(join(base.root, 'out'), join(space.root, 'out'), { recursive: true });
    cpSync(base.reportsDir, space.reportsDir, { recursive: true });
    return space;
  }

  beforeAll(async () => {
    expect((await runProcess(runArgs(base, false))).code).toBe(0);
    const findings = await cli('findings', '--db', base.dbPath, '--kind', 'numeric_discrepancy');
    const id = findings.stdout.split(/\s+/)[0]!;
    expect((await cli('review', id, '--verdict', 'confirmed', '--note', 'checked before the kill', '--reviewer', 'test', '--db', base.dbPath)).status).toBe(0);
    baseReports = snapshot(base.reportsDir);
    for (const [index, file] of bbc.entries()) copyFileSync(join(BBC_DIR, file), join(base.corpusDir, `bbc-${String(index).padStart(3, '0')}-${file.replace('/', '-')}`));

    const clean = freshSpace();
    const result = await runProcess(runArgs(clean, false));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^progress: report /m);
    reference = { export: exported(clean.dbPath), reports: snapshot(clean.reportsDir) };
  }, 600_000);

  it('leave a sound store and whole reports, and the next run ends where a clean run does', async () => {
    const outcomes: string[] = [];
    for (let kill = 0; kill < KILLS; kill += 1) {
      const space = freshSpace();
      const force = kill % 2 === 1;
      const point = killPoints(KILLS, force ? bbc.length + 5 : bbc.length)[kill]!;
      const killed = await runProcess(runArgs(space, force), point);

      const db = new Database(space.dbPath);
      expect(db.pragma('integrity_check', { simple: true }), `kill ${kill}`).toBe('ok');
      expect(db.pragma('foreign_key_check'), `kill ${kill}`).toEqual([]);
      expect(db.prepare("SELECT verdict, note FROM reviews").all(), `kill ${kill}`).toEqual([{ verdict: 'confirmed', note: 'checked before the kill' }]);
      const stored = (db.prepare('SELECT count(*) AS n FROM document_files').get() as { n: number }).n;
      const status = (db.prepare('SELECT status FROM runs ORDER BY id DESC LIMIT 1').get() as { status: string }).status;
      db.close();
      for (const [file, content] of snapshot(space.reportsDir)) {
        if (/\.tmp-\d+$/.test(file)) continue; // a temporary file the killed run was writing; the next run removes it
        expect([baseReports.get(file), reference.reports.get(file)], `kill ${kill}: ${file} is neither the old nor the new version`).toContain(content);
      }

      const recovery = await runProcess(runArgs(space, false));
      expect(recovery.code, recovery.stderr).toBe(0);
      expect(exported(space.dbPath), `kill ${kill}: export differs from a clean run's`).toBe(reference.export);
      expect(snapshot(space.reportsDir), `kill ${kill}: reports differ from a clean run's`).toEqual(reference.reports);
      outcomes.push(`${force ? '--force' : 'adding'}, ${point.label} + ${point.delay} ms: ${killed.killed ? `killed, ${stored}/${bbc.length + 5} files stored, run ${status}` : 'finished first'}`);
    }
    console.log(`kills:\n  ${outcomes.join('\n  ')}`);
    // Most kills must land in a live run, or the test proves nothing (a run that finished first was not killed).
    expect(outcomes.filter((outcome) => outcome.includes('killed')).length).toBeGreaterThanOrEqual(KILLS - 1);
  }, 1_200_000);

  it('refuse a second run, and let findings, search, export, review and backup work while a run writes, each seeing one consistent state', async () => {
    const space = freshSpace();
    // More articles than the first test's, and the readers start after the first document: the run must
    // still be writing when the second run starts, even beside other tests on a loaded machine.
    for (const [index, file] of bbcArticles(ARTICLES + 600).slice(ARTICLES).entries()) copyFileSync(join(BBC_DIR, file), join(space.corpusDir, `extra-${String(index).padStart(3, '0')}-${file.replace('/', '-')}`));
    let reads: Promise<void> | undefined;
    const midRun: KillPoint = { after: /^progress: \S+ 1\/\d+ documents/m, delay: 0, label: 'document 1' };
    const readWhileRunning = async () => {
      const db = new Database(space.dbPath, { readonly: true });
      expect(db.prepare('SELECT status FROM runs ORDER BY id DESC LIMIT 1').get()).toEqual({ status: 'running' });
      db.close();
      const second = await cli('run', '--corpus', space.corpusDir, '--db', space.dbPath, '--reports', space.reportsDir, '--quiet');
      expect(second.status, `${second.stdout}\n${second.stderr}`).toBe(1);
      expect(second.stderr).toMatch(/store is busy: run \d+ has been writing it since \d{4}-\d\d-\d\d \d\d:\d\d UTC \(pid \d+\); try again when it ends, or if pid \d+ is no narratives run, free the store with `narratives unlock --db .*`\n$/);
      const findings = await cli('findings', '--db', space.dbPath, '--kind', 'denial');
      expect(findings.status, findings.stderr).toBe(0);
      expect(findings.stdout).toContain('Huawei');
      const search = await cli('search', 'Huawei', '--db', space.dbPath, '--json');
      expect(search.status, search.stderr).toBe(0);
      expect(JSON.parse(search.stdout).length).toBeGreaterThan(0);
      const exported = await cli('export', '--db', space.dbPath);
      expect(exported.status, exported.stderr).toBe(0);
      const snapshot = JSON.parse(exported.stdout) as { documents: { id: string }[]; paragraphs: { id: string; doc: string }[]; sentences: { doc: string; paragraph: string }[]; figures: { doc: string }[] };
      // One snapshot: everything it lists belongs to documents it lists, however far the run has got.
      const documents = new Set(snapshot.documents.map((document) => document.id));
      const paragraphs = new Set(snapshot.paragraphs.map((paragraph) => paragraph.id));
      expect(documents.size).toBeGreaterThanOrEqual(5);
      for (const item of [...snapshot.paragraphs, ...snapshot.sentences, ...snapshot.figures]) expect(documents).toContain(item.doc);
      for (const sentence of snapshot.sentences) expect(paragraphs).toContain(sentence.paragraph);
      const id = findings.stdout.split(/\s+/)[0]!;
      const review = await cli('review', id, '--verdict', 'dismissed', '--note', 'recorded during a run', '--reviewer', 'test', '--db', space.dbPath);
      expect(review.status, review.stderr).toBe(0);
      const copy = join(space.root, 'copy.db');
      const backup = await cli('backup', '--to', copy, '--db', space.dbPath);
      expect(backup.status, backup.stderr).toBe(0);
      const copied = new Database(copy, { readonly: true });
      expect(copied.pragma('integrity_check', { simple: true })).toBe('ok');
      copied.close();
    };
    const result = await runProcess(runArgs(space, false), midRun, () => (reads = readWhileRunning()));
    await reads;
    expect(reads, 'the run ended before the readers could start').toBeDefined();
    expect(result.code, result.stderr).toBe(0);
    const after = await cli('findings', '--db', space.dbPath, '--kind', 'denial');
    expect(after.stdout).toMatch(/denial +high +dismissed/);
  }, 600_000);
});
