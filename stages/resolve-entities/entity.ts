/**
 * An entity from its group of rows (cluster.ts): its name, type, aliases and roles; then, over all the
 * corpus's entities in the order of their first mentions, each one's id. Only the ids look beyond an
 * entity's own rows, and they read only each entity's name, type and first mention, which the store keeps.
 */
import { SHAPE_VOTES, STRONG_VOTE, type EntityType } from '../extract-entities/vocabulary.ts';
import { clusterRows, countOf, mentionKey, typeOf, type Evidence, type MentionRow } from './cluster.ts';
import { withoutPossessive } from '../extract-entities/tokens.ts';
import { INITIALLED, isSurnameAlone } from '../extract-entities/full-names.ts';

export interface EntityDraft {
  name: string;
  /** The type its mentions' strong evidence gives. */
  evidenceType: EntityType;
  aliases: string[];
  roles: string[];
  /** The rows grouped into the entity, in the order they came. */
  rows: MentionRow[];
  /** How many mentions those rows stand for. */
  mentionCount: number;
  /** The first row's id: rows come in the order of their first mention. */
  firstMention: string;
}

export interface ResolvedEntity extends EntityDraft {
  id: string;
  type: EntityType;
}

/**
 * The name an entity goes by: the gazetteer's for a place; for others the most frequent name of more
 * than one word (so "Chinese Communist Party" over "CCP", "Michael Pompeo" over "Pompeo"), ties to the longer.
 */
function canonicalName(group: MentionRow[], type: EntityType): string {
  const place = group.find((mention) => mention.place)?.place;
  if (type === 'place' && place) return place;
  if (group.length === 1) return withoutPossessive(group[0]!.text);
  const counts = new Map<string, number>();
  for (const mention of group) {
    const name = withoutPossessive(mention.text);
    counts.set(name, (counts.get(name) ?? 0) + countOf(mention));
  }
  const ranked = [...counts].sort(([a, x], [b, y]) => Number(b.includes(' ')) - Number(a.includes(' ')) || y - x || b.length - a.length || (a < b ? -1 : 1));
  return ranked[0]![0];
}

/** A row's strong evidence, counted once per mention it stands for; a role (a title) is evidence of a person. */
function addStrongEvidence(into: Evidence, row: MentionRow): void {
  const times = countOf(row);
  for (const type in row.evidence) {
    const weight = row.evidence[type as EntityType]!;
    if (weight >= STRONG_VOTE) into[type as EntityType] = (into[type as EntityType] ?? 0) + weight * times;
  }
  if (row.role) into.person = (into.person ?? 0) + 4 * times;
}

/**
 * "Laura Ashley" typed a person by its first word in one article and called a thing in another ("Laura
 * Ashley, which is due to …"): a person whom no mention types by more than its shape (no title, no
 * more votes than a first name gives: extract-entities' isPersonByShape, whose kind said beside a name
 * the store does not keep) is none where any mention says it is a thing.
 */
function personByShapeOnly(group: MentionRow[], evidence: Evidence): boolean {
  return (evidence.other ?? 0) >= STRONG_VOTE && group.every((row) => !row.role && (row.evidence.person ?? 0) <= SHAPE_VOTES);
}

export function draftEntity(group: MentionRow[]): EntityDraft {
  const evidence: Evidence = {};
  for (const mention of group) addStrongEvidence(evidence, mention);
  const typed = typeOf(evidence);
  const evidenceType = typed === 'person' && personByShapeOnly(group, evidence) ? 'other' : typed;
  const name = canonicalName(group, evidenceType);
  // Most entities are one group: their names and roles need no sets nor sorting.
  const only = group.length === 1 ? group[0]! : undefined;
  const written = only ? withoutPossessive(only.text) : undefined;
  const aliases = only ? (written === name ? [] : [written!]) : [...new Set(group.map((mention) => withoutPossessive(mention.text)))].filter((alias) => alias !== name).sort();
  const roles = only ? (only.role === null ? [] : [only.role]) : [...new Set(group.map((mention) => mention.role).filter((role): role is string => role !== null))].sort();
  const mentionCount = only ? countOf(only) : group.reduce((total, mention) => total + countOf(mention), 0);
  return { name, evidenceType, aliases, roles, rows: group, mentionCount, firstMention: group[0]!.id };
}

/** What an entity's id is made from: its name as a slug. */
function idBase(name: string): string {
  return slug(name) || 'entity';
}

function slug(name: string): string {
  // Most names are ASCII, with no accents to take off.
  return (/^[\x20-\x7e]*$/.test(name) ? name : name.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** `base`, else `base-type`, else `base-type-2`, `-3`…: names that slug alike stay apart (entities come in a fixed order). */
function uniqueId(base: string, type: EntityType, used: Set<string>): string {
  let id = base;
  for (let n = 1; used.has(id); n += 1) id = n === 1 ? `${base}-${type}` : `${base}-${type}-${n}`;
  used.add(id);
  return id;
}

/** What naming reads of an entity. */
export interface Nameable {
  name: string;
  evidenceType: EntityType;
}

/**
 * Each entity's id, for the corpus's entities in the order of their first mentions: names that slug
 * alike take the suffixes of uniqueId in that order. An entity's type is its own evidence's: a name is
 * never typed by other names that share its first word ("Microsoft Word" is no company, "West Sussex"
 * no organisation).
 */
export function nameInOrder(entities: readonly Nameable[]): { id: string; type: EntityType }[] {
  const used = new Set<string>();
  return entities.map((entity) => ({ id: uniqueId(idBase(entity.name), entity.evidenceType, used), type: entity.evidenceType }));
}

/**
 * Is the entity named and typed well enough to be one? A name nothing types is left out (an uncertain
 * name is better unlisted than listed as a thing of no kind), and so is a person known by a surname
 * alone (its particles aside: "da Silva") or by an initial and a surname only: across articles "S Murray" may be anyone of that name (within an
 * article it stands for the full name: full-names.ts).
 */
export function isNamedEntity(entity: { name: string }, type: EntityType): boolean {
  return type !== 'other' && !(type === 'person' && (isSurnameAlone(entity.name) || INITIALLED.test(entity.name)));
}

/**
 * An entity all of whose names say no one thing: generic ones (clusterRows: "Central Bank" where two
 * countries' central banks are named) and one-word names their documents do not type one way (keyOf).
 */
export const namesNothing = (draft: EntityDraft, generic: Set<string>) => draft.rows.every((row) => generic.has(mentionKey(row)) || mentionKey(row).startsWith('untyped:'));

/** Ids are ASCII slugs: code unit order is SQLite's. */
export const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);

/** Groups mentions into entities, the whole corpus at once; rows come in the order of their first mention. */
export function resolveEntities(mentions: MentionRow[]): ResolvedEntity[] {
  const clustering = clusterRows(mentions);
  const drafts = clustering.components.map(draftEntity).filter((draft) => isNamedEntity(draft, draft.evidenceType) && !namesNothing(draft, clustering.generic));
  const named = nameInOrder(drafts);
  return drafts.map((draft, index) => ({ ...draft, ...named[index]! })).sort(byId);
}
