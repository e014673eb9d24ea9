/**
 * Figures of different documents, or of one, that state the same measure: each measure's pairs are
 * classified by figure-pairs.ts (a discrepancy, a change over time, compatible values, a
 * corroboration). Figures are compared in units that can be worked out apart, each kept between runs
 * with everything it reads: the figures related by their context (contextComponents), and each value
 * stated in several documents (valueMeasures).
 */
import { addTo } from '../../../pipeline/collections.ts';
import { compareFigures } from '../figure-pairs.ts';
import { contextComponents, contextMeasures, inferHolders, valueKeyOf, valueMeasures, type MeasuredFigure } from '../measures.ts';
import { defineRule, type RuleContext } from '../rule.ts';

export { classifyPair, compareFigures } from '../figure-pairs.ts';

export const rule = defineRule({
  id: 'compare-figures',
  kind: 'numeric_discrepancy',
  conflict: true,
  label: 'Numbers that cannot both hold',
  also: {
    temporal_change: { conflict: false, label: 'Changes over time' },
    compatible: { conflict: false, label: 'Different but compatible' },
    corroboration: { conflict: false, label: 'Corroborations' },
  },
  run: (context) => {
    const figures = inferHolders(context.input.figures, context.input.entities);
    return [...byContext(context, figures), ...byValue(context, figures)];
  },
});

/** What a unit of figures reads: each figure as its document has it, and the holder inferred for it. */
function figureParts(context: RuleContext, figure: MeasuredFigure): unknown[] {
  return [figure.id, context.digests.get(figure.doc), figure.holderId, figure.holderLabel, figure.holderReason];
}

function byContext(context: RuleContext, figures: MeasuredFigure[]) {
  const documents = context.input.documents;
  return contextComponents(figures)
    .sort((a, b) => (a.key < b.key ? -1 : 1))
    .flatMap(({ key, members }) =>
      context.memo(
        'compare-figures',
        key,
        members.map((figure) => figureParts(context, figure)),
        () => contextMeasures(members).flatMap((measure) => compareFigures(measure, documents)),
      ),
    );
}

function byValue(context: RuleContext, figures: MeasuredFigure[]) {
  const documents = context.input.documents;
  const groups = new Map<string, MeasuredFigure[]>();
  for (const figure of figures) if (figure.head) addTo(groups, valueKeyOf(figure), figure);
  return [...groups]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .filter(([, members]) => new Set(members.map((figure) => figure.doc)).size >= 2)
    .flatMap(([key, members]) => {
      const parts = members.map((figure) => [...figureParts(context, figure), figure.stems.filter((stem) => context.distinctive.has(stem))]);
      return context.memo('compare-values', key, parts, () => valueMeasures(members, context.distinctive).flatMap((measure) => compareFigures(measure, documents)));
    });
}
