/** The store's lock: stale holders (zombies, reused pids), `narratives unlock`, the busy message, and concurrent `add`s. */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { exportStore } from '../pipeline/export.ts';
import { cli, workspace } from './helpers.ts';

type Space = ReturnType<typeof workspace>;

const BIN = join(import.meta.dirname, '..', 'bin', 'narratives.js');
const runArgs = (space: Space, ...extra: string[]) => ['--corpus', space.corpusDir, '--db', space.dbPath, '--reports', space.reportsDir, ...extra];

const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
});

function started(child: ChildProcess): ChildProcess {
  children.push(child);
  return child;
}

/** Fields 3 (state), 4 (parent pid) and 22 (start tick) of /proc/PID/stat, read here rather than by the code under test. */
function procStat(pid: number): { state: string; ppid: number; startTick: string } | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
    return { state: fields[0]!, ppid: Number(fields[1]), startTick: fields[19]! };
  } catch {
    return undefined;
  }
}

const bootId = () => readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();

/** A store that holds the seeds, and a row that says `pid` is running a run on it since 2026-11-22 14:03 UTC. */
async function lockedBy(pid: number, pidStart: string | null): Promise<Space> {
  const space = workspace();
  const first = await cli('run', ...runArgs(space, '--quiet'));
  expect(first.status, first.stderr).toBe(0);
  const db = new Database(space.dbPath);
  db.prepare("INSERT INTO runs (started_at, status, pid, pid_start, options, stage_versions) VALUES ('2026-11-22T14:03:00.000Z', 'running', ?, ?, '{}', '{}')").run(pid, pidStart);
  db.close();
  return space;
}

function statuses(dbPath: string): string[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return (db.prepare('SELECT status FROM runs ORDER BY id').all() as { status: string }[]).map((row) => row.status);
  } finally {
    db.close();
  }
}

async function until<T>(probe: () => T | undefined): Promise<T> {
  for (let tries = 0; tries < 200; tries += 1) {
    const found = probe();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('waited 5 s in vain');
}

/** A process that has exited and that its parent (which lives on) never reaps: a zombie. */
async function zombie(): Promise<number> {
  const parent = started(spawn('sh', ['-c', 'sleep 0 & exec sleep 30']));
  return until(() => {
    for (const entry of readdirSync('/proc')) {
      const stat = /^\d+$/.test(entry) ? procStat(Number(entry)) : undefined;
      if (stat?.ppid === parent.pid && stat?.state === 'Z') return Number(entry);
    }
    return undefined;
  });
}

describe('a stale lock does not block the store', () => {
  it('a zombie holder counts as gone: its run is marked interrupted and the next run goes ahead', async () => {
    const pid = await zombie();
    const space = await lockedBy(pid, null);
    const result = await cli('run', ...runArgs(space, '--quiet'));
    expect(result.status, result.stderr).toBe(0);
    expect(statuses(space.dbPath)).toEqual(['completed', 'interrupted', 'completed']);
  });

  it('a live process that got the holder’s pid later (another start time) is not the holder', async () => {
    const other = started(spawn('sleep', ['30']));
    const space = await lockedBy(other.pid!, `${bootId()}:1`);
    const result = await cli('run', ...runArgs(space, '--quiet'));
    expect(result.status, result.stderr).toBe(0);
    expect(statuses(space.dbPath)).toEqual(['completed', 'interrupted', 'completed']);
  });

  it('a live holder keeps the store: the busy message says since when, which pid, and how to unlock', async () => {
    const holder = started(spawn('sleep', ['30']));
    const space = await lockedBy(holder.pid!, `${bootId()}:${procStat(holder.pid!)!.startTick}`);
    const result = await cli('run', ...runArgs(space, '--quiet'));
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `narratives: ${space.dbPath}: store is busy: run 2 has been writing it since 2026-11-22 14:03 UTC (pid ${holder.pid}); try again when it ends, or if pid ${holder.pid} is no narratives run, free the store with \`narratives unlock --db ${space.dbPath}\`\n`,
    );
    expect(statuses(space.dbPath)).toEqual(['completed', 'running']);
  });

  it('a run refused as busy writes nothing, so a holder in the middle of a write does not turn the refusal into a lock error', async () => {
    const holder = started(spawn('sleep', ['30']));
    const space = await lockedBy(holder.pid!, `${bootId()}:${procStat(holder.pid!)!.startTick}`);
    const writer = new Database(space.dbPath);
    writer.exec('BEGIN IMMEDIATE');
    try {
      const result = await cli('run', ...runArgs(space, '--quiet'));
      expect(result.status, result.stderr).toBe(1);
      expect(result.stderr).toContain('store is busy');
    } finally {
      writer.exec('ROLLBACK');
      writer.close();
    }
  }, 30_000);
});

