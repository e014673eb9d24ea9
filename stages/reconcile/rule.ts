/**
 * What a reconcile rule is, and the one runner every rule goes through. A rule is a module of
 * rules/ made with defineRule: its id, the kinds of finding it makes (each a conflict or not, with
 * the heading reports give it) and `run`, which reads the corpus (RuleContext) and returns drafts.
 * The runner stamps each draft with its rule's id, fingerprint and stable id (a verdict recorded
 * against a fingerprint survives reruns), checks that its kind is one the rules declare, and orders
 * the findings as the review queue lists them.
 */
import { sha256 } from '../../pipeline/hash.ts';
import type { ClaimRow, KeptInputs, ReconcileInput } from './load.ts';

export type Severity = 'high' | 'medium' | 'low' | 'info';

export interface FindingItem {
  doc: string;
  figure?: string;
  claim?: string;
  start: number;
  end: number;
  quote: string;
  /** What the item is in the finding: `statement`, `earlier`, `later`, `part`, `whole`, `denial`, … */
  role: string;
}

export interface Finding {
  id: string;
  /** One of the kinds the rules declare (finding.ts lists them). */
  kind: string;
  rule: string;
  summary: string;
  /** What is compared: a measure's label or a subject. */
  measure: string;
  severity: Severity;
  items: FindingItem[];
  /** Why the items were compared, for the reviewer. */
  evidence: string[];
  fingerprint: string;
  /** Kind and measure alone: a later finding with changed evidence is found through it. */
  lineage: string;
}

export type DraftFinding = Omit<Finding, 'id' | 'rule' | 'fingerprint' | 'lineage'>;

/** What a kind of finding is: a disagreement a fact-checker must look at (`conflict`) or not, and its heading in the reports. */
export interface KindSpec {
  conflict: boolean;
  label: string;
}

/** One document as a rule sees it: its inputs (load.ts) and its digest, which changes whenever they do. */
export interface RuleDocument {
  id: string;
  digest: string;
  inputs: KeptInputs;
  /** Its claims, in text order (read from the store when the document was not read again). */
  claims(): ClaimRow[];
}

/** What a rule reads: the corpus's inputs, and a memo that keeps the drafts of a unit of work between runs. */
export interface RuleContext {
  input: ReconcileInput;
  /** The documents, in corpus order (by path). */
  documents: RuleDocument[];
  /** Each document's digest, by id. */
  digests: Map<string, string>;
  /** Sentence stems rare enough to relate figures of different documents (stems.ts). */
  distinctive: Set<string>;
  /** Lemmas in more than a tenth of the corpus's claims (framing's commonLemmas). */
  common: Set<string>;
  /** The WordNet synonyms of a word's first sense (synonyms.ts). */
  synonyms(word: string): Set<string>;
  /**
   * The drafts of one unit of work (`unit` names the kind of unit, `key` the unit): kept ones when
   * `parts` are as when they were worked out, else `compute`'s. `parts` must hold everything `compute` reads.
   */
  memo<T>(unit: string, key: string, parts: readonly unknown[], compute: () => T[]): T[];
}

export interface Rule {
  id: string;
  /** The kinds the rule declares, its main kind first, in the order reports and the CLI list them. */
  kinds: [kind: string, spec: KindSpec][];
  /** Kinds declared by another rule that this one makes too (list corroborations, like figures'). */
  uses: string[];
  run(context: RuleContext): DraftFinding[];
}

export interface RuleDefinition extends KindSpec {
  /** Stored with each finding; also the file name under rules/. */
  id: string;
  /** The rule's main kind of finding, a snake_case word. */
  kind: string;
  /** Other kinds the rule declares. */
  also?: Record<string, KindSpec>;
  uses?: string[];
  run(context: RuleContext): DraftFinding[];
}

const KIND_NAME = /^[a-z]+(?:_[a-z]+)*$/;

export function defineRule({ id, kind, conflict, label, also = {}, uses = [], run }: RuleDefinition): Rule {
  const kinds: Rule['kinds'] = [[kind, { conflict, label }], ...Object.entries(also)];
  // Kinds are matched in SQL and typed on the command line: plain words only.
  for (const [name] of kinds) if (!KIND_NAME.test(name)) throw new Error(`reconcile rule ${id}: the kind "${name}" is not a snake_case word`);
  return { id, kinds, uses, run };
}

/** The kinds `rules` declare, in rule order: each declared once, and each kind a rule uses declared by one of them. */
export function declaredKinds(rules: readonly Rule[]): Map<string, KindSpec> {
  const kinds = new Map<string, KindSpec>();
  for (const rule of rules) {
    for (const [kind, spec] of rule.kinds) {
      if (kinds.has(kind)) throw new Error(`reconcile rule ${rule.id}: the kind "${kind}" is declared by another rule; list it in \`uses\``);
      kinds.set(kind, spec);
    }
  }
  for (const rule of rules) for (const kind of rule.uses) if (!kinds.has(kind)) throw new Error(`reconcile rule ${rule.id}: uses the kind "${kind}", which no rule declares`);
  return kinds;
}

/** Wraps a rule's drafts into findings with their rule id, fingerprint and stable id. */
export function stamp(rule: string, drafts: DraftFinding[]): Finding[] {
  return drafts.map((draft) => {
    const lineage = `${draft.kind}|${draft.measure}`;
    // The same statement repeated in one document ("More than 40 countries" … "more than 40 countries") is one item.
    const fingerprint = sha256(`${lineage}|${[...new Set(draft.items.map((item) => `${item.doc}:${item.quote.toLowerCase()}`))].sort().join('|')}`);
    return { ...draft, rule, lineage, fingerprint, id: `F${fingerprint.slice(0, 10)}` };
  });
}

const SEVERITY_ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2, info: 3 };

type Queued = Pick<Finding, 'kind' | 'severity' | 'measure' | 'id'>;

/** The order of the review queue: conflicts first, then by severity, kind, measure and id (db/findings.ts's QUEUE_ORDER in SQL). */
export function queueOrder(conflicts: ReadonlySet<string>): (a: Queued, b: Queued) => number {
  const rank = (finding: Queued) => (conflicts.has(finding.kind) ? 0 : 1);
  const compare = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return (a, b) => rank(a) - rank(b) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || compare(a.kind, b.kind) || compare(a.measure, b.measure) || (a.id < b.id ? -1 : 1);
}

/** Runs `rules` in order on one context: their findings in queue order, each fingerprint once (the last met, in rule order). */
export function runRules(rules: readonly Rule[], context: RuleContext): Finding[] {
  const kinds = declaredKinds(rules);
  const found: Finding[] = [];
  for (const rule of rules) {
    const allowed = new Set([...rule.kinds.map(([kind]) => kind), ...rule.uses]);
    const drafts = rule.run(context);
    for (const draft of drafts) if (!allowed.has(draft.kind)) throw new Error(`reconcile rule ${rule.id} made a finding of kind "${draft.kind}", which it neither declares nor uses`);
    found.push(...stamp(rule.id, drafts));
  }
  const conflicts = new Set([...kinds].filter(([, spec]) => spec.conflict).map(([kind]) => kind));
  return [...new Map(found.map((finding) => [finding.fingerprint, finding])).values()].sort(queueOrder(conflicts));
}

/** The drafts each document makes alone, in corpus order: a document's are worked out again only when it changed. */
export function eachDocument(context: RuleContext, unit: string, compute: (document: RuleDocument) => DraftFinding[]): DraftFinding[] {
  return context.documents.flatMap((document) => context.memo(unit, document.id, [document.digest], () => compute(document)));
}
