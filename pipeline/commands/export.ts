/** `narratives export`: the whole store as one JSON document on stdout, or the verdicts as ClaimReview. */
import { readStore } from '../db/open.ts';
import { UsageError } from '../errors.ts';
import { exportStore, type Export } from '../export.ts';
import { claimReviews, reviewUrl } from '../claimreview.ts';
import { DB_OPTION, type Command } from './command.ts';

/** What each section of the JSON export holds; typed by the export, so a new section needs its line here. */
const SECTIONS: Record<keyof Export, string> = {
  documents: 'metadata, stored text, every path and the boilerplate removed, by path',
  paragraphs: 'paragraphs with their ordinal and offsets',
  sentences: 'sentences with their paragraph, ordinal and offsets',
  entities: 'people, organisations, places… with aliases, roles and every mention',
  figures: 'numbers with their value, unit, holder, time and speaker',
  claims: 'attributed statements with speaker, reporting verb, hedges, entities and figures',
  dates: 'dates in the text with their value',
  findings: 'what reconcile found across and within documents, with items and verdicts',
  reviews: 'every verdict ever recorded, oldest first',
};

export const command: Command = {
  name: 'export',
  usage: `Usage: narratives export [--format json|claimreview] [options]

Prints the whole store as one JSON document. Every item has its id, its document id (doc) and the
start/end offsets of its text in the document's stored text. The same corpus always exports the
same bytes. Its sections:
${Object.entries(SECTIONS)
  .map(([section, holds]) => `  ${section.padEnd(12)} ${holds}`)
  .join('\n')}

With --format claimreview, prints schema.org ClaimReview JSON-LD for a fact-checking organisation
to publish: one per finding with the verdict confirmed or dismissed, rating the sentence the finding
disputes with words that fit its kind and verdict.

Options:
  --format F       json (the whole store, the default) or claimreview
  --base-url URL   claimreview: where the reviews are published (default: urn:narratives:finding:)
  --publisher NAME claimreview: the organisation publishing them (default: narratives)
  --db FILE        the store (default: out/narratives.db)
  -h, --help       this help`,
  options: { ...DB_OPTION, format: { type: 'string', default: 'json' }, 'base-url': { type: 'string', default: 'urn:narratives:finding:' }, publisher: { type: 'string', default: 'narratives' } },
  positionals: 'none',
  async run(values) {
    if (values.format !== 'json' && values.format !== 'claimreview') throw new UsageError(`export: unknown format "${String(values.format)}" (known: json, claimreview)`);
    if (!URL.canParse(reviewUrl(String(values['base-url']), 'F0'))) throw new UsageError(`export: --base-url "${String(values['base-url'])}" is not a URL (e.g. https://factcheck.example.org/reviews/)`);
    const data = await readStore(String(values.db), (db) =>
      values.format === 'json' ? exportStore(db) : claimReviews(db, { baseUrl: String(values['base-url']), publisher: String(values.publisher) }),
    );
    process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
    return 0;
  },
};
