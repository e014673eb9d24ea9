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
import { assembleInput, keep, loadDocumentInputs, loadEntityNames, type ReconcileInput } from './load.ts';
import { contextComponents, contextMeasures, inferHolders, valueKeyOf, valueMeasures, type MeasuredFigure } from './measures.ts';
import { distinctiveStems, stemCountChanges, storeStemCounts } from './stems.ts';
import { digestOf, readAheadInputs, readDocumentInputs, storeDocumentInputs, storedCommonLemmas, UnitMemo } from './state.ts';
import { compareFigures } from './rules/compare-figures.ts';
import { compareLists } from './rules/lists.ts';
import { bestPerPair, claimsAbout, commonLemmas, framingReader, sourcesBySubject, subjectConflicts, type RankedDraft } from './rules/framing.ts';
import { useSynonymStore, WORDNET_SOURCE, type SynonymStore } from './wordnet.ts';
import { CORPUS_STAGE_VERSIONS } from '../versions.ts';
import { addTo } from '../../pipeline/collections.ts';
import { formatNumber } from '../../pipeline/format.ts';

const SEVERITY_ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2, info: 3 };

/** Conflicts first, then by severity, kind and measure: the order of the review queue. */
export function queueOrder(a: Pick<Finding, 'kind' | 'severity' | 'measure' | 'id'>, b: Pick<Finding, 'kind' | 'severity' | 'measure' | 'id'>): number {
  const conflict = (finding: Pick<Finding, 'kind'>) => (CONFLICT_KINDS.includes(finding.kind) ? 0 : 1);
  return conflict(a) - conflict(b) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) || (a.measure < b.measure ? -1 : a.measure > b.measure ? 1 : 0) || (a.id < b.id ? -1 : 1);
}

/** Findings in queue order, each fingerprint once (the last met, in rule order). */
function queue(findings: Finding[]): Finding[] {
  const unique = [...new Map(findings.map((finding) => [finding.fingerprint, finding])).values()];
  return unique.sort(queueOrder);
}

/**
 * All findings of the corpus, in queue order. Figures are compared in units that can be worked out
 * apart (contextComponents, and each value stated in several documents), framing per subject; `memo`
 * gives a unit's stored drafts when nothing it reads changed. `digests` names each document's inputs;
 * `common` is commonLemmas of the claims.
 */
export function reconcileInputs(input: ReconcileInput, digests: Map<string, string>, distinctive: Set<string>, common: Set<string>, memo: UnitMemo): Finding[] {
  const figures = inferHolders(input.figures, input.entities);
  // What a unit of figures reads: each figure as its document has it, and the holder inferred for it.
  const figureParts = (figure: MeasuredFigure) => [figure.id, digests.get(figure.doc), figure.holderId, figure.holderLabel, figure.holderReason];
  const compared: Finding[] = [];
  const components = contextComponents(figures);
  for (const { key, members } of components.sort((a, b) => (a.key < b.key ? -1 : 1))) {
    compared.push(...memo.drafts('compare-figures', key, members.map(figureParts), () => stamp('compare-figures', contextMeasures(members).flatMap((measure) => compareFigures(measure, input.documents)))));
  }
  const byValue = new Map<string, MeasuredFigure[]>();
  for (const figure of figures) if (figure.head) addTo(byValue, valueKeyOf(figure), figure);
  for (const [key, members] of [...byValue].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (new Set(members.map((figure) => figure.doc)).size < 2) continue;
    const parts = members.map((figure) => [...figureParts(figure), figure.stems.filter((stem) => distinctive.has(stem))]);
    compared.push(...memo.drafts('compare-values', key, parts, () => stamp('compare-figures', valueMeasures(members, distinctive).flatMap((measure) => compareFigures(measure, input.documents)))));
  }

  const names = new Map(input.entities.map((entity) => [entity.id, entity.name]));
  const reader = framingReader(common);
  const commonDigest = digestOf([...common].sort());
  const framing: RankedDraft[] = [];
  for (const [subject, sources] of sourcesBySubject(input.claimSources)) {
    const name = names.get(subject) ?? subject;
    // Each document with claims about it: its digest covers its claims and the subjects they belong to.
    const parts = [name, commonDigest, ...sources.map((source) => digests.get(source.doc))];
    framing.push(...memo.drafts('framing', subject, parts, () => subjectConflicts(claimsAbout(subject, sources), name, reader)));
  }

  return queue([
    ...compared,
    ...stamp('compare-lists', compareLists(input.lists, input.sentences)),
    ...stamp('denial', input.denials),
    ...stamp('arithmetic', input.arithmetic),
    ...stamp('framing', bestPerPair(framing)),
  ]);
}

