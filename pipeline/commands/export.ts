/** `narratives export --format json`: the whole store as one JSON document on stdout. */
import { openExistingStore } from '../db/open.ts';
import { UsageError } from '../errors.ts';
import { exportStore } from '../export.ts';
import { DB_OPTION, type Command } from './command.ts';

export const command: Command = {
  name: 'export',
  summary: 'print the whole store as JSON',
  usage: `Usage: narratives export --format json [options]

Prints every document (metadata and stored text), paragraph and sentence as one JSON document.
Every item has its id, its document id (doc) and the start/end offsets of its text in the
document's stored text. The same corpus always exports the same bytes.

Options:
  --format json  the output format (json is the only one so far)
  --db FILE      the store (default: out/narratives.db)
  -h, --help     this help`,
  options: { ...DB_OPTION, format: { type: 'string', default: 'json' } },
  positionals: 'none',
  async run(values) {
    if (values.format !== 'json') throw new UsageError(`export: unknown format "${String(values.format)}" (known: json)`);
    const db = openExistingStore(String(values.db));
    try {
      process.stdout.write(`${JSON.stringify(exportStore(db), null, 2)}\n`);
    } finally {
      db.close();
    }
    return 0;
  },
};
