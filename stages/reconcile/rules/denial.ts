/**
 * A claim and its explicit denial: "Huawei equipment may be used to spy for the Chinese government" /
 * "Huawei has always denied this". The denial refers back to the claim just before it, in the same
 * document: each document's denials are worked out again only when it changes.
 */
import type { ClaimRow } from '../load.ts';
import { defineRule, eachDocument, type DraftFinding } from '../rule.ts';

export const rule = defineRule({
  id: 'denial',
  kind: 'denial',
  conflict: true,
  label: 'Denials',
  run: (context) => eachDocument(context, 'denial', (document) => findDenials(document.claims())),
});

const DENIAL = /\b(?:denied|denies|deny|rejected|rejects|refuted|refutes|dismissed|disputes|disputed)\s+(?:this|that|it|these|the\s+(?:claims?|allegations?|accusations?|charges?|reports?))\b/i;

export function findDenials(claims: ClaimRow[]): DraftFinding[] {
  const drafts: DraftFinding[] = [];
  claims.forEach((claim, index) => {
    if (!DENIAL.test(claim.text)) return;
    const antecedent = claims[index - 1];
    if (!antecedent || antecedent.doc !== claim.doc || claim.paragraph - antecedent.paragraph > 1) return;
    const denier = claim.speaker ?? 'someone';
    drafts.push({
      kind: 'denial',
      summary: `${denier} denies what ${antecedent.speaker ?? 'the source'} states: “${antecedent.text}” — “${claim.text}”`,
      measure: `${denier} denies: ${antecedent.text.slice(0, 80)}`,
      severity: 'high',
      items: [
        { doc: antecedent.doc, claim: antecedent.id, start: antecedent.start, end: antecedent.end, quote: antecedent.text, role: 'claim' },
        { doc: claim.doc, claim: claim.id, start: claim.start, end: claim.end, quote: claim.text, role: 'denial' },
      ],
      evidence: ['the denial refers back to the claim right before it'],
    });
  });
  return drafts;
}
