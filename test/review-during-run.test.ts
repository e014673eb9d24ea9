/**
 * A fact-checker's `review` while a run writes the same store: the corpus stages hold the store's write
 * lock only to write what they worked out, `review` waits for the lock as long as it takes (and says
 * so), and every verdict is stored and kept by the run. Also who the reviewer is when USER is unset,
 * and `review --json`.
 */
import { spawn } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFindings } from '../pipeline/db/findings.ts';
import { BBC_DIR, bbcArticles, cli, run, workspace } from './helpers.ts';

const BIN = new URL('../bin/narratives.js', import.meta.url).pathname;

/**
 * While armed, the first call of a corpus stage's working out (resolve-entities' clustering, reconcile's
 * comparing of figures) records a verdict through a connection of its own that does not wait for the
 * write lock: it goes in only if the stage holds no write lock as it works.
 */
const probe = vi.hoisted(() => ({
  armed: false,
  dbPath: '',
  verdicts: new Map<string, { finding: string; verdict: 'confirmed' | 'dismissed' }>(),
  /** By stage: 'recorded', or the code of the error the verdict met. */
  outcomes: new Map<string, string>(),
  record(stage: string, Store: typeof import('better-sqlite3'), reviewFinding: typeof import('../pipeline/db/findings.ts').reviewFinding): void {
    const wanted = this.armed ? this.verdicts.get(stage) : undefined;
    if (!wanted || this.outcomes.has(stage)) return;
    const db = new Store(this.dbPath);
    try {
      db.pragma('busy_timeout = 0');
      reviewFinding(db, wanted.finding, wanted.verdict, `sent while ${stage} worked`, 'probe');
      this.outcomes.set(stage, 'recorded');
    } catch (error) {
      this.outcomes.set(stage, String((error as { code?: string }).code ?? (error as Error).message));
    } finally {
      db.close();
    }
  },
}));

vi.mock('../stages/resolve-entities/cluster.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../stages/resolve-entities/cluster.ts')>();
  const [{ default: Store }, { reviewFinding }] = await Promise.all([import('better-sqlite3'), import('../pipeline/db/findings.ts')]);
  return { ...original, clusterRows: (...args: Parameters<typeof original.clusterRows>) => (probe.record('resolve-entities', Store, reviewFinding), original.clusterRows(...args)) };
});
vi.mock('../stages/reconcile/figure-pairs.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../stages/reconcile/figure-pairs.ts')>();
  // Not awaited here: db/findings.ts reaches this module through the rule list, so it is still loading.
  let loaded: [{ default: typeof import('better-sqlite3') }, typeof import('../pipeline/db/findings.ts')] | undefined;
  void Promise.all([import('better-sqlite3'), import('../pipeline/db/findings.ts')]).then((modules) => (loaded = modules));
  return { ...original, compareFigures: (...args: Parameters<typeof original.compareFigures>) => (loaded && probe.record('reconcile', loaded[0].default, loaded[1].reviewFinding), original.compareFigures(...args)) };
});

/** The stored reviews, oldest first. */
function storedReviews(dbPath: string): { finding_id: string; verdict: string; note: string | null; reviewer: string | null; fingerprint: string }[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare('SELECT finding_id, verdict, note, reviewer, fingerprint FROM reviews ORDER BY id').all() as never;
  } finally {
    db.close();
  }
}

/** Each finding's status, by fingerprint. */
function statuses(dbPath: string): Map<string, string> {
  const db = new Database(dbPath, { readonly: true });
  try {
    return new Map(db.prepare('SELECT fingerprint, status FROM findings').raw().all() as [string, string][]);
  } finally {
    db.close();
  }
}

