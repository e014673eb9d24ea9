/** `narratives unlock`: frees a store that a run left locked, after checking that the run is over. */
import { DEFAULT_DB, openExistingStore } from '../db/open.ts';
import { FatalError } from '../errors.ts';
import { describeHolder, holderAlive, markInterrupted, processHasOpen, runningRuns, type LockRow } from '../lock.ts';
import { DB_OPTION, type Command } from './command.ts';

/** Whether a run still marked running may be marked interrupted, and why. */
function unlockDecision(row: LockRow, dbPath: string, force: boolean): { free: boolean; why: string } {
  if (!holderAlive(row)) return { free: true, why: 'its process is gone' };
  // A run keeps its store open until it has marked itself done: a process that has it open may be the run.
  const open = processHasOpen(row.pid, dbPath);
  if (open === true) return { free: false, why: `pid ${row.pid} has the store open, so the run is still going; wait for it to end, or stop it (kill ${row.pid}) and unlock again` };
  if (open === false) return { free: true, why: `pid ${row.pid} does not have the store open, so it is not that run` };
  if (force) return { free: true, why: `--force; pid ${row.pid} is alive, and whether it is that run could not be seen` };
  return { free: false, why: `pid ${row.pid} is alive, and whether it is that run cannot be seen; if it is no narratives run on this store, pass --force` };
}

export const command: Command = {
  name: 'unlock',
  usage: `Usage: narratives unlock [options]

Frees a store that a run left marked as running, when that run is over: its process is gone, or
its pid now belongs to a process that does not have the store open. The run is marked interrupted;
the next run redoes what it left undone. A run still writing the store is never unlocked.

Options:
  --db FILE           the store (default: ${DEFAULT_DB})
  --force             unlock even when it cannot be seen whether the live pid is that run (it is
                      another user's process, or the system has no /proc); never when it has the
                      store open
  -h, --help          this help`,
  options: { ...DB_OPTION, force: { type: 'boolean', default: false } },
  positionals: 'none',
  async run(values) {
    const dbPath = String(values.db);
    // Not created, nor upgraded: a run does that, and takes over a lock whose holder is gone as it starts.
    const db = await openExistingStore(dbPath);
    try {
      const running = runningRuns(db);
      if (running.length === 0) {
        process.stdout.write(`${dbPath}: not locked; no run is in progress\n`);
        return 0;
      }
      const refused: string[] = [];
      for (const row of running) {
        const { free, why } = unlockDecision(row, dbPath, values.force === true);
        if (!free) refused.push(`${describeHolder(row)} holds it: ${why}`);
        else if (markInterrupted(db, row.id)) process.stdout.write(`${dbPath}: unlocked; ${describeHolder(row)} marked interrupted (${why})\n`);
      }
      if (refused.length > 0) throw new FatalError(`${dbPath}: not unlocked; ${refused.join('; ')}`);
      return 0;
    } finally {
      db.close();
    }
  },
};
