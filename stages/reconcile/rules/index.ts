/**
 * The reconcile rules, in the order they run. Each is one module of this folder made with defineRule
 * (rule.ts); adding a rule is adding its module and its line here. The kinds of finding, which of them
 * are conflicts, the CLI's `--kind` values and the reports' headings all come from this list
 * (finding.ts). When two rules make findings with the same fingerprint, the later one's is kept.
 */
import type { Rule } from '../rule.ts';
import { rule as compareFigures } from './compare-figures.ts';
import { rule as compareLists } from './compare-lists.ts';
import { rule as denial } from './denial.ts';
import { rule as arithmetic } from './arithmetic.ts';
import { rule as framing } from './framing.ts';

export const RULES: readonly Rule[] = [compareFigures, compareLists, denial, arithmetic, framing];
