/**
 * reconcile: compares what the sources say and writes findings. Runs each rule of rules/ through one
 * runner (rule.ts) on the documents' inputs (load.ts, kept between runs by state.ts), and rewrites the
 * findings tables. Reviews are never touched here: each finding's status comes from the latest verdict recorded
 * against its fingerprint, and a finding whose evidence changed since a verdict is re-opened and says so.
 * Framing conflicts between the narratives' sides come from rules/framing.ts, in the same table and workflow.
 */
import type Database from 'better-sqlite3';
import type { CorpusStage } from '../../pipeline/stage.ts';
import { runRules, type Finding, type Rule, type RuleContext, type RuleDocument } from './rule.ts';
import { RULES } from './rules/index.ts';
import { assembleInput, loadEntityNames } from './load.ts';
import { distinctiveStems, stemCountChanges, storeStemCounts } from './stems.ts';
import { digestOf, readDocumentInputs, storeDocumentInputs, storedCommonLemmas, UnitMemo, type StoredDocument } from './state.ts';
import { runSynonyms, storeSynonyms, type RunSynonyms } from './synonyms.ts';
import { currentEntities, type CurrentEntity } from '../resolve-entities/current.ts';
import { CORPUS_STAGE_VERSIONS } from '../versions.ts';
import { formatNumber } from '../../pipeline/format.ts';

/** What the rules read besides the documents' inputs (RuleContext). */
interface CorpusFacts {
  entities: ReturnType<typeof loadEntityNames>;
  /** The distinctive stems. */
  distinctive: Set<string>;
  /** The commonLemmas of the claims. */
  common: Set<string>;
  /** Gives a unit's stored drafts when nothing it reads changed. */
  memo: UnitMemo;
  synonyms: RunSynonyms;
}

/** All findings of the corpus, in queue order: each of `rules` run on the documents' inputs. */
function reconcileDocuments(rules: readonly Rule[], documents: Map<string, StoredDocument>, { entities, distinctive, common, memo, synonyms }: CorpusFacts): Finding[] {
  const input = assembleInput(documents.values(), entities);
  const byId = (id: string) => documents.get(id)!;
  const inCorpusOrder: RuleDocument[] = [...input.documents.keys()].map((id) => ({ id, digest: byId(id).digest, inputs: byId(id).inputs, claims: () => byId(id).claims() }));
  const digests = new Map([...documents].map(([id, document]) => [id, document.digest]));
  const context: RuleContext = { input, documents: inCorpusOrder, digests, distinctive, common, synonyms: synonyms.of, memo: (unit, key, parts, compute) => memo.drafts(unit, key, parts, compute) };
  return runRules(rules, context);
}

/**
 * Brings the findings tables to `findings`, each with its status from the reviews. Only what differs is
 * written: a finding's id follows its evidence, so after an added article most rows are the same, and
 * _finding_digests says which without reading every stored row back. Readers order findings themselves
 * (queue order), never by when a row was written.
 */