describe('narratives unlock', () => {
  it('is listed, with its own help', async () => {
    expect((await cli('--help')).stdout).toMatch(/^ {2}unlock +\S.*$/m);
    const help = await cli('unlock', '--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--db FILE');
    expect(help.stdout).toContain('--force');
  });

  it('never frees a store whose holder has it open, even with --force; frees it once that process is gone', async () => {
    const space = workspace(false);
    const setup = await cli('run', ...runArgs(space, '--quiet'));
    expect(setup.status, setup.stderr).toBe(0);
    const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
    const holder = started(spawn(process.execPath, ['-e', `const D = require(${JSON.stringify(sqlite)}); const db = new D(${JSON.stringify(space.dbPath)}); console.log('open'); setInterval(() => db, 1000);`]));
    await new Promise((resolve) => holder.stdout!.once('data', resolve));
    const db = new Database(space.dbPath);
    db.prepare("INSERT INTO runs (started_at, status, pid, pid_start, options, stage_versions) VALUES ('2026-11-22T14:03:00.000Z', 'running', ?, ?, '{}', '{}')").run(holder.pid, `${bootId()}:${procStat(holder.pid!)!.startTick}`);
    db.close();
    for (const extra of [[], ['--force']]) {
      const refused = await cli('unlock', '--db', space.dbPath, ...extra);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toBe(`narratives: ${space.dbPath}: not unlocked; run 2 (pid ${holder.pid}, since 2026-11-22 14:03 UTC) holds it: pid ${holder.pid} has the store open, so the run is still going; wait for it to end, or stop it (kill ${holder.pid}) and unlock again\n`);
      expect(statuses(space.dbPath)).toEqual(['completed', 'running']);
    }
    const exited = new Promise((resolve) => holder.once('exit', resolve));
    holder.kill('SIGKILL');
    await exited;
    const unlocked = await cli('unlock', '--db', space.dbPath);
    expect(unlocked.status, unlocked.stderr).toBe(0);
    expect(unlocked.stdout).toBe(`${space.dbPath}: unlocked; run 2 (pid ${holder.pid}, since 2026-11-22 14:03 UTC) marked interrupted (its process is gone)\n`);
    expect(statuses(space.dbPath)).toEqual(['completed', 'interrupted']);
    const again = await cli('unlock', '--db', space.dbPath);
    expect(again).toMatchObject({ status: 0, stdout: `${space.dbPath}: not locked; no run is in progress\n` });
  });

  it('frees a store whose holder’s pid belongs to a process that does not have it open (a row from before start times were recorded)', async () => {
    const other = started(spawn('sleep', ['30']));
    const space = await lockedBy(other.pid!, null);
    const busy = await cli('run', ...runArgs(space, '--quiet'));
    expect(busy.status).toBe(1);
    const unlocked = await cli('unlock', '--db', space.dbPath);
    expect(unlocked.status, unlocked.stderr).toBe(0);
    expect(unlocked.stdout).toContain(`marked interrupted (pid ${other.pid} does not have the store open, so it is not that run)`);
    const next = await cli('run', ...runArgs(space, '--quiet'));
    expect(next.status, next.stderr).toBe(0);
    expect(statuses(space.dbPath)).toEqual(['completed', 'interrupted', 'completed']);
  });

  it('creates no store where there is none', async () => {
    const space = workspace(false);
    const result = await cli('unlock', '--db', space.dbPath);
    expect(result.status).toBe(1);
    expect(readdirSync(space.root)).toEqual(['corpus']);
  });
});

describe('concurrent adds', () => {
  it('eight adds at once into one corpus and store keep all eight files and manifest entries', async () => {
    const space = workspace(false);
    // The store exists, as in the report: adds into an existing store.
    const created = await cli('run', ...runArgs(space, '--quiet'));
    expect(created.status, created.stderr).toBe(0);
    const adds = Array.from({ length: 8 }, (_, index) => {
      const file = join(space.root, `article-${index}.txt`);
      writeFileSync(file, `Article ${index}\n\nKeith Krach said on Monday that ${index + 2} companies had joined the Clean Network.\n`);
      return new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = execFile(process.execPath, [BIN, 'add', file, '--source', `Outlet ${index}`, '--concurrency', '1', '--quiet', ...runArgs(space)], (error, _stdout, stderr) =>
          resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stderr }),
        );
        started(child);
      });
    });
    const results = await Promise.all(adds);
    for (const result of results) expect(result, result.stderr).toEqual({ code: 0, stderr: '' });
    const manifest = parse(readFileSync(join(space.corpusDir, 'manifest.yaml'), 'utf8')) as Record<string, { source: string }>;
    expect(Object.keys(manifest).sort()).toEqual(Array.from({ length: 8 }, (_, index) => `article-${index}.txt`));
    for (const [path, entry] of Object.entries(manifest)) expect(entry.source).toBe(`Outlet ${path.match(/\d/)![0]}`);
    const db = new Database(space.dbPath, { readonly: true });
    const documents = exportStore(db).documents;
    db.close();
    expect(documents.map((document) => [document.path, document.source]).sort()).toEqual(Array.from({ length: 8 }, (_, index) => [`article-${index}.txt`, `Outlet ${index}`]));
    expect(readdirSync(space.corpusDir).filter((name) => name.startsWith('.'))).toEqual([]);
  }, 240_000);
});
