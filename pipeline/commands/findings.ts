/** `narratives findings`: the review queue, conflicts first, by severity. */
import { readStore } from '../db/open.ts';
import { findDocument, readFindings } from '../db/findings.ts';
import { FatalError, UsageError } from '../errors.ts';
import { DB_OPTION, type Command } from './command.ts';
import { CONFLICT_KINDS, FINDING_KINDS as KINDS } from '../../stages/reconcile/finding.ts';

const STATUSES = ['open', 'reopened', 'confirmed', 'dismissed', 'needs-evidence'];

export const command: Command = {
  name: 'findings',
  usage: `Usage: narratives findings [--kind KIND] [--status STATUS] [--doc DOC] [options]

Lists the findings of the last run: conflicts (${CONFLICT_KINDS.join(', ')}) first, by severity,
then the other kinds: changes, compatible values and corroborations.

Options:
  --kind KIND      ${KINDS.join(', ')}
  --status STATUS  ${STATUSES.join(', ')}
  --doc DOC        only findings with an item in this document: its id, or its file as \`show\`
                   prints it (corpus/NAME) or as NAME alone
  --db FILE        the store (default: out/narratives.db)
  --json           print the findings, with their items and reviews, as JSON
  -h, --help       this help`,
  options: { ...DB_OPTION, kind: { type: 'string' }, status: { type: 'string' }, doc: { type: 'string' }, json: { type: 'boolean', default: false } },
  positionals: 'none',
  async run(values) {
    const kind = values.kind as string | undefined;
    const status = values.status as string | undefined;
    if (kind && !KINDS.includes(kind)) throw new UsageError(`findings: unknown kind "${kind}" (known: ${KINDS.join(', ')})`);
    if (status && !STATUSES.includes(status)) throw new UsageError(`findings: unknown status "${status}" (known: ${STATUSES.join(', ')})`);
    const dbPath = String(values.db);
    const doc = values.doc as string | undefined;
    return readStore(dbPath, (db) => {
      const document = doc === undefined ? undefined : findDocument(db, doc);
      if (doc !== undefined && document === undefined) throw new FatalError(`findings: ${dbPath} has no document ${JSON.stringify(doc)}; give its id, or its file as \`show\` prints it (corpus/NAME)`);
      const findings = readFindings(db, { kind, status, doc: document });
      if (values.json === true) {
        process.stdout.write(`${JSON.stringify(findings, null, 2)}\n`);
        return 0;
      }
      for (const finding of findings) {
        process.stdout.write(`${finding.id}  ${finding.kind.padEnd(19)} ${finding.severity.padEnd(6)} ${finding.status.padEnd(14)} ${finding.summary}\n`);
      }
      if (findings.length === 0) process.stderr.write('no findings match\n');
      return 0;
    });
  },
};