export function writeFindings(db: Database.Database, findings: Finding[]): void {
  const insertFinding = db.prepare('INSERT INTO findings (id, kind, rule, summary, measure, severity, status, status_reason, fingerprint, lineage, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insertItem = db.prepare('INSERT INTO finding_items (finding_id, ordinal, document_id, figure_id, claim_id, span_start, span_end, quote, role) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insertDigest = db.prepare('INSERT INTO _finding_digests (finding_id, digest) VALUES (?, ?)');
  const deleteFinding = db.prepare('DELETE FROM findings WHERE id = ?');
  db.transaction(() => {
    // The latest verdict by fingerprint and by lineage, read once: two queries per finding were a third of the time.
    const latestByFingerprint = new Map<string, { verdict: string }>();
    const latestByLineage = new Map<string, { verdict: string; reviewed_at: string }>();
    for (const review of db.prepare('SELECT fingerprint, lineage, verdict, reviewed_at FROM reviews ORDER BY id').all() as { fingerprint: string; lineage: string; verdict: string; reviewed_at: string }[]) {
      latestByFingerprint.set(review.fingerprint, review);
      latestByLineage.set(review.lineage, review);
    }
    // Each stored finding's digest of its row and items (none for a row a review has changed since).
    const stored = new Map(db.prepare('SELECT f.id, d.digest FROM findings f LEFT JOIN _finding_digests d ON d.finding_id = f.id').raw().all() as [string, string | null][]);
    const current = new Set<string>();
    for (const finding of findings) {
      const verdict = latestByFingerprint.get(finding.fingerprint);
      const earlier = verdict ? undefined : latestByLineage.get(finding.lineage);
      const status = verdict?.verdict ?? (earlier ? 'reopened' : 'open');
      const reason = earlier ? `the evidence changed after the verdict "${earlier.verdict}" of ${earlier.reviewed_at.slice(0, 10)}` : null;
      const row = [finding.id, finding.kind, finding.rule, finding.summary, finding.measure, finding.severity, status, reason, finding.fingerprint, finding.lineage, JSON.stringify(finding.evidence)];
      const items = finding.items.map((item, index) => [finding.id, index + 1, item.doc, item.figure ?? null, item.claim ?? null, item.start, item.end, item.quote, item.role]);
      current.add(finding.id);
      const digest = digestOf([row, items]);
      if (stored.get(finding.id) === digest) continue;
      if (stored.has(finding.id)) deleteFinding.run(finding.id);
      insertFinding.run(...row);
      for (const item of items) insertItem.run(...item);
      insertDigest.run(finding.id, digest);
    }
    for (const id of stored.keys()) if (!current.has(id)) deleteFinding.run(id);
  }).immediate();
}

/** What reconcile worked out, reading only, for its writing. */
export interface Reconciled {
  findings: Finding[];
  stems: ReturnType<typeof stemCountChanges>;
  refresh: ReturnType<typeof readDocumentInputs>;
  memo: UnitMemo;
  synonyms: RunSynonyms;
}

/**
 * Works the findings of `rules` out on one snapshot of the store (call it in a read transaction), with
 * what the stage's writing will store. `entities` are the entities as resolution just left them (read
 * from the store when not given). A test runs a rule of its own through it.
 */
export function workOut(db: Database.Database, incremental: boolean, rules: readonly Rule[] = RULES, entities?: CurrentEntity[]): Reconciled {
  const stems = stemCountChanges(db);
  const refresh = readDocumentInputs(db, incremental);
  const memo = new UnitMemo(db, incremental);
  const synonyms = runSynonyms(db);
  const claims = [...refresh.documents.values()].reduce((count, document) => count + document.inputs.claimCount, 0);
  const facts = { entities: loadEntityNames(db, entities), distinctive: distinctiveStems(db, stems.delta), common: storedCommonLemmas(db, claims, refresh), memo, synonyms };
  const findings = reconcileDocuments(rules, refresh.documents, facts);
  return { findings, stems, refresh, memo, synonyms };
}

/** Stores what workOut gave, in one short write transaction: a reviewer's verdict waits only for the writing. */
function store(db: Database.Database, { findings, stems, refresh, memo, synonyms }: Reconciled): void {
  db.transaction(() => {
    storeStemCounts(db, stems);
    storeDocumentInputs(db, refresh);
    memo.save(db);
    storeSynonyms(db, synonyms.found);
    writeFindings(db, findings);
  }).immediate();
}

export const reconcile: CorpusStage = {
  name: 'reconcile',
  scope: 'corpus',
  version: CORPUS_STAGE_VERSIONS.reconcile,
  needs: ['resolve-entities'],
  run({ db, incremental, needed }) {
    // Read and worked out holding no write lock, then written: a reviewer's verdict is never kept waiting long.
    const entities = currentEntities(needed.get('resolve-entities'));
    const reconciled = db.transaction(() => workOut(db, incremental, RULES, entities))();
    store(db, reconciled);
    const { findings, refresh, memo } = reconciled;
    return { written: findings.length, redone: `${formatNumber(refresh.reread)} ${refresh.reread === 1 ? 'document' : 'documents'} read again; ${formatNumber(memo.computed)} of ${formatNumber(memo.units)} units compared again` };
  },
};
