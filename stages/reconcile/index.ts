/**
 * reconcile: compares what the sources say and writes findings. Groups figures into measures
 * (measures.ts), runs each rule of rules/ under one wrapper (finding.ts), and rewrites the findings
 * tables. Reviews are never touched here: each finding's status comes from the latest verdict recorded
 * against its fingerprint, and a finding whose evidence changed since a verdict is re-opened and says so.
 * Framing conflicts between the narratives' sides come from rules/framing.ts, in the same table and workflow.
 */
import type Database from 'better-sqlite3';
import type { CorpusStage } from '../../pipeline/stage.ts';
import { CONFLICT_KINDS, stamp, type Finding, type Severity } from './finding.ts';
import { loadReconcileInput, type ReconcileInput } from './load.ts';
import { groupMeasures, inferHolders } from './measures.ts';
import { distinctiveStems, updateStemCounts } from './stems.ts';
import { checkArithmetic } from './rules/arithmetic.ts';
import { compareFigures } from './rules/compare-figures.ts';
import { findDenials } from './rules/denial.ts';
import { compareLists, findLists } from './rules/lists.ts';
import { findFramingConflicts } from './rules/framing.ts';
import { CORPUS_STAGE_VERSIONS } from '../versions.ts';

const SEVERITY_ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2, info: 3 };

/** Conflicts first, then by severity, kind and measure: the order of the review queue. */
export function queueOrder(a: Pick<Finding, 'kind' | 'severity' | 'measure' | 'id'>, b: Pick<Finding, 'kind' | 'severity' | 'measure' | 'id'>): number {
  const conflict = (finding: Pick<Finding, 'kind'>) => (CONFLICT_KINDS.includes(finding.kind) ? 0 : 1);
  return conflict(a) - conflict(b) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) || (a.measure < b.measure ? -1 : a.measure > b.measure ? 1 : 0) || (a.id < b.id ? -1 : 1);
}

/** All findings of the stored corpus, in queue order (the stem counts must be up to date: see stems.ts). */
export function reconcileStore(db: Database.Database): Finding[] {
  const input = loadReconcileInput(db);
  const figures = inferHolders(input.figures, input.entities);
  const measures = groupMeasures(figures, distinctiveStems(db));
  const paragraphOf = new Map([...input.sentences].map(([id, sentence]) => [id, sentence.paragraph]));
  const findings = [
    ...stamp('compare-figures', measures.flatMap((measure) => compareFigures(measure, input.documents))),
    ...stamp('compare-lists', compareLists(findLists(input.listMentions, input.sentences), input.sentences)),
    ...stamp('denial', findDenials(input.claims)),
    ...stamp('arithmetic', checkArithmetic(figures, paragraphOf)),
    ...stamp('framing', findFramingConflicts(input.claims, new Map(input.entities.map((entity) => [entity.id, entity.name])), input.topics)),
  ];
  const unique = [...new Map(findings.map((finding) => [finding.fingerprint, finding])).values()];
  return unique.sort(queueOrder);
}

/**
 * Brings the findings tables to `findings`, each with its status from the reviews. Only what differs is
 * written: a finding's id follows its evidence, so after an added article most rows are the same.
 * Readers order findings themselves (queue order), never by when a row was written.
 */
export function writeFindings(db: Database.Database, findings: Finding[]): void {
  const latestByFingerprint = db.prepare('SELECT verdict FROM reviews WHERE fingerprint = ? ORDER BY id DESC LIMIT 1');
  const latestByLineage = db.prepare('SELECT verdict, reviewed_at FROM reviews WHERE lineage = ? ORDER BY id DESC LIMIT 1');
  const insertFinding = db.prepare('INSERT INTO findings (id, kind, rule, summary, measure, severity, status, status_reason, fingerprint, lineage, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insertItem = db.prepare('INSERT INTO finding_items (finding_id, ordinal, document_id, figure_id, claim_id, span_start, span_end, quote, role) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const deleteFinding = db.prepare('DELETE FROM findings WHERE id = ?');
  db.transaction(() => {
    // Each stored finding as one string of its row and its items, to compare with what it would be now.
    const stored = new Map<string, string>();
    for (const row of db.prepare('SELECT * FROM findings').raw().all() as unknown[][]) stored.set(String(row[0]), JSON.stringify(row));
    for (const row of db.prepare('SELECT * FROM finding_items ORDER BY finding_id, ordinal').raw().all() as unknown[][]) {
      stored.set(String(row[0]), `${stored.get(String(row[0])) ?? ''}${JSON.stringify(row)}`);
    }
    const current = new Set<string>();
    for (const finding of findings) {
      const verdict = latestByFingerprint.get(finding.fingerprint) as { verdict: string } | undefined;
      const earlier = verdict ? undefined : (latestByLineage.get(finding.lineage) as { verdict: string; reviewed_at: string } | undefined);
      const status = verdict?.verdict ?? (earlier ? 'reopened' : 'open');
      const reason = earlier ? `the evidence changed after the verdict "${earlier.verdict}" of ${earlier.reviewed_at.slice(0, 10)}` : null;
      const row = [finding.id, finding.kind, finding.rule, finding.summary, finding.measure, finding.severity, status, reason, finding.fingerprint, finding.lineage, JSON.stringify(finding.evidence)];
      const items = finding.items.map((item, index) => [finding.id, index + 1, item.doc, item.figure ?? null, item.claim ?? null, item.start, item.end, item.quote, item.role]);
      current.add(finding.id);
      const now = JSON.stringify(row) + items.map((item) => JSON.stringify(item)).join('');
      if (stored.get(finding.id) === now) continue;
      if (stored.has(finding.id)) deleteFinding.run(finding.id);
      insertFinding.run(...row);
      for (const item of items) insertItem.run(...item);
    }
    for (const id of stored.keys()) if (!current.has(id)) deleteFinding.run(id);
  }).immediate();
}

export const reconcile: CorpusStage = {
  name: 'reconcile',
  scope: 'corpus',
  version: CORPUS_STAGE_VERSIONS.reconcile,
  needs: ['resolve-entities'],
  // The longest corpus stage runs in the main thread while a worker renders pages and compares narratives.
  run({ db }) {
    db.transaction(() => updateStemCounts(db)).immediate();
    const findings = reconcileStore(db);
    writeFindings(db, findings);
    return { written: findings.length, redone: 'every figure, claim and list compared' };
  },
};
