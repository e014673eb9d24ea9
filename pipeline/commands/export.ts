/** `narratives export --format json`: the whole store as one JSON document on stdout. */
import { openExistingStore } from '../db/open.ts';
import { UsageError } from '../errors.ts';
import { exportStore } from '../export.ts';
import { claimReviews } from '../claimreview.ts';
import { DB_OPTION, type Command } from './command.ts';

export const command: Command = {
  name: 'export',
  usage: `Usage: narratives export --format json [options]

Prints every document (metadata and stored text), paragraph and sentence as one JSON document.
Every item has its id, its document id (doc) and the start/end offsets of its text in the
document's stored text. The same corpus always exports the same bytes.

With --format claimreview, prints the reviewed findings as schema.org ClaimReview JSON-LD (one per
item of each finding with a verdict), for a fact-checking organisation to publish.

Options:
  --format F       json (the whole store) or claimreview
  --base-url URL   claimreview: where the reviews are published (default: urn:narratives:finding:)
  --publisher NAME claimreview: the organisation publishing them (default: narratives)
  --db FILE        the store (default: out/narratives.db)
  -h, --help       this help`,
  options: { ...DB_OPTION, format: { type: 'string', default: 'json' }, 'base-url': { type: 'string', default: 'urn:narratives:finding:' }, publisher: { type: 'string', default: 'narratives' } },
  positionals: 'none',
  async run(values) {
    if (values.format !== 'json' && values.format !== 'claimreview') throw new UsageError(`export: unknown format "${String(values.format)}" (known: json, claimreview)`);
    const db = await openExistingStore(String(values.db));
    try {
      const data = values.format === 'json' ? exportStore(db) : claimReviews(db, { baseUrl: String(values['base-url']), publisher: String(values.publisher) });
      process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
    } finally {
      db.close();
    }
    return 0;
  },
};
