/** `narratives show FINDING_ID`: a finding with every item's quote in context, source, date and speaker. */
import type Database from 'better-sqlite3';
import { readFinding, type StoredFindingItem } from '../db/findings.ts';
import { readStore } from '../db/open.ts';
import { describeValue } from '../format.ts';
import { DB_OPTION, type Command } from './command.ts';

/** The sentence holding an item, with the sentence before and after it. */
export function contextOf(db: Database.Database, item: StoredFindingItem): { before: string | null; sentence: string; after: string | null } {
  const sentence = db.prepare('SELECT ordinal, text FROM sentences WHERE document_id = ? AND span_start <= ? AND span_end >= ? ORDER BY ordinal LIMIT 1').get(item.doc, item.start, item.end) as { ordinal: number; text: string } | undefined;
  if (!sentence) return { before: null, sentence: item.quote, after: null };
  const at = db.prepare('SELECT text FROM sentences WHERE document_id = ? AND ordinal = ?');
  return {
    before: (at.get(item.doc, sentence.ordinal - 1) as { text: string } | undefined)?.text ?? null,
    sentence: sentence.text,
    after: (at.get(item.doc, sentence.ordinal + 1) as { text: string } | undefined)?.text ?? null,
  };
}

export const command: Command = {
  name: 'show',
  usage: `Usage: narratives show FINDING_ID [options]

Prints the finding, then each item: its quote in context (the sentence before and after), the
source, date, speaker and where it is, then the reasons the items were compared and the verdicts.

Options:
  --db FILE   the store (default: out/narratives.db)
  --json      print it as JSON
  -h, --help  this help`,
  options: { ...DB_OPTION, json: { type: 'boolean', default: false } },
  positionals: 'one',
  async run(values, [id]) {
    return readStore(String(values.db), (db) => {
      const finding = readFinding(db, String(id));
      const items = finding.items.map((item) => ({ ...item, context: contextOf(db, item) }));
      if (values.json === true) {
        process.stdout.write(`${JSON.stringify({ ...finding, items }, null, 2)}\n`);
        return 0;
      }
      const lines = [`${finding.id}  ${finding.kind} (${finding.severity}), ${finding.status}${finding.status_reason ? `: ${finding.status_reason}` : ''}`, finding.summary, `measure: ${finding.measure}`, ''];
      for (const item of items) {
        lines.push(`[${item.ordinal}] ${item.role}: “${item.quote}”${item.value !== null ? ` = ${describeValue(item.value, item.unit!)}` : ''}`);
        lines.push(`    ${item.title} — ${item.source ?? 'unknown source'}, ${item.date ?? 'undated'}${item.speaker ? `, said by ${item.speaker}` : ''}`);
        lines.push(`    corpus/${item.path} ¶${item.paragraph} [${item.start}, ${item.end})`);
        for (const text of [item.context.before, item.context.sentence, item.context.after]) if (text) lines.push(`    ${text === item.context.sentence ? '>' : ' '} ${text}`);
        lines.push('');
      }
      lines.push('why compared:', ...finding.evidence.map((reason) => `  - ${reason}`));
      if (finding.reviews.length) lines.push('', 'verdicts:', ...finding.reviews.map((review) => `  ${review.reviewed_at.slice(0, 16)} ${review.verdict}${review.reviewer ? ` by ${review.reviewer}` : ''}${review.note ? `: ${review.note}` : ''}`));
      process.stdout.write(`${lines.join('\n')}\n`);
      return 0;
    });
  },
};
