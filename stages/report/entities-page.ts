/**
 * reports/entities.md: every canonical entity with its aliases, roles and where it is named, and who
 * appears with whom. Each entity's section and its row in the table at the top are a stored fragment
 * (fragments.ts): an incremental report renders again the sections of entities that are new or changed
 * (counts included), or named in a stale document now, and reads the others' in page order. That
 * covers every change a section shows: an entity that lost a mention has another count unless it gained
 * one in a stale document, and a companion renamed or merged away repoints or renames mentions in
 * documents that name both, which the store marks stale.
 */
import type Database from 'better-sqlite3';
import { cell, escapeInline, formatNumber, link, page, table, tableRow } from './markdown.ts';
import type { StoredEntity } from '../../pipeline/db/documents.ts';
import { readEntityMentions, readCooccurrences, type EntityMention, type EntityPair, type StoredDocument } from './read-store.ts';
import type { Fragment, FragmentChanges } from './fragments.ts';
import { GENERATED, documentPage, paragraphAnchor } from './shared.ts';
import { assemble, readLayout, sectionsOf, storeLayout, type LaidOutSection, type Layout } from './page-layout.ts';
import { addTo } from '../../pipeline/collections.ts';

const PAGE = 'entities.md';
/** Pairs on the page, and companions in a section. */
const TOP_PAIRS = 15;
const COMPANIONS = 5;
/** Above this many sections to render, reading every mention and pair at once beats a query per entity. */
const READ_ALL_ABOVE = 300;

/** The order of pairs: most sentences first, then by ids. */
const pairOrder = (x: EntityPair, y: EntityPair) => y.sentences - x.sentences || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0);

/** The stored pages' data an entities page is made from, and what to store for the next one. */
export interface EntitiesPage {
  content: Buffer;
  /** Where its sections are in `content`, for the next incremental page. */
  layout: Layout;
  /** How many sections the page has. */
  sections: number;
  fragments: FragmentChanges;
  /** Each rendered entity's most frequent pairs, replacing those stored for `owners` (all, when `full`). */
  topPairs: { full: boolean; owners: string[]; rows: [entity: string, other: string, sentences: number][] };
}

function renderSection(entity: StoredEntity, mentions: EntityMention[], pairs: EntityPair[], names: Map<string, string>, documents: Map<string, StoredDocument>): string {
  const roles = JSON.parse(entity.roles) as string[];
  const aliases = JSON.parse(entity.aliases) as string[];
  const entityLink = (id: string) => link(names.get(id) ?? id, `#${id}`);
  const where = new Map<string, string[]>();
  for (const mention of mentions) {
    const anchor = link(`¶${mention.paragraph}${mention.count > 1 ? ` ×${formatNumber(mention.count)}` : ''}`, `${documentPage(mention.document_id)}#${paragraphAnchor(mention.paragraph)}`);
    addTo(where, mention.document_id, anchor);
  }
  const companions = pairs.slice(0, COMPANIONS).map((pair) => `${entityLink(pair.a === entity.id ? pair.b : pair.a)} (${formatNumber(pair.sentences)})`);
  return [
    `### ${escapeInline(entity.name)}`,
    `<a id="${entity.id}"></a>${entity.type}${aliases.length ? ` · also ${escapeInline(aliases.join(', '))}` : ''}${roles.length ? ` · roles: ${escapeInline(roles.join('; '))}` : ''}`,
    '',
    [...where].map(([id, anchors]) => `- ${link(documents.get(id)!.title, documentPage(id))}: ${anchors.join(', ')}`).join('\n'),
    companions.length ? `\nNamed in the same sentence as: ${companions.join(', ')}.` : '',
  ].join('\n');
}

/** Mentions and pairs of the entities to render: all at once, or entity by entity when they are few. */
function readFor(db: Database.Database, ids: Set<string>, all: boolean): { mentions: Map<string, EntityMention[]>; pairs: Map<string, EntityPair[]> } {
  const mentions = new Map<string, EntityMention[]>();
  const pairs = new Map<string, EntityPair[]>();
  if (all || ids.size > READ_ALL_ABOVE) {
    // Grouped once, by pushing: copying a group on every mention, or filtering all pairs per entity, is quadratic.
    for (const mention of readEntityMentions(db)) if (ids.has(mention.entity_id)) addTo(mentions, mention.entity_id, mention);
    for (const pair of readCooccurrences(db)) for (const id of [pair.a, pair.b]) if (ids.has(id)) addTo(pairs, id, pair);
    return { mentions, pairs };
  }
  for (const id of ids) {
    mentions.set(id, readEntityMentions(db, id));
    pairs.set(id, readCooccurrences(db, id).sort(pairOrder));
  }
  return { mentions, pairs };
}

