/**
 * reports/figures.md: every figure, grouped by what it counts and who holds it, each with its sentence,
 * source, date and paragraph. Each group's section is a stored fragment (fragments.ts): an incremental
 * report renders again only the groups that have a figure in a stale document, before or now.
 */
import type Database from 'better-sqlite3';
import { cell, escapeInline, escapeLine, formatNumber, link, page, table } from './markdown.ts';
import { readFigures, readFiguresOfGroups, type StoredDocument, type StoredFigure } from './read-store.ts';
import { fragmentsShowing, storedFragments, type FragmentChanges } from './fragments.ts';
import { GENERATED, describePublished, describeValue, documentPage, paragraphAnchor } from './shared.ts';
import { addTo } from '../../pipeline/collections.ts';

const QUALIFIER_WORDS: Record<string, string> = { exact: '', approximate: 'about ', lower_bound: 'more than ', upper_bound: 'up to ' };

/** The group a figure belongs to on the page: its holder and what it counts (FIGURE_GROUP in SQL). */
function groupName(figure: StoredFigure): string {
  const counted = figure.counted ?? (figure.unit === 'count' ? 'things not named' : figure.unit);
  return figure.holder ? `${counted} — ${figure.holder}` : counted;
}

const PAGE = 'figures.md';

function renderGroup(name: string, members: StoredFigure[], documents: Map<string, StoredDocument>): string {
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
  return `### ${escapeInline(name)}\n\n${table(['Value', 'Quote', 'Speaker', 'Source', 'Date', 'Where'], rows)}\n\n${members.map((figure) => `> ${escapeLine(figure.sentence)}`).filter((line, index, all) => all.indexOf(line) === index).join('\n>\n')}`;
}

/** The page, rendering only the groups `stale` documents may have changed (every group when `stale` is undefined). */
export function figuresPage(db: Database.Database, documents: Map<string, StoredDocument>, stale: Set<string> | undefined): { content: string; sections: number; fragments: FragmentChanges } {
  const stored = stale ? storedFragments(db, PAGE) : undefined;
  let render: Set<string> | undefined;
  if (stored) {
    // The groups shown by a stale document before, and those its figures are in now.
    render = fragmentsShowing(db, PAGE, stale!);
    for (const id of stale!) if (documents.has(id)) for (const figure of readFigures(db, id)) render.add(groupName(figure));
  }
  const groups = new Map<string, StoredFigure[]>();
  // Only the figures of those groups: a group of a common phrase shows hundreds of documents.
  for (const figure of render ? readFiguresOfGroups(db, [...render]) : readFigures(db)) {
    const name = groupName(figure);
    if (!render || render.has(name)) addTo(groups, name, figure);
  }
  const upserts = [...groups].map(([name, members]) => ({ key: name, digest: '', weight: members.length, body: renderGroup(name, members, documents), documents: members.map((figure) => figure.document_id) }));
  const removed = render ? [...render].filter((name) => !groups.has(name) && stored!.has(name)) : [];
  const sizes = new Map([...(stored ?? [])].map(([name, { weight }]) => [name, weight]));
  for (const name of removed) sizes.delete(name);
  for (const fragment of upserts) sizes.set(fragment.key, fragment.weight);
  const bodies = new Map([...(stored ?? [])].map(([name, { body }]) => [name, body]));
  for (const fragment of upserts) bodies.set(fragment.key, fragment.body);
  const ordered = [...sizes].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  const content = page(
    GENERATED,
    '# Figures',
    `${formatNumber(ordered.reduce((total, [, size]) => total + size, 0))} stated quantities, grouped by what they count and who they are about, most numerous first. Each row quotes the figure as written, says who stated it where the text attributes it, and links to its paragraph; the sentences follow each table.`,
    ordered.map(([name]) => bodies.get(name)!).join('\n\n'),
  );
  return { content, sections: ordered.length, fragments: { page: PAGE, full: !stored, upserts, removed } };
}
