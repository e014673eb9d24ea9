/**
 * Findings and the helper every rule goes through: it stamps the rule's id and kind, orders the
 * items, and derives the finding's fingerprint (kind, measure, and each item's document and quote) so
 * that a verdict recorded against it survives reruns.
 */
import { sha256 } from '../../pipeline/hash.ts';

export type FindingKind = 'numeric_discrepancy' | 'temporal_change' | 'compatible' | 'corroboration' | 'list_mismatch' | 'denial' | 'arithmetic' | 'framing_conflict';
export type Severity = 'high' | 'medium' | 'low' | 'info';

/** Kinds a fact-checker must look at: a disagreement between sources or within one. */
export const CONFLICT_KINDS: readonly FindingKind[] = ['numeric_discrepancy', 'list_mismatch', 'denial', 'arithmetic', 'framing_conflict'];

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
  kind: FindingKind;
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

/** Wraps a rule's drafts into findings with their rule id, fingerprint and stable id. */
export function stamp(rule: string, drafts: DraftFinding[]): Finding[] {
  return drafts.map((draft) => {
    const lineage = `${draft.kind}|${draft.measure}`;
    // The same statement repeated in one document ("More than 40 countries" … "more than 40 countries") is one item.
    const fingerprint = sha256(`${lineage}|${[...new Set(draft.items.map((item) => `${item.doc}:${item.quote.toLowerCase()}`))].sort().join('|')}`);
    return { ...draft, rule, lineage, fingerprint, id: `F${fingerprint.slice(0, 10)}` };
  });
}

/** How far apart two values are, relative to the larger. */
export function relativeGap(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), Number.MIN_VALUE);
}
