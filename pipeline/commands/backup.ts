/** `narratives backup`: a consistent copy of the store, taken while others may be reading or writing it. */
import { existsSync } from 'node:fs';
import { backupStore, openExistingStore } from '../db/open.ts';
import { UsageError } from '../errors.ts';
import { DB_OPTION, type Command } from './command.ts';

export const command: Command = {
  name: 'backup',
  usage: `Usage: narratives backup --to FILE [options]

Copies the store with SQLite's online backup: the copy is one consistent state of the store, even
while a run is writing to it. Restore by copying the file back in place of the store (no run going).
A store is also backed up by itself, beside it, before its schema is upgraded.

Options:
  --to FILE      where the copy goes (must not exist yet)
  --db FILE      the store (default: out/narratives.db)
  -h, --help     this help`,
  options: { ...DB_OPTION, to: { type: 'string' } },
  positionals: 'none',
  async run(values) {
    if (typeof values.to !== 'string' || values.to === '') throw new UsageError('backup: give the file to copy to with --to FILE');
    if (existsSync(values.to)) throw new UsageError(`backup: ${values.to} already exists; choose a new file`);
    const db = await openExistingStore(String(values.db));
    try {
      const pages = await backupStore(db, values.to);
      process.stdout.write(`backed up ${String(values.db)} to ${values.to} (${pages} pages)\n`);
    } finally {
      db.close();
    }
    return 0;
  },
};