/** All findings of the stored corpus, worked out from scratch (reading only; the stem counts must be up to date). */
export function reconcileStore(db: Database.Database): Finding[] {
  const documents = loadDocumentInputs(db, db.prepare('SELECT id FROM documents').pluck().all() as string[]);
  const digests = new Map([...documents].map(([id, inputs]) => [id, digestOf([inputs])]));
  const input = assembleInput([...documents.values()].map(keep), loadEntityNames(db));
  return reconcileInputs(input, digests, distinctiveStems(db), commonLemmas([...documents.values()].flatMap((document) => document.claims)), new UnitMemo(db, false));
}

/**
 * Brings the findings tables to `findings`, each with its status from the reviews. Only what differs is
 * written: a finding's id follows its evidence, so after an added article most rows are the same, and
 * finding_digests says which without reading every stored row back. Readers order findings themselves
 * (queue order), never by when a row was written.
 */
export function writeFindings(db: Database.Database, findings: Finding[]): void {
  const insertFinding = db.prepare('INSERT INTO findings (id, kind, rule, summary, measure, severity, status, status_reason, fingerprint, lineage, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insertItem = db.prepare('INSERT INTO finding_items (finding_id, ordinal, document_id, figure_id, claim_id, span_start, span_end, quote, role) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insertDigest = db.prepare('INSERT INTO finding_digests (finding_id, digest) VALUES (?, ?)');
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
    const stored = new Map(db.prepare('SELECT f.id, d.digest FROM findings f LEFT JOIN finding_digests d ON d.finding_id = f.id').raw().all() as [string, string | null][]);
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

/**
 * The store's wordnet_synonyms, for the framing rule's look-ups while reconcile works out (reading
 * only): what it finds that the store lacks is kept in `found`, for the stage's writing to store.
 */
function storedSynonyms(db: Database.Database, found: Map<string, string>): SynonymStore {
  const read = db.prepare('SELECT synonyms FROM wordnet_synonyms WHERE word = ? AND source = ?').pluck();
  return {
    read: (word) => {
      const stored = found.get(word) ?? (read.get(word, WORDNET_SOURCE) as string | undefined);
      return stored === undefined ? undefined : (JSON.parse(stored) as string[]);
    },
    write: (word, synonyms) => void found.set(word, JSON.stringify(synonyms)),
  };
}

/** What reconcile worked out, reading only, for its writing. */
interface Reconciled {
  findings: Finding[];
  stems: ReturnType<typeof stemCountChanges>;
  refresh: ReturnType<typeof readDocumentInputs>;
  memo: UnitMemo;
  synonyms: Map<string, string>;
}

/** Works the findings out on one snapshot of the store (a read transaction), with what the stage's writing will store. */
function workOut(db: Database.Database, incremental: boolean): Reconciled {
  const synonyms = new Map<string, string>();
  useSynonymStore(storedSynonyms(db, synonyms));
  try {
    const stems = stemCountChanges(db);
    const refresh = readDocumentInputs(db, incremental);
    const digests = new Map([...refresh.documents].map(([id, document]) => [id, document.digest]));
    const input = assembleInput(refresh.documents.values(), loadEntityNames(db));
    const memo = new UnitMemo(db, incremental);
    const claims = input.claimSources.reduce((count, source) => count + source.count, 0);
    const findings = reconcileInputs(input, digests, distinctiveStems(db, stems.delta), storedCommonLemmas(db, claims, refresh), memo);
    return { findings, stems, refresh, memo, synonyms };
  } finally {
    useSynonymStore(undefined);
  }
}

/** Stores what workOut gave, in one short write transaction: a reviewer's verdict waits only for the writing. */
function store(db: Database.Database, { findings, stems, refresh, memo, synonyms }: Reconciled): void {
  db.transaction(() => {
    storeStemCounts(db, stems);
    storeDocumentInputs(db, refresh);
    memo.save(db);
    const storeSynonyms = db.prepare('INSERT OR REPLACE INTO wordnet_synonyms (word, source, synonyms) VALUES (?, ?, ?)');
    for (const [word, found] of synonyms) storeSynonyms.run(word, WORDNET_SOURCE, found);
    writeFindings(db, findings);
  }).immediate();
}

export const reconcile: CorpusStage = {
  name: 'reconcile',
  scope: 'corpus',
  version: CORPUS_STAGE_VERSIONS.reconcile,
  needs: ['resolve-entities'],
  readAhead: readAheadInputs,
  // The longest corpus stage runs in the main thread while a worker renders pages and compares narratives.
  run({ db, incremental }) {
    // Read and worked out holding no write lock, then written: a reviewer's verdict is never kept waiting long.
    const reconciled = db.transaction(() => workOut(db, incremental))();
    store(db, reconciled);
    const { findings, refresh, memo } = reconciled;
    return { written: findings.length, redone: `${formatNumber(refresh.reread)} ${refresh.reread === 1 ? 'document' : 'documents'} read again; ${formatNumber(memo.computed)} of ${formatNumber(memo.units)} units compared again` };
  },
};