/** What an entity's section shows of the entity itself, and its counts (see above), worked out by SQLite over `entities e`. */
const DIGEST = 'json_array(e.name, e.type, e.aliases, e.roles, e.mention_count, e.document_count)';
/** The page's order: most mentioned first (an index, entities_page_order, keeps it). */
const PAGE_ORDER = 'e.mention_count DESC, e.name, e.id';

type DigestedEntity = StoredEntity & { digest: string };

function entityRow(entity: StoredEntity, entityLink: (id: string) => string): string {
  return tableRow([entityLink(entity.id), cell(entity.type), cell((JSON.parse(entity.aliases) as string[]).join(', ')), cell(entity.mention_count), cell(entity.document_count)]);
}

/**
 * The page, rendering only what `stale` documents may have changed (every section when `stale` is
 * undefined). An incremental page finds the entities to render in SQL (the stored digest differs, or a
 * stale document names them) and takes every other entity's table row and section from the `previous`
 * page's bytes (as written by the last run, which an incremental run guarantees), or from the store.
 */
export function entitiesPage(db: Database.Database, documents: Map<string, StoredDocument>, stale: Set<string> | undefined, previous?: () => Buffer | undefined): EntitiesPage {
  const full = !stale || (db.prepare('SELECT 1 FROM _report_fragments WHERE page = ? LIMIT 1').get(PAGE) === undefined);
  let render: DigestedEntity[];
  let removed: string[] = [];
  if (full) {
    render = db.prepare(`SELECT e.*, ${DIGEST} AS digest FROM entities e ORDER BY ${PAGE_ORDER}`).all() as DigestedEntity[];
  } else {
    const changed = db.prepare(`SELECT e.id FROM entities e LEFT JOIN _report_fragments f ON f.page = ? AND f.key = e.id WHERE f.digest IS NOT ${DIGEST}`).pluck().all(PAGE) as string[];
    const namedNow = db.prepare('SELECT DISTINCT entity_id FROM mentions WHERE document_id IN (SELECT value FROM json_each(?)) AND entity_id IS NOT NULL').pluck().all(JSON.stringify([...stale!])) as string[];
    render = db.prepare(`SELECT e.*, ${DIGEST} AS digest FROM entities e WHERE e.id IN (SELECT value FROM json_each(?)) ORDER BY ${PAGE_ORDER}`).all(JSON.stringify([...new Set([...changed, ...namedNow])])) as DigestedEntity[];
    removed = db.prepare('SELECT key FROM _report_fragments WHERE page = ? AND key NOT IN (SELECT id FROM entities)').pluck().all(PAGE) as string[];
  }
  const rendering = new Set(render.map((entity) => entity.id));
  const { mentions, pairs } = readFor(db, rendering, full);
  const topPairs: EntitiesPage['topPairs'] = { full, owners: [...rendering, ...removed], rows: [] };
  for (const entity of render) {
    for (const pair of (pairs.get(entity.id) ?? []).slice(0, TOP_PAIRS)) topPairs.rows.push([entity.id, pair.a === entity.id ? pair.b : pair.a, pair.sentences]);
  }

  // The most frequent pairs of the corpus are among the most frequent pairs of each of their two entities.
  const candidates = new Map<string, EntityPair>();
  const keep = (entity: string, other: string, sentences: number) => {
    const [a, b] = entity < other ? [entity, other] : [other, entity];
    candidates.set(`${a} ${b}`, { a, b, sentences });
  };
  for (const [entity, other, sentences] of topPairs.rows) keep(entity, other, sentences);
  if (!full) {
    // The stored pairs of the entities not rendered again, most sentences first (an index keeps them in
    // that order): once TOP_PAIRS pairs name more sentences than the next, no later one can be shown.
    const owners = new Set(topPairs.owners);
    const storedPairs = db.prepare('SELECT entity_id, other_id, sentences FROM _entity_top_pairs ORDER BY sentences DESC').raw();
    let [level, above] = [Infinity, 0];
    for (const [entity, other, sentences] of storedPairs.iterate() as Iterable<[string, string, number]>) {
      // Counted again only when the number of sentences drops: as often as there are distinct numbers.
      if (sentences < level) [level, above] = [sentences, [...candidates.values()].filter((pair) => pair.sentences > sentences).length];
      if (above >= TOP_PAIRS) break;
      if (!owners.has(entity)) keep(entity, other, sentences);
    }
  }
  const together = [...candidates.values()].sort(pairOrder).slice(0, TOP_PAIRS);

  // Names for the links the rendered parts make: to companions and to the pairs named together most often.
  const linked = new Set([...rendering, ...together.flatMap((pair) => [pair.a, pair.b])]);
  for (const id of rendering) for (const pair of (pairs.get(id) ?? []).slice(0, COMPANIONS)) linked.add(pair.a === id ? pair.b : pair.a);
  const names = new Map(db.prepare('SELECT id, name FROM entities WHERE id IN (SELECT value FROM json_each(?))').raw().all(JSON.stringify([...linked])) as [string, string][]);
  const entityLink = (id: string) => link(names.get(id) ?? id, `#${id}`);
  const upserts: Fragment[] = render.map((entity) => ({
    key: entity.id,
    digest: entity.digest,
    weight: 0,
    body: renderSection(entity, mentions.get(entity.id) ?? [], pairs.get(entity.id) ?? [], names, documents),
    row: entityRow(entity, entityLink),
    documents: [],
  }));

  // Every entity's row and section in page order: those just rendered, the others copied from the page
  // as written (page-layout.ts), or else as stored.
  const fresh = new Map(upserts.map((fragment) => [fragment.key, fragment]));
  let sections: LaidOutSection[];
  if (full) {
    sections = upserts.map((fragment) => ({ key: fragment.key, row: fragment.row!, body: fragment.body }));
  } else {
    const order = db.prepare(`SELECT e.id FROM entities e ORDER BY ${PAGE_ORDER}`).pluck().all() as string[];
    const layout = readLayout(db, PAGE);
    const file = layout && previous?.();
    const written = file ? sectionsOf(file, layout!, '### ') : undefined;
    const missing = order.filter((id) => !fresh.has(id) && !written?.has(id));
    const stored = new Map((db.prepare('SELECT key, row, body FROM _report_fragments WHERE page = ? AND key IN (SELECT value FROM json_each(?))').raw().all(PAGE, JSON.stringify(missing)) as [string, string, string][]).map(([key, row, body]) => [key, { row, body }]));
    sections = order.map((id) => {
      const section = fresh.get(id) ?? written?.get(id) ?? stored.get(id)!;
      return { key: id, row: section.row!, body: section.body };
    });
  }
  const head = page(
    GENERATED,
    '# Entities',
    `${formatNumber(sections.length)} people, organisations, places and initiatives, each once however it is named. Mentions link to the paragraph they are in.`,
    table(['Entity', 'Type', 'Aliases', 'Mentions', 'Documents'], []),
  ).slice(0, -1);
  const middle = `\n\n${['## Named together most often', table(['Entities', 'Sentences naming both'], together.map((pair) => [`${entityLink(pair.a)} and ${entityLink(pair.b)}`, cell(pair.sentences)])), '## Each entity'].join('\n\n')}`;
  const { bytes, layout } = assemble(head, sections, middle);
  return { content: bytes, layout, sections: sections.length, fragments: { page: PAGE, full, upserts, removed }, topPairs };
}

/** Stores what an entities page rendered besides its sections: each entity's pairs, and the page's layout. */
export function storeEntitiesPage(db: Database.Database, { topPairs, layout }: Pick<EntitiesPage, 'topPairs' | 'layout'>): void {
  storeLayout(db, PAGE, layout);
  if (topPairs.full) db.prepare('DELETE FROM _entity_top_pairs').run();
  else db.prepare('DELETE FROM _entity_top_pairs WHERE entity_id IN (SELECT value FROM json_each(?))').run(JSON.stringify(topPairs.owners));
  const insert = db.prepare('INSERT INTO _entity_top_pairs (entity_id, other_id, sentences) VALUES (?, ?, ?)');
  // In key order: a B-tree fills faster that way.
  const rows = [...topPairs.rows].sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  for (const row of rows) insert.run(...row);
}
