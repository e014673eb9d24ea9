/** reports/figures.md: every figure, grouped by what it counts and who holds it, each with its sentence, source, date and paragraph. */
import { cell, escapeInline, formatNumber, link, page, table } from './markdown.ts';
import type { StoredDocument, StoredFigure } from './read-store.ts';
import { GENERATED, describePublished, describeValue, documentPage, paragraphAnchor } from './shared.ts';
import { addTo } from '../../pipeline/collections.ts';

const QUALIFIER_WORDS: Record<string, string> = { exact: '', approximate: 'about ', lower_bound: 'more than ', upper_bound: 'up to ' };

/** The group a figure belongs to on the page: its holder and what it counts. */
function groupName(figure: StoredFigure): string {
  const counted = figure.counted ?? (figure.unit === 'count' ? 'things not named' : figure.unit);
  return figure.holder ? `${counted} — ${figure.holder}` : counted;
}

export function renderFigures(figures: StoredFigure[], documents: Map<string, StoredDocument>): string {
  const groups = new Map<string, StoredFigure[]>();
  for (const figure of figures) addTo(groups, groupName(figure), figure);
  const ordered = [...groups].sort(([a, x], [b, y]) => y.length - x.length || (a < b ? -1 : 1));
  const sections = ordered.map(([name, members]) => {
    const rows = members.map((figure) => {
      const document = documents.get(figure.document_id)!;
      return [
        `${escapeInline(QUALIFIER_WORDS[figure.qualifier] ?? '')}${cell(describeValue(figure.value, figure.unit))}`,
        `“${escapeInline(figure.quote)}”${figure.scope ? ` (${escapeInline(figure.scope)})` : ''}`,
        cell(figure.speaker),
        link(document.title, documentPage(document.id)),
        cell(figure.time ?? describePublished(document)),
        link(`¶${figure.paragraph}`, `${documentPage(document.id)}#${paragraphAnchor(figure.paragraph)}`),
      ];
    });
    return `### ${escapeInline(name)}\n\n${table(['Value', 'Quote', 'Speaker', 'Source', 'Date', 'Where'], rows)}\n\n${members.map((figure) => `> ${escapeInline(figure.sentence)}`).filter((line, index, all) => all.indexOf(line) === index).join('\n>\n')}`;
  });
  return page(
    GENERATED,
    '# Figures',
    `${formatNumber(figures.length)} stated quantities, grouped by what they count and who they are about, most numerous first. Each row quotes the figure as written, says who stated it where the text attributes it, and links to its paragraph; the sentences follow each table.`,
    sections.join('\n\n'),
  );
}
