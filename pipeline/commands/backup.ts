/** `narratives backup`: a consistent copy of the store, taken while others may be reading or writing it. */
import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { backupStore, readStore } from '../db/open.ts';
import { FatalError, UsageError } from '../errors.ts';
import { DB_OPTION, type Command } from './command.ts';

export const command: Command = {
  name: 'backup',
  usage: `Usage: narratives backup --to FILE [options]

Copies the store with SQLite's online backup: the copy is one consistent state of the store, even
while a run is writing to it. The copy is written under a temporary name beside FILE (FILE.partial-PID)
and renamed to FILE when complete, so FILE exists only as a whole copy. Restore by copying the file
back in place of the store (no run going). A store is also backed up by itself, beside it, before its
schema is upgraded.

Options:
  --to FILE      where the copy goes (must not exist yet)
  --db FILE      the store (default: out/narratives.db)
  --json         print the result as JSON
  -h, --help     this help`,
  options: { ...DB_OPTION, to: { type: 'string' }, json: { type: 'boolean', default: false } },
  positionals: 'none',
  async run(values) {
    const to = values.to;
    if (typeof to !== 'string' || to === '') throw new UsageError('backup: give the file to copy to with --to FILE');
    if (existsSync(to)) throw new UsageError(`backup: ${to} already exists; choose a new file`);
    if (statSync(dirname(to), { throwIfNoEntry: false })?.isDirectory() !== true) throw new FatalError(`backup: ${dirname(to)} is not an existing folder; create it or choose another --to`);
    const db = String(values.db);
    const pages = await readStore(db, (store) => backupStore(store, to));
    if (values.json === true) {
      process.stdout.write(`${JSON.stringify({ db, to, pages, bytes: statSync(to).size }, null, 2)}\n`);
    } else {
      process.stdout.write(`backed up ${db} to ${to} (${pages} pages)\n`);
    }
    return 0;
  },
};
