/**
 * A reconcile rule is one module made with defineRule: the kinds it declares go to the kind list the
 * CLI, the review queue and the reports read (finding.ts), and its `run` goes through the runner the
 * real rules use. Shown with a rule of the test's own, run over real articles in a real store.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { workOut } from '../stages/reconcile/index.ts';
import { declaredKinds, defineRule, eachDocument, runRules, type DraftFinding, type RuleContext, type RuleDefinition } from '../stages/reconcile/rule.ts';
import { RULES } from '../stages/reconcile/rules/index.ts';
import { CONFLICT_KINDS, FINDING_KINDS, kindLabel, REVIEW_ORDER } from '../stages/reconcile/finding.ts';
import { cli, run, workspace } from './helpers.ts';

/**
 * A share of a whole cannot be more than the whole: "Labour won 120% of the seats" cannot hold, whatever
 * the corpus says elsewhere. A change ("sales rose 150%") can exceed 100%, so only shares are checked.
 */
const definition: RuleDefinition = {
  id: 'share-over-whole',
  kind: 'impossible_share',
  conflict: true,
  label: 'Shares over the whole',
  run: (context) =>
    eachDocument(context, 'share-over-whole', ({ inputs }) =>
      inputs.figures
        .filter((figure) => figure.unit === 'percent' && figure.value > 100 && figure.type === 'share')
        .map(
          (figure): DraftFinding => ({
            kind: 'impossible_share',
            summary: `“${figure.quote}” is more than the whole.`,
            measure: `share: ${figure.quote}`,
            severity: 'high',
            items: [{ doc: figure.doc, figure: figure.id, start: figure.start, end: figure.end, quote: figure.quote, role: 'statement' }],
            evidence: ['a share of a whole is at most 100%'],
          }),
        ),
    ),
};
const shareOverWhole = defineRule(definition);

/** Each case is one article: its text, and the quotes a careful reader would flag. */
const CASES: { file: string; text: string; flagged: string[] }[] = [
  { file: 'council.txt', text: 'The count ended on Friday.\n\nLabour won 120% of the seats on the council, the party said in a statement.\n', flagged: ['120% of the seats'] },
  { file: 'sales.txt', text: 'The results came out on Monday.\n\nSales rose 150% last year, the company said.\n', flagged: [] },
  { file: 'turnout.txt', text: 'Polls closed at ten.\n\nTurnout was 64% of registered voters, officials said.\n', flagged: [] },
];

describe('a reconcile rule is one module', () => {
  const space = workspace(false);
  let findings: ReturnType<typeof workOut>['findings'] = [];

  beforeAll(async () => {
    for (const { file, text } of CASES) writeFileSync(join(space.corpusDir, file), text);
    await run(space);
    const db = new Database(space.dbPath, { readonly: true });
    try {
      findings = db.transaction(() => workOut(db, false, [shareOverWhole]))().findings;
    } finally {
      db.close();
    }
  });

  it('runs through the runner the real rules use: inputs in, findings out', () => {
    const byFile = new Map<string, string[]>(CASES.map(({ file }) => [file, []]));
    const db = new Database(space.dbPath, { readonly: true });
    const pathOf = db.prepare('SELECT path FROM documents WHERE id = ?').pluck();
    for (const finding of findings) for (const item of finding.items) byFile.get(pathOf.get(item.doc) as string)!.push(item.quote);
    db.close();
    expect(Object.fromEntries(byFile)).toEqual(Object.fromEntries(CASES.map(({ file, flagged }) => [file, flagged])));
    // The runner stamps each finding with its rule and a stable id.
    expect(findings.map((finding) => [finding.kind, finding.rule])).toEqual([['impossible_share', 'share-over-whole']]);
    expect(findings[0]!.id).toMatch(/^F[0-9a-f]{10}$/);
  });

  it('lists its kind with the others, as a conflict, under its heading', () => {
    const kinds = declaredKinds([...RULES, shareOverWhole]);
    expect([...kinds.keys()].at(-1)).toBe('impossible_share');
    expect(kinds.get('impossible_share')).toEqual({ conflict: true, label: 'Shares over the whole' });
  });

  it('may make only the kinds it declares or uses', () => {
    const context = { documents: [], memo: (_unit: string, _key: string, _parts: unknown[], compute: () => unknown[]) => compute() } as unknown as RuleContext;
    const stray = defineRule({ ...definition, id: 'stray', run: () => [{ kind: 'denial', summary: '', measure: '', severity: 'low', items: [], evidence: [] }] });
    expect(() => runRules([stray], context)).toThrow(/stray made a finding of kind "denial", which it neither declares nor uses/);
    expect(() => declaredKinds([...RULES, defineRule({ ...definition, kind: 'denial' })])).toThrow(/"denial" is declared by another rule/);
    expect(() => declaredKinds([defineRule({ ...definition, uses: ['corroboration'] })])).toThrow(/uses the kind "corroboration", which no rule declares/);
    expect(() => defineRule({ ...definition, kind: "x') OR (1" })).toThrow(/not a snake_case word/);
  });
});

describe('the kinds of finding come from the rule list', () => {
  it('declares each kind the rules make once, conflicts first in the review order', () => {
    const declared = RULES.flatMap((rule) => rule.kinds.map(([kind]) => kind));
    expect(FINDING_KINDS).toEqual(declared);
    expect(REVIEW_ORDER.slice(0, CONFLICT_KINDS.length)).toEqual(CONFLICT_KINDS);
    // The kinds a fact-checker must look at: disagreements. A corroboration or a change over time is none.
    expect(CONFLICT_KINDS).toEqual(expect.arrayContaining(['numeric_discrepancy', 'list_mismatch', 'denial', 'arithmetic', 'framing_conflict']));
    expect(CONFLICT_KINDS).not.toContain('corroboration');
    expect(CONFLICT_KINDS).not.toContain('temporal_change');
    expect(kindLabel('list_mismatch')).toBe('Lists that differ');
  });

  it('gives the CLI its --kind values', async () => {
    const help = await cli('findings', '--help');
    for (const kind of FINDING_KINDS) expect(help.stdout).toContain(kind);
    const wrong = await cli('findings', '--kind', 'contradiction', '--db', join(workspace(false).root, 'none.db'));
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain(`known: ${FINDING_KINDS.join(', ')}`);
  });
});
