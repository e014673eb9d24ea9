/** Reading findings with their items in context, and recording verdicts. Verdicts are appended, never overwritten. */
import type Database from 'better-sqlite3';
import { FatalError, UsageError } from '../errors.ts';
import { CONFLICT_KINDS } from '../../stages/reconcile/finding.ts';

export const VERDICTS = ['confirmed', 'dismissed', 'needs-evidence'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface StoredFindingItem {
  ordinal: number;
  doc: string;
  path: string;
  title: string;
  source: string | null;
  published: string | null;
  figure: string | null;
  claim: string | null;
  value: number | null;
  unit: string | null;
  quote: string;
  start: number;
  end: number;
  role: string;
  speaker: string | null;
  /** The figure's own date where its sentence gives one, else the document's publication date. */
  date: string | null;
  paragraph: number;
}

export interface StoredReview {
  id: number;
  finding: string;
  verdict: string;
  note: string | null;
  reviewer: string | null;
  reviewed_at: string;
}

export interface StoredFinding {
  id: string;
  lineage: string;
  kind: string;
  rule: string;
  summary: string;
  measure: string;
  severity: string;
  status: string;
  status_reason: string | null;
  fingerprint: string;
  evidence: string[];
  items: StoredFindingItem[];
  reviews: StoredReview[];
}

export interface FindingFilter {
  kind?: string;
  status?: string;
  /** Only findings with an item in this document (its id: see findDocument). */
  doc?: string;
  /** Only these findings. */
  ids?: string[];
}

const SEVERITY = "CASE f.severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 WHEN 'low' THEN 2 ELSE 3 END";
// The conflict kinds are snake_case words (defineRule checks), safe to write into SQL.
const CONFLICT = `CASE WHEN f.kind IN (${CONFLICT_KINDS.map((kind) => `'${kind}'`).join(', ')}) THEN 0 ELSE 1 END`;
/** The order of the review queue, in SQL over `findings f`: conflicts first, then by severity, kind, measure and id. */
export const QUEUE_ORDER = `${CONFLICT}, ${SEVERITY}, f.kind, f.measure, f.id`;

/** Findings in queue order (conflicts first, by severity), with their items and reviews. */
export function readFindings(db: Database.Database, filter: FindingFilter = {}): StoredFinding[] {
  // One read transaction, so a run writing meanwhile (WAL) cannot mix two states of the findings.
  return db.transaction(() => readFindingsNow(db, filter))();
}

function readFindingsNow(db: Database.Database, filter: FindingFilter): StoredFinding[] {
  const rows = db
    .prepare(
      `SELECT f.* FROM findings f
       WHERE (@kind IS NULL OR f.kind = @kind) AND (@status IS NULL OR f.status = @status)
         AND (@ids IS NULL OR f.id IN (SELECT value FROM json_each(@ids)))
         AND (@doc IS NULL OR EXISTS (SELECT 1 FROM finding_items i WHERE i.finding_id = f.id AND i.document_id = @doc))
       ORDER BY ${QUEUE_ORDER}`,
    )
    .all({ kind: filter.kind ?? null, status: filter.status ?? null, doc: filter.doc ?? null, ids: filter.ids ? JSON.stringify(filter.ids) : null }) as (Omit<StoredFinding, 'evidence' | 'items' | 'reviews'> & { evidence: string })[];
  const items = db.prepare(
    `SELECT i.ordinal, i.document_id AS doc, d.path, d.title, d.source, coalesce(d.published_earliest, d.published) AS published, i.figure_id AS figure, i.claim_id AS claim,
       f.value, f.unit, i.quote, i.span_start AS start, i.span_end AS end, i.role, coalesce(f.speaker, cs.speaker) AS speaker,
       coalesce(CASE WHEN f.time_source = 'text' THEN f.time END, d.published_earliest, d.published) AS date,
       (SELECT p.ordinal FROM paragraphs p WHERE p.document_id = i.document_id AND p.span_start <= i.span_start AND p.span_end >= i.span_end) AS paragraph
     FROM finding_items i JOIN documents d ON d.id = i.document_id
     LEFT JOIN figure_details f ON f.id = i.figure_id LEFT JOIN claim_speakers cs ON cs.claim_id = i.claim_id
     WHERE i.finding_id = ? ORDER BY i.ordinal`,
  );
  const reviews = db.prepare('SELECT id, finding_id AS finding, verdict, note, reviewer, reviewed_at FROM reviews WHERE fingerprint = ? OR lineage = ? ORDER BY id');
  return rows.map((row) => ({
    ...row,
    evidence: JSON.parse(row.evidence) as string[],
    items: items.all(row.id) as StoredFindingItem[],
    reviews: reviews.all(row.fingerprint, row.lineage) as StoredReview[],
  }));
}

/** One finding by id (or a unique prefix of it); a usage error names what is wrong. */
export function readFinding(db: Database.Database, id: string): StoredFinding {
  const matches = (db.prepare('SELECT id FROM findings WHERE id LIKE ? ORDER BY id').all(`${id}%`) as { id: string }[]).map((row) => row.id);
  if (matches.length === 0) throw new FatalError(`no finding ${id}; list them with \`narratives findings\``);
  if (matches.length > 1) throw new UsageError(`finding id ${id} is ambiguous (${matches.slice(0, 3).join(', ')}…); give more of it`);
  return readFindings(db, { ids: [matches[0]!] })[0]!;
}

/** Where `show` and the report pages print a document's files: their path inside the corpus folder, under "corpus/". */
const PRINTED_PREFIX = 'corpus/';

/**
 * The id of the document `name` names: its id, the path of one of its files inside the corpus folder,
 * or that path as `show` and the document pages print it (corpus/NAME); undefined if none does.
 */
export function findDocument(db: Database.Database, name: string): string | undefined {
  const byId = db.prepare('SELECT id FROM documents WHERE id = ?').pluck();
  const byPath = db.prepare('SELECT document_id FROM document_files WHERE path = ?').pluck();
  const path = name.replace(/^(\.\/)+/, '');
  const paths = path.startsWith(PRINTED_PREFIX) ? [path, path.slice(PRINTED_PREFIX.length)] : [path];
  return (byId.get(name) as string | undefined) ?? paths.map((candidate) => byPath.get(candidate) as string | undefined).find((id) => id !== undefined);
}

/**
 * Records a verdict on the finding `id` (or a unique prefix of it). Finding it and appending the verdict
 * are one write transaction, so a run rewriting the findings meanwhile cannot leave the verdict on a
 * finding it has just replaced. SQLITE_BUSY (another process writing) leaves nothing written.
 */
export function reviewFinding(db: Database.Database, id: string, verdict: Verdict, note: string | undefined, reviewer: string): { finding: StoredFinding; review: StoredReview } {
  return db.transaction(() => {
    const finding = readFinding(db, id);
    return { finding, review: recordReview(db, finding, verdict, note, reviewer) };
  }).immediate();
}

/** Appends a verdict; the finding's status follows it at once and on every later run. */
export function recordReview(db: Database.Database, finding: StoredFinding, verdict: Verdict, note: string | undefined, reviewer: string | undefined, at = new Date()): StoredReview {
  const lineage = finding.lineage;
  const evidence = JSON.stringify(finding.items.map((item) => ({ doc: item.doc, quote: item.quote })));
  return db.transaction(() => {
    const id = Number(
      db
        .prepare('INSERT INTO reviews (fingerprint, lineage, finding_id, verdict, note, reviewer, reviewed_at, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(finding.fingerprint, lineage, finding.id, verdict, note ?? null, reviewer ?? null, at.toISOString(), evidence).lastInsertRowid,
    );
    db.prepare('UPDATE findings SET status = ?, status_reason = NULL WHERE id = ?').run(verdict, finding.id);
    // The row no longer is what reconcile wrote: the next run writes it whole.
    db.prepare('DELETE FROM _finding_digests WHERE finding_id = ?').run(finding.id);
    return { id, finding: finding.id, verdict, note: note ?? null, reviewer: reviewer ?? null, reviewed_at: at.toISOString() };
  }).immediate();
}
