/**
 * Joins mentions into canonical entities across the corpus: the same place by the gazetteer, the same
 * name up to possessives, dots and a leading "the", an acronym with its expansion (defined in brackets
 * or matching the initials), a country-prefixed name with the name alone ("US State Department" /
 * "State Department"), a programme with its generic head ("Clean Network Initiative" / "Clean Network"),
 * and a person's surname or first name variant with the full name seen elsewhere.
 */
import { ENTITY_TYPES, type EntityType } from '../extract-entities/vocabulary.ts';
import { lookupPlace } from '../extract-entities/gazetteer.ts';
import { addTo } from '../../pipeline/collections.ts';

export interface MentionRow {
  id: string;
  /** How many mentions exactly alike (text, role, place, acronym, evidence) the row stands for: the store keeps them as one group. Default 1. */
  count?: number;
  text: string;
  role: string | null;
  place: string | null;
  acronym: string | null;
  evidence: Partial<Record<EntityType, number>>;
}

export interface ResolvedEntity {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  roles: string[];
  /** The rows grouped into the entity, in the order they came. */
  rows: MentionRow[];
  /** How many mentions those rows stand for. */
  mentionCount: number;
}

const GENERIC_HEADS = /\s+(?:initiative|program|programme|plan|project|strategy|company|corporation|corp|inc|ltd|co)$/i;
const CONNECTORS = new Set(['of', 'for', 'and', 'the', 'on', 'to', '&', 'de']);

