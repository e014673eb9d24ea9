/** `narratives review FINDING_ID --verdict …`: records a fact-checker's verdict, kept across reruns. */
import { readFinding, recordReview, VERDICTS, type Verdict } from '../db/findings.ts';
import { openExistingStore } from '../db/open.ts';
import { UsageError } from '../errors.ts';
import { DB_OPTION, type Command } from './command.ts';

export const command: Command = {
  name: 'review',
  usage: `Usage: narratives review FINDING_ID --verdict VERDICT [--note TEXT] [--reviewer NAME] [options]

Records the verdict with the time and the reviewer. Verdicts are kept in their own table, keyed by
the finding's fingerprint (kind, measure, and its items' documents and quotes), so they survive
reruns, --force and added documents; earlier verdicts are kept as history. A finding whose evidence
changes after a verdict is re-opened and says so.

Options:
  --verdict V     ${VERDICTS.join(', ')}
  --note TEXT     why
  --reviewer NAME who (default: the USER environment variable)
  --db FILE       the store (default: out/narratives.db)
  -h, --help      this help`,
  options: { ...DB_OPTION, verdict: { type: 'string' }, note: { type: 'string' }, reviewer: { type: 'string' } },
  positionals: 'one',
  async run(values, [id]) {
    const verdict = values.verdict as string | undefined;
    if (!verdict || !(VERDICTS as readonly string[]).includes(verdict)) throw new UsageError(`review: give --verdict ${VERDICTS.join('|')}`);
    const db = await openExistingStore(String(values.db));
    try {
      const finding = readFinding(db, String(id));
      const review = recordReview(db, finding, verdict as Verdict, values.note as string | undefined, (values.reviewer as string | undefined) ?? process.env.USER);
      process.stdout.write(`${finding.id}: ${review.verdict}${review.reviewer ? ` by ${review.reviewer}` : ''} at ${review.reviewed_at}\n`);
      return 0;
    } finally {
      db.close();
    }
  },
};
