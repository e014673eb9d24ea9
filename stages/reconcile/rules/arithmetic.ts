/**
 * Numbers inside one document that do not add up: an amount stated as a share of a total
 * ("US$20 billion, almost two-thirds of the world's total (about US$33 billion)") checked against the
 * share the text gives, there and in the next few paragraphs ("about 59% of the world's gold reserves").
 * Each document is checked alone, again only when it changes.
 */
import { describeValue } from '../../../pipeline/format.ts';
import { defineRule, eachDocument, type DraftFinding, type FindingItem } from '../rule.ts';
import type { MeasuredFigure } from '../measures.ts';
import { addTo } from '../../../pipeline/collections.ts';

export const rule = defineRule({
  id: 'arithmetic',
  kind: 'arithmetic',
  conflict: true,
  label: 'Numbers that do not add up',
  run: (context) =>
    eachDocument(context, 'arithmetic', ({ inputs }) => {
      // A document's figures alone, without the holders other documents' names may give them.
      const holderless = inputs.figures.map((figure) => ({ ...figure, holderId: null, holderLabel: null, holderReason: null }));
      return checkArithmetic(holderless, new Map(inputs.figures.map((figure) => [figure.sentence, figure.paragraph])));
    }),
});

const CHANGE = /\b(?:from|to|increased|decreased|rose|fell|grew|dropped)\b/i;

function asShare(figure: MeasuredFigure): number {
  return figure.unit === 'percent' ? figure.value / 100 : figure.value;
}

function tolerance(figure: MeasuredFigure): number {
  return figure.qualifier === 'exact' ? 0.005 : 0.01;
}

function item(figure: MeasuredFigure, role: string): FindingItem {
  return { doc: figure.doc, figure: figure.id, start: figure.start, end: figure.end, quote: figure.quote, role };
}

/** `paragraphOf` gives each sentence id its paragraph number. */
export function checkArithmetic(figures: MeasuredFigure[], paragraphOf: Map<string, number>): DraftFinding[] {
  const drafts: DraftFinding[] = [];
  const bySentence = new Map<string, MeasuredFigure[]>();
  for (const figure of figures) addTo(bySentence, figure.sentence, figure);
  for (const members of bySentence.values()) {
    const amounts = members.filter((figure) => !['count', 'percent', 'ratio'].includes(figure.unit));
    if (amounts.length !== 2 || amounts[0]!.unit !== amounts[1]!.unit) continue;
    const [first, second] = amounts as [MeasuredFigure, MeasuredFigure];
    // "from $14.51 billion … to $20.08 billion" is a change, not a part and its whole.
    if (CHANGE.test(first.sentenceText.slice(first.end - first.sentenceStart, second.start - first.sentenceStart))) continue;
    const [part, whole] = first.value <= second.value ? [first, second] : [second, first];
    const implied = part.value / whole.value;
    const paragraph = paragraphOf.get(part.sentence)!;
    const shares = figures.filter(
      (figure) =>
        figure.doc === part.doc &&
        ((figure.unit === 'percent' && figure.value <= 100) || (figure.unit === 'ratio' && figure.value <= 1)) &&
        paragraphOf.get(figure.sentence)! >= paragraph &&
        paragraphOf.get(figure.sentence)! <= paragraph + 3 &&
        (figure.sentence === part.sentence || (figure.head !== null && (figure.head === part.head || figure.head === whole.head))),
    );
    const wrong = shares.filter((share) => Math.abs(asShare(share) - implied) > tolerance(share));
    if (wrong.length === 0) continue;
    const percent = (value: number) => `${Math.round(value * 100)}%`;
    drafts.push({
      kind: 'arithmetic',
      summary: `${describeValue(part.value, part.unit)} of ${describeValue(whole.value, whole.unit)} is ${percent(implied)}, but the text says ${wrong.map((share) => `“${share.quote}” (${percent(asShare(share))})`).join(' and ')}.`,
      measure: `share: ${part.counted ?? part.quote} of ${whole.quote}`,
      severity: wrong.some((share) => Math.abs(asShare(share) - implied) > 0.05) ? 'high' : 'medium',
      items: [item(part, 'part'), item(whole, 'whole'), ...wrong.map((share) => item(share, 'stated share'))],
      evidence: [`${part.quote} ÷ ${whole.quote} = ${implied.toFixed(3)}`, ...wrong.map((share) => `“${share.quote}” = ${asShare(share).toFixed(3)}`)],
    });
  }
  return drafts;
}
