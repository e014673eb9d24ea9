/**
 * The kinds of finding, as the rules (rules/index.ts) declare them: what the CLI's `--kind` takes,
 * which are conflicts (listed first in the review queue) and the heading each has in the reports.
 * The findings themselves are made by rule.ts's runner.
 */
import { RULES } from './rules/index.ts';
import { declaredKinds } from './rule.ts';

export type { DraftFinding, Finding, FindingItem, Severity } from './rule.ts';

const DECLARED = declaredKinds(RULES);

/** Every kind, in rule order. */
export const FINDING_KINDS: readonly string[] = [...DECLARED.keys()];

/** Kinds a fact-checker must look at: a disagreement between sources or within one. */
export const CONFLICT_KINDS: readonly string[] = FINDING_KINDS.filter((kind) => DECLARED.get(kind)!.conflict);

/** The kinds in the review queue's order of headings: conflicts first, each group in rule order. */
export const REVIEW_ORDER: readonly string[] = [...CONFLICT_KINDS, ...FINDING_KINDS.filter((kind) => !DECLARED.get(kind)!.conflict)];

/** A kind's heading in the reports, e.g. "Numbers that cannot both hold". */
export function kindLabel(kind: string): string {
  return DECLARED.get(kind)?.label ?? kind;
}
