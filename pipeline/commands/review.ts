/** `narratives review FINDING_ID --verdict …`: records a fact-checker's verdict, kept across reruns. */
import os from 'node:os';
import type Database from 'better-sqlite3';
import { reviewFinding, VERDICTS, type Verdict } from '../db/findings.ts';
import { openExistingStore } from '../db/open.ts';
import { UsageError } from '../errors.ts';
import { describeHolder, isBusy, runningRuns } from '../lock.ts';
import { DB_OPTION, type Command } from './command.ts';

/** How long one try to take the store's write lock waits before review says that it waits (and tries again). */
const WAIT_MS = 1000;

export const command: Command = {
  name: 'review',
  usage: `Usage: narratives review FINDING_ID --verdict VERDICT [--note TEXT] [--reviewer NAME] [options]

Records the verdict with the time and the reviewer. Verdicts are kept in their own table, keyed by
the finding's fingerprint (kind, measure, and its items' documents and quotes), so they survive
reruns, --force and added documents; earlier verdicts are kept as history. A finding whose evidence
changes after a verdict is re-opened and says so. While a run is writing the store, review waits
for it to let the verdict in, and says so on stderr.

Options:
  --verdict V     ${VERDICTS.join(', ')}
  --note TEXT     why
  --reviewer NAME who (default: the USER environment variable, else the system's name for you)
  --db FILE       the store (default: out/narratives.db)
  --json          print the recorded verdict as JSON
  -h, --help      this help`,
  options: { ...DB_OPTION, verdict: { type: 'string' }, note: { type: 'string' }, reviewer: { type: 'string' }, json: { type: 'boolean', default: false } },
  positionals: 'one',
  async run(values, [id]) {
    const verdict = values.verdict as string | undefined;
    if (!verdict || !(VERDICTS as readonly string[]).includes(verdict)) throw new UsageError(`review: give --verdict ${VERDICTS.join('|')}`);
    const reviewer = reviewerName(values.reviewer as string | undefined);
    const dbPath = String(values.db);
    const json = values.json === true;
    const db = await openExistingStore(dbPath);
    try {
      const { finding, review } = whenStoreIsFree(db, dbPath, json, () => reviewFinding(db, String(id), verdict as Verdict, values.note as string | undefined, reviewer));
      process.stdout.write(json ? `${JSON.stringify(review, null, 2)}\n` : `${finding.id}: ${review.verdict} by ${review.reviewer} at ${review.reviewed_at}\n`);
      return 0;
    } finally {
      db.close();
    }
  },
};

/** Who reviews: --reviewer, else USER, else the system's name for the user running review; never no one. */
export function reviewerName(given: string | undefined): string {
  if (given !== undefined) {
    if (given.trim() === '') throw new UsageError('review: --reviewer needs a name');
    return given;
  }
  const fromEnvironment = process.env.USER?.trim();
  if (fromEnvironment) return fromEnvironment;
  let system = '';
  try {
    system = os.userInfo().username.trim();
  } catch {
    // No entry for this user id (a container's arbitrary uid): nothing to fall back on.
  }
  if (system) return system;
  throw new UsageError('review: cannot tell who is reviewing (USER is not set and the system has no name for this user); give --reviewer NAME');
}

/**
 * Runs `write` (one IMMEDIATE transaction) once the store's write lock is free, however long another
 * process (a run storing its results) holds it: SQLITE_BUSY leaves nothing written, so `write` is tried
 * again. Says once, on stderr, that it waits and for what.
 */
function whenStoreIsFree<T>(db: Database.Database, dbPath: string, json: boolean, write: () => T): T {
  db.pragma(`busy_timeout = ${WAIT_MS}`);
  let said = false;
  for (;;) {
    try {
      return write();
    } catch (error) {
      if (!isBusy(error)) throw error;
      if (said) continue;
      said = true;
      const notice = `waiting for ${holderOf(db)} to release ${dbPath}…`;
      process.stderr.write(json ? `${JSON.stringify({ notice })}\n` : `narratives: ${notice}\n`);
    }
  }
}

/** What holds the store's write lock, as far as the store says: the run it records as running, if any. */
function holderOf(db: Database.Database): string {
  const run = runningRuns(db).at(-1);
  return run ? describeHolder(run) : 'another process';
}
