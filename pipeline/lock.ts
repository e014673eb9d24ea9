/**
 * The store's write lock: the `runs` row with status 'running', holding the pid of the process that
 * writes and that process's start (`pid_start`). The holder counts as alive while a process with that
 * pid exists, is not a zombie and started when the row says, so neither a killed run left unreaped nor
 * an unrelated process that later got its pid keeps the store locked.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import { FatalError } from './errors.ts';

/** A run that holds, or held, the lock. */
export interface LockRow {
  id: number;
  started_at: string;
  pid: number;
  pid_start: string | null;
}

/** What /proc says of a process. */
interface ProcessStat {
  /** One letter: R, S, D, Z (zombie), X (dead)… */
  state: string;
  /** The boot id and the clock tick after boot at which the process started: unique on this machine. */
  start: string;
}

const hasProc = existsSync('/proc/self/stat');

function bootId(): string {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return '';
  }
}

/** The process's state and start from /proc/PID/stat; undefined when there is no such process. */
function processStat(pid: number): ProcessStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // Field 2, the command name, is in parentheses and may itself hold spaces and ')': count from the last ')'.
  // After it come field 3 (the state) … field 22 (the start time in clock ticks after boot).
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { state: fields[0]!, start: `${bootId()}:${fields[19]}` };
}

/** This process's start, as recorded with its run (null where /proc is not available). */
export function ownStart(): string | null {
  return hasProc ? (processStat(process.pid)?.start ?? null) : null;
}

/** True when a signal can reach the pid: the only check there is without /proc. */
function signalReaches(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True while the process that took the lock may still be running. */
export function holderAlive(row: Pick<LockRow, 'pid' | 'pid_start'>): boolean {
  if (!Number.isInteger(row.pid) || row.pid <= 0) return false;
  if (!hasProc) return signalReaches(row.pid);
  const stat = processStat(row.pid);
  if (!stat || stat.state === 'Z' || stat.state === 'X') return false;
  // Another start: the pid was given to another process since (or the machine restarted).
  return row.pid_start === null || row.pid_start === stat.start;
}

/**
 * Whether the process has the file open: true, false, or undefined when that cannot be seen (no /proc,
 * or another user's process). A run keeps its store open from before it takes the lock until after it
 * gives it back.
 */
export function processHasOpen(pid: number, file: string): boolean | undefined {
  if (!hasProc) return undefined;
  let target: { dev: number; ino: number };
  let descriptors: string[];
  try {
    target = statSync(file);
    descriptors = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return undefined;
  }
  for (const descriptor of descriptors) {
    try {
      const open = statSync(`/proc/${pid}/fd/${descriptor}`);
      if (open.dev === target.dev && open.ino === target.ino) return true;
    } catch {
      // Closed while listed, or not a file: not the store.
    }
  }
  return false;
}

/** "2026-11-22 14:03 UTC" from a stored ISO time. */
export function utcMinute(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** "run 12 (pid 4242, since 2026-11-22 14:03 UTC)" */
export function describeHolder(row: LockRow): string {
  return `run ${row.id} (pid ${row.pid}, since ${utcMinute(row.started_at)})`;
}

/** SQLite's "busy" error, extended codes included (SQLITE_BUSY_SNAPSHOT, …): another connection holds the lock. */
export function isBusy(error: unknown): boolean {
  return String((error as { code?: unknown })?.code).startsWith('SQLITE_BUSY');
}

export function runningRuns(db: Database.Database): LockRow[] {
  return db.prepare("SELECT id, started_at, pid, pid_start FROM runs WHERE status = 'running' ORDER BY id").all() as LockRow[];
}

/** Marks a run that stopped without finishing; false if it had finished (or was marked) meanwhile. */
export function markInterrupted(db: Database.Database, id: number): boolean {
  return db.prepare("UPDATE runs SET status = 'interrupted', finished_at = ? WHERE id = ? AND status = 'running'").run(new Date().toISOString(), id).changes > 0;
}

/** What a run records of itself as it takes the lock. */
export interface RunRecord {
  options: string;
  stageVersions: string;
}

/** The live run holding the store, if any: read without the write lock, which a long stage may hold. */
function liveHolder(db: Database.Database): LockRow | undefined {
  return runningRuns(db).find((row) => row.pid !== process.pid && holderAlive(row));
}

/**
 * Takes the lock, in one immediate transaction so that two runs starting together cannot both pass:
 * returns the new run's id, the live run that holds the store, or 'locked' when another connection
 * kept the write lock past the busy timeout. A run whose process is gone is marked interrupted and its
 * lock taken over.
 */
function tryClaim(db: Database.Database, record: RunRecord): number | LockRow | 'locked' {
  const holder = liveHolder(db);
  if (holder) return holder;
  try {
    return db.transaction((): number | LockRow => {
      for (const row of runningRuns(db)) {
        if (row.pid !== process.pid && holderAlive(row)) return row;
        markInterrupted(db, row.id);
      }
      const insert = db.prepare("INSERT INTO runs (started_at, status, pid, pid_start, options, stage_versions) VALUES (?, 'running', ?, ?, ?, ?)");
      return Number(insert.run(new Date().toISOString(), process.pid, ownStart(), record.options, record.stageVersions).lastInsertRowid);
    }).immediate();
  } catch (error) {
    if (isBusy(error)) return 'locked';
    throw error;
  }
}

export interface ClaimRequest {
  dbPath: string;
  record: RunRecord;
  /** How long to wait for a live holder to finish before giving up (0: give up at once). */
  waitSeconds: number;
  /** Told once, when the claim starts waiting. */
  waiting?: (holder: LockRow) => void;
}

/** The one line a run prints when another holds the store. */
export function busyMessage(dbPath: string, holder: LockRow): string {
  return `${dbPath}: store is busy: run ${holder.id} has been writing it since ${utcMinute(holder.started_at)} (pid ${holder.pid}); try again when it ends, or if pid ${holder.pid} is no narratives run, free the store with \`narratives unlock --db ${dbPath}\``;
}

/** Takes the store's lock, waiting up to `waitSeconds` for a live holder; returns the new run's id. */
export async function claimStore(db: Database.Database, request: ClaimRequest): Promise<number> {
  const deadline = Date.now() + request.waitSeconds * 1000;
  let told = false;
  for (;;) {
    const claimed = tryClaim(db, request.record);
    if (typeof claimed === 'number') return claimed;
    const left = deadline - Date.now();
    if (left <= 0) {
      throw new FatalError(claimed === 'locked' ? `${request.dbPath}: store is busy: another program keeps it locked; try again later` : busyMessage(request.dbPath, claimed));
    }
    if (!told && claimed !== 'locked') {
      request.waiting?.(claimed);
      told = true;
    }
    await sleep(Math.min(250, left));
  }
}

/** Gives back a lock taken by a run that then could not start: the run row goes, as if never made. */
export function releaseClaim(db: Database.Database, id: number): void {
  db.prepare("DELETE FROM runs WHERE id = ? AND status = 'running'").run(id);
}