/** The name as compared: no possessive, no dots, no leading "the", one kind of apostrophe and space. */
export function nameKey(name: string): string {
  return name
    .replace(/[’']s$/, '')
    .replace(/^the\s+/i, '')
    .replace(/\./g, '')
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((word) => word && !CONNECTORS.has(word.toLowerCase()))
    .map((word) => word[0]!.toUpperCase())
    .join('');
}

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(key: string): string {
    let root = key;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    this.parent.set(key, root);
    return root;
  }
  union(a: string, b: string): void {
    const [x, y] = [this.find(a), this.find(b)].sort();
    if (x !== y) this.parent.set(y!, x!);
  }
}

function typeOf(evidence: Partial<Record<EntityType, number>>): EntityType {
  let best: EntityType = 'other';
  let weight = 0;
  for (const type of ENTITY_TYPES) {
    if ((evidence[type] ?? 0) > weight) {
      best = type;
      weight = evidence[type]!;
    }
  }
  return best;
}

function sum(into: Partial<Record<EntityType, number>>, from: Partial<Record<EntityType, number>>, times = 1): void {
  // for…in, not Object.entries: called twice per group, and an array per call was a tenth of the time.
  for (const type in from) into[type as EntityType] = (into[type as EntityType] ?? 0) + from[type as EntityType]! * times;
}

/** How many mentions a row stands for. */
const countOf = (mention: MentionRow) => mention.count ?? 1;

/** A row's type evidence, counted once per mention it stands for; a role (a title) is evidence of a person. */
function addEvidence(into: Partial<Record<EntityType, number>>, mention: MentionRow): void {
  sum(into, mention.evidence, countOf(mention));
  if (mention.role) sum(into, { person: 4 }, countOf(mention));
}

/** `base`, else `base-type`, else `base-type-2`, `-3`…: names that slug alike stay apart (groups come in a fixed order). */
function uniqueId(base: string, type: EntityType, used: Set<string>): string {
  let id = base;
  for (let n = 1; used.has(id); n += 1) id = n === 1 ? `${base}-${type}` : `${base}-${type}-${n}`;
  used.add(id);
  return id;
}

function slug(name: string): string {
  // Most names are ASCII, with no accents to take off.
  return (/^[\x20-\x7e]*$/.test(name) ? name : name.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The text without a final possessive "'s" or "’s" (as /[’']s$/ replaced, without a regular expression per row). */
function withoutPossessive(text: string): string {
  return text.endsWith('s') && (text[text.length - 2] === "'" || text[text.length - 2] === '’') ? text.slice(0, -2) : text;
}

/** Each row's key, kept with the row: rows read ahead (resolve-entities' readAhead) are keyed before the run. */
const rowKeys = new WeakMap<MentionRow, string>();

/** The key rows are grouped by: the gazetteer's place, else the name key (five replacements, so worked out once per row). */
export function mentionKey(mention: MentionRow): string {
  let key = rowKeys.get(mention);
  if (key === undefined) {
    key = mention.place ? `place:${mention.place.toLowerCase()}` : `name:${nameKey(mention.text)}`;
    rowKeys.set(mention, key);
  }
  return key;
}

/** Groups mentions into entities; the result is the same whatever order the mentions come in. */
export function resolveEntities(mentions: MentionRow[]): ResolvedEntity[] {
  const sets = new UnionFind();
  // Each row's key, the keys in the order rows first name them, each key's type evidence and the
  // smallest text it is written as (code unit order): one pass over the rows.
  const keyByMention = new Map<MentionRow, string>();
  const keys = new Set<string>();
  const evidenceByKey = new Map<string, Partial<Record<EntityType, number>>>();
  const smallestText = new Map<string, string>();
  for (const mention of mentions) {
    const key = mentionKey(mention);
    keyByMention.set(mention, key);
    keys.add(key);
    sets.find(key);
    let evidence = evidenceByKey.get(key);
    if (!evidence) evidenceByKey.set(key, (evidence = {}));
    addEvidence(evidence, mention);
    const text = smallestText.get(key);
    if (text === undefined || mention.text < text) smallestText.set(key, mention.text);
  }
  const keyOf = (mention: MentionRow) => keyByMention.get(mention)!;
  const displayByKey = new Map([...smallestText].map(([key, text]) => [key, withoutPossessive(text)]));

  // Acronyms defined in brackets, and acronyms matching the initials of exactly one long name.
  const longNames = [...keys].filter((key) => key.startsWith('name:') && key.includes(' '));
  for (const mention of mentions) {
    if (mention.acronym) sets.union(keyOf(mention), `name:${nameKey(mention.acronym)}`);
  }
  // Long names by their initials, computed once (per acronym over all long names was quadratic).
  const longNamesByInitials = new Map<string, string[]>();
  for (const long of longNames) {
    addTo(longNamesByInitials, initials(displayByKey.get(long)!), long);
  }
  for (const key of keys) {
    const display = displayByKey.get(key)!;
    if (!key.startsWith('name:') || !/^\p{Lu}{2,6}$/u.test(display.replace(/\./g, ''))) continue;
    const matches = longNamesByInitials.get(display.replace(/\./g, '')) ?? [];
    if (matches.length === 1) sets.union(key, matches[0]!);
  }
  // "US State Department" / "State Department"; "Clean Network Initiative" / "Clean Network".
  for (const key of keys) {
    if (!key.startsWith('name:')) continue;
    const name = key.slice(5);
    // Both need two words at least (a name key's spaces are single spaces); a prefix and a rest, three.
    const space = name.indexOf(' ');
    if (space === -1) continue;
    const words = space === name.lastIndexOf(' ') ? [] : name.split(' ');
    for (let cut = 1; cut < words.length - 1; cut += 1) {
      const prefix = words.slice(0, cut).join(' ');
      const rest = `name:${words.slice(cut).join(' ')}`;
      if (lookupPlace(prefix) && keys.has(rest)) sets.union(key, rest);
    }
    const withoutHead = `name:${name.replace(GENERIC_HEADS, '')}`;
    if (withoutHead !== key && keys.has(withoutHead)) sets.union(key, withoutHead);
  }
  // People: full names by surname, first names compatible (same initial); a surname alone joins the one full name it matches.
  const personKeys = [...keys].filter((key) => key.startsWith('name:') && typeOf(evidenceByKey.get(key) ?? {}) === 'person');
  const fullBySurname = new Map<string, string[]>();
  for (const key of personKeys) {
    const words = key.slice(5).split(' ');
    if (words.length < 2) continue;
    addTo(fullBySurname, words.at(-1)!, key);
  }
  for (const full of fullBySurname.values()) {
    for (const a of full) for (const b of full) if (a < b && a.slice(5)[0] === b.slice(5)[0]) sets.union(a, b);
  }
  for (const key of keys) {
    const name = key.slice(5);
    if (!key.startsWith('name:') || name.includes(' ')) continue;
    const roots = new Set((fullBySurname.get(name) ?? []).map((full) => sets.find(full)));
    if (roots.size === 1) sets.union(key, [...roots][0]!);
  }

  // Build the entities.
  const groups = new Map<string, MentionRow[]>();
  for (const mention of mentions) {
    const root = sets.find(keyOf(mention));
    addTo(groups, root, mention);
  }
  const entities: ResolvedEntity[] = [];
  const usedIds = new Set<string>();
  for (const group of groups.values()) {
    const evidence: Partial<Record<EntityType, number>> = {};
    for (const mention of group) addEvidence(evidence, mention);
    const type = typeOf(evidence);
    const name = canonicalName(group, type);
    const id = uniqueId(slug(name) || 'entity', type, usedIds);
    // Most entities are one group: their names and roles need no sets nor sorting.
    const only = group.length === 1 ? group[0]! : undefined;
    const written = only ? withoutPossessive(only.text) : undefined;
    const aliases = only ? (written === name ? [] : [written!]) : [...new Set(group.map((mention) => withoutPossessive(mention.text)))].filter((alias) => alias !== name).sort();
    const roles = only ? (only.role === null ? [] : [only.role]) : [...new Set(group.map((mention) => mention.role).filter((role): role is string => role !== null))].sort();
    entities.push({ id, name, type, aliases, roles, rows: group, mentionCount: only ? countOf(only) : group.reduce((total, mention) => total + countOf(mention), 0) });
  }
  typeByFamily(entities);
  return entities.sort((a, b) => (a.id < b.id ? -1 : 1));
}

/**
 * A name nothing typed takes the kind of its family: "Clean Carrier" beside "Clean Network" and
 * "Clean Path", both initiatives, is an initiative.
 */
function typeByFamily(entities: ResolvedEntity[]): void {
  const firstWord = (name: string) => name.split(' ')[0]!.toLowerCase();
  const isKin = (entity: ResolvedEntity) => entity.type !== 'other' && entity.type !== 'place' && entity.type !== 'person' && entity.name.includes(' ');
  // Families by first word, built once (comparing every entity with every other was quadratic);
  // an entity typed here joins its family for the entities after it, as it always did.
  const families = new Map<string, EntityType[]>();
  const join = (entity: ResolvedEntity) => addTo(families, firstWord(entity.name), entity.type);
  for (const entity of entities) if (isKin(entity)) join(entity);
  for (const entity of entities) {
    if (entity.type !== 'other' || !entity.name.includes(' ')) continue;
    const kin = families.get(firstWord(entity.name)) ?? [];
    const types = new Set(kin);
    if (kin.length >= 2 && types.size === 1) {
      entity.type = kin[0]!;
      join(entity);
    }
  }
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