/** Runs the CLI as its own process; resolves with how it ended and what it printed. */
function narratives(args: string[], options: { env?: NodeJS.ProcessEnv; onStderr?: (text: string) => void } = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      options.onStderr?.(stderr);
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('corpus stages work out their results without holding the write lock', () => {
  afterEach(() => {
    probe.armed = false;
  });

  it('takes a verdict recorded while resolve-entities groups and reconcile compares, and keeps it', async () => {
    const space = workspace();
    await run(space);
    const db = new Database(space.dbPath, { readonly: true });
    const [first, second] = readFindings(db);
    db.close();
    probe.dbPath = space.dbPath;
    probe.verdicts.set('resolve-entities', { finding: first!.id, verdict: 'confirmed' });
    probe.verdicts.set('reconcile', { finding: second!.id, verdict: 'dismissed' });
    probe.outcomes.clear();
    probe.armed = true;

    // --force: every document written again, so resolution groups their mentions and reconcile compares anew.
    await run(space, { force: true });

    expect(Object.fromEntries(probe.outcomes)).toEqual({ 'resolve-entities': 'recorded', reconcile: 'recorded' });
    const reviews = storedReviews(space.dbPath);
    expect(reviews.map((review) => [review.finding_id, review.verdict, review.note])).toEqual([
      [first!.id, 'confirmed', 'sent while resolve-entities worked'],
      [second!.id, 'dismissed', 'sent while reconcile worked'],
    ]);
    // The findings the run wrote carry the verdicts recorded while it ran.
    const status = statuses(space.dbPath);
    expect(status.get(first!.fingerprint)).toBe('confirmed');
    expect(status.get(second!.fingerprint)).toBe('dismissed');
  });
});

describe('review while another process holds the write lock', () => {
  it('waits as long as it takes, says so on stderr, and stores the verdict once the lock is free', async () => {
    const space = workspace();
    await run(space);
    const id = (await cli('findings', '--db', space.dbPath, '--kind', 'numeric_discrepancy')).stdout.split(/\s+/)[0]!;
    const holder = new Database(space.dbPath);
    holder.exec('BEGIN IMMEDIATE');
    let released = false;
    const review = narratives(['review', id, '--verdict', 'confirmed', '--note', 'waited', '--reviewer', 'tester', '--db', space.dbPath], {
      onStderr: (text) => {
        if (released || !/waiting for .* to release /.test(text)) return;
        released = true;
        holder.exec('COMMIT');
      },
    });
    const result = await review;
    if (!released) holder.exec('ROLLBACK');
    holder.close();

    expect(result.stderr).toMatch(/^narratives: waiting for another process to release .*narratives\.db…\n$/);
    expect(released).toBe(true);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^${id}: confirmed by tester at \\d{4}-`));
    expect(storedReviews(space.dbPath).map((stored) => [stored.finding_id, stored.verdict, stored.note, stored.reviewer])).toEqual([[id, 'confirmed', 'waited', 'tester']]);
  });
});

describe(`review during a real run's corpus stages (seeds + BBC articles)`, () => {
  const space = workspace();
  const ARTICLES = 400;
  let ids: string[] = [];

  beforeAll(async () => {
    for (const [index, file] of bbcArticles(ARTICLES).entries()) copyFileSync(join(BBC_DIR, file), join(space.corpusDir, `bbc-${String(index).padStart(3, '0')}-${file.replace('/', '-')}`));
    const first = await narratives(['run', '--corpus', space.corpusDir, '--db', space.dbPath, '--reports', space.reportsDir, '--quiet']);
    expect(first.code, first.stderr).toBe(0);
    ids = (await cli('findings', '--db', space.dbPath)).stdout.split('\n').slice(0, 6).map((line) => line.split(/\s+/)[0]!);
    expect(ids).toHaveLength(6);
  }, 120_000);

  it('stores every verdict sent through the CLI while the run works', async () => {
    const reviews: Promise<{ code: number | null; stdout: string; stderr: string }>[] = [];
    const sendReviews = () =>
      ids.forEach((id, index) => {
        const verdict = index % 2 === 0 ? 'confirmed' : 'dismissed';
        const send = () => reviews.push(narratives(['review', id, '--verdict', verdict, '--note', `verdict ${index}`, '--reviewer', 'checker', '--db', space.dbPath]));
        setTimeout(send, index * 150);
      });
    // A new reports folder: the corpus stages redo everything, as after an upgrade.
    let sent = false;
    const rerun = await narratives(['run', '--corpus', space.corpusDir, '--db', space.dbPath, '--reports', join(space.root, 'reports-again'), '--progress', 'lines'], {
      onStderr: (text) => {
        if (sent || !/^progress: resolve-entities /m.test(text)) return;
        sent = true;
        sendReviews();
      },
    });
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(sent).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, ids.length * 150));
    const results = await Promise.all(reviews);

    expect(results).toHaveLength(ids.length);
    for (const result of results) expect(result.code, result.stderr).toBe(0);
    const stored = storedReviews(space.dbPath);
    expect(stored.map((review) => [review.finding_id, review.verdict, review.note]).sort()).toEqual(ids.map((id, index) => [id, index % 2 === 0 ? 'confirmed' : 'dismissed', `verdict ${index}`]).sort());
    // The store the run left, and the next run, give each finding the verdict sent while the run worked.
    for (const dbState of [statuses(space.dbPath), await rerunAndRead()]) {
      for (const review of stored) expect(dbState.get(review.fingerprint), review.finding_id).toBe(review.verdict);
    }
  }, 120_000);

  async function rerunAndRead(): Promise<Map<string, string>> {
    const again = await narratives(['run', '--corpus', space.corpusDir, '--db', space.dbPath, '--reports', join(space.root, 'reports-again'), '--quiet']);
    expect(again.code, again.stderr).toBe(0);
    return statuses(space.dbPath);
  }
});

describe('who the reviewer is', () => {
  const space = workspace();
  let id = '';

  beforeAll(async () => {
    await run(space);
    id = (await cli('findings', '--db', space.dbPath, '--kind', 'numeric_discrepancy')).stdout.split(/\s+/)[0]!;
  });

  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('is the system user name when USER is unset', async () => {
    const env = { ...process.env };
    delete env.USER;
    delete env.LOGNAME;
    const result = await narratives(['review', id, '--verdict', 'needs-evidence', '--db', space.dbPath], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(os.userInfo().username).not.toBe('');
    expect(storedReviews(space.dbPath).at(-1)!.reviewer).toBe(os.userInfo().username);
    expect(result.stdout).toContain(` by ${os.userInfo().username} at `);
  });

  it('is asked for with --reviewer when neither USER nor the system names the user, and nothing is stored', async () => {
    vi.stubEnv('USER', '');
    vi.spyOn(os, 'userInfo').mockImplementation(() => {
      throw Object.assign(new Error('uv_os_get_passwd returned ENOENT (no such file or directory)'), { code: 'ERR_SYSTEM_ERROR' });
    });
    const before = storedReviews(space.dbPath).length;
    const result = await cli('review', id, '--verdict', 'confirmed', '--db', space.dbPath);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^narratives: review: cannot tell who is reviewing .*give --reviewer NAME.*\n$/);
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(storedReviews(space.dbPath)).toHaveLength(before);
  });

  it('prints the recorded review as JSON with --json', async () => {
    const result = await cli('review', id, '--verdict', 'dismissed', '--note', 'a rounding', '--reviewer', 'Ann', '--json', '--db', space.dbPath);
    expect(result.status, result.stderr).toBe(0);
    const printed = JSON.parse(result.stdout) as Record<string, unknown>;
    const stored = (await cli('findings', '--db', space.dbPath, '--json')).stdout;
    const finding = (JSON.parse(stored) as { id: string; reviews: Record<string, unknown>[] }[]).find((candidate) => candidate.id === id)!;
    // The very review `findings --json` lists last for the finding.
    expect(printed).toEqual(finding.reviews.at(-1));
    expect(printed).toMatchObject({ finding: id, verdict: 'dismissed', note: 'a rounding', reviewer: 'Ann' });
    expect(printed.reviewed_at).toMatch(/^\d{4}-\d\d-\d\dT/);
  });
});
