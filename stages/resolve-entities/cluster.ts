/**
 * Joins mentions into canonical entities across the corpus: the same place by the gazetteer, the same
 * name up to possessives, dots and a leading "the", an acronym with its expansion (defined in brackets
 * or matching the initials), a country-prefixed name with the name alone ("US State Department" /
 * "State Department"), a programme with its generic head ("Clean Network Initiative" / "Clean Network"),
 * a person's full name with its initial or short form ("G Jenkins" / "Gethin Jenkins"), and a surname
 * alone with the one full name seen elsewhere.
 *
 * The rules join keys (a mention's place, else its name key), and each reads only the keys it joins
 * and those sharing one of its lookups: initials, a surname, a linked key. So `clusterRows` can group
 * the rows of some keys alone, given a view of the keys outside them (`Outside`): it names the outside
 * keys a rule would join or count (its escapes), and the caller widens the keys until there are none
 * (see index.ts). With nothing outside, it groups the whole corpus.
 */
import { ENTITY_TYPES, EVENT_HEADS, INITIATIVE_HEADS, LAW_HEADS, ORGANIZATION_HEADS, type EntityType } from '../extract-entities/vocabulary.ts';
import { lookupPlace } from '../extract-entities/gazetteer.ts';
import { isPersonName } from '../extract-entities/full-names.ts';
import { addTo } from '../../pipeline/collections.ts';

export type Evidence = Partial<Record<EntityType, number>>;

export interface MentionRow {
  id: string;
  /** How many mentions exactly alike (text, role, place, acronym, evidence) the row stands for: the store keeps them as one group. Default 1. */
  count?: number;
  text: string;
  role: string | null;
  place: string | null;
  acronym: string | null;
  /** The full name the text stands for in its own document ("Tony Blair" for "Blair"), or null. */
  fullName?: string | null;
  evidence: Evidence;
}

const GENERIC_HEADS = /\s+(?:initiative|program|programme|plan|project|strategy|company|corporation|corp|inc|ltd|co)$/i;
const CONNECTORS = new Set(['of', 'for', 'and', 'the', 'on', 'to', '&', 'de']);
const ACRONYM = /^\p{Lu}{2,6}$/u;
const ABBREVIATIONS: Record<string, string> = { corporation: 'corp', company: 'co', incorporated: 'inc', limited: 'ltd' };

/** A one-word rest that is itself a name's head ("News" of "News Corp") or a generic word. */
const isHeadWord = (name: string) => !name.includes(' ') && (ORGANIZATION_HEADS.has(name) || INITIATIVE_HEADS.has(name) || LAW_HEADS.has(name) || EVENT_HEADS.has(name));

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

export function typeOf(evidence: Evidence): EntityType {
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

function sum(into: Evidence, from: Evidence, times = 1): void {
  // for…in, not Object.entries: called twice per group, and an array per call was a tenth of the time.
  for (const type in from) into[type as EntityType] = (into[type as EntityType] ?? 0) + from[type as EntityType]! * times;
}

/** How many mentions a row stands for. */
export const countOf = (mention: MentionRow) => mention.count ?? 1;

/** A row's type evidence, counted once per mention it stands for; a role (a title) is evidence of a person. */
export function addEvidence(into: Evidence, mention: MentionRow): void {
  sum(into, mention.evidence, countOf(mention));
  if (mention.role) sum(into, { person: 4 }, countOf(mention));
}

/** The text without a final possessive "'s" or "’s" (as /[’']s$/ replaced, without a regular expression per row). */
export function withoutPossessive(text: string): string {
  return text.endsWith('s') && (text[text.length - 2] === "'" || text[text.length - 2] === '’') ? text.slice(0, -2) : text;
}

/** The key mentions are grouped by: the gazetteer's place, else the full name it stands for, else the name key. */
export function keyOf(text: string, place: string | null, fullName: string | null = null): string {
  return place ? `place:${place.toLowerCase()}` : `name:${nameKey(fullName ?? text)}`;
}

/** Each row's key, kept with the row (five replacements, so worked out once per row). */
const rowKeys = new WeakMap<MentionRow, string>();

export function mentionKey(mention: MentionRow): string {
  let key = rowKeys.get(mention);
  if (key === undefined) {
    key = keyOf(mention.text, mention.place, mention.fullName ?? null);
    rowKeys.set(mention, key);
  }
  return key;
}

/** What the rules read of a key, from all its rows. */
export interface KeyFacts {
  /** The smallest text the key is written as (code unit order), without a possessive. */
  display: string;
  evidence: Evidence;
  /** The names of acronyms defined beside it: joined whether or not anything else is written so. */
  acronymKeys: string[];
  /** Keys it joins when they exist: the name without a country prefix, or without a generic head. */
  links: string[];
  /** A name of several words: its initials, which an acronym may stand for. */
  initials: string | null;
  /** A one-word name of 2 to 6 capitals (dots aside): the initials it stands for. */
  acronym: string | null;
  /** A person's name of several words: its last word. */
  surname: string | null;
}

/** Every key's facts, in the order rows first name the keys. */
export function factsOf(rows: readonly MentionRow[]): Map<string, KeyFacts> {
  const facts = new Map<string, KeyFacts>();
  const smallest = new Map<string, string>();
  for (const row of rows) {
    const key = mentionKey(row);
    let fact = facts.get(key);
    if (!fact) facts.set(key, (fact = { display: '', evidence: {}, acronymKeys: [], links: [], initials: null, acronym: null, surname: null }));
    addEvidence(fact.evidence, row);
    // A surname standing for a full name is displayed as the full name it is keyed by.
    const written = row.fullName ?? row.text;
    const text = smallest.get(key);
    if (text === undefined || written < text) smallest.set(key, written);
    if (row.acronym) {
      const acronymKey = `name:${nameKey(row.acronym)}`;
      if (!fact.acronymKeys.includes(acronymKey)) fact.acronymKeys.push(acronymKey);
    }
  }
  for (const [key, fact] of facts) {
    fact.display = withoutPossessive(smallest.get(key)!);
    if (!key.startsWith('name:')) continue;
    const name = key.slice(5);
    // A name key's spaces are single spaces.
    const space = name.indexOf(' ');
    if (space === -1) {
      const letters = fact.display.replace(/\./g, '');
      if (ACRONYM.test(letters)) fact.acronym = letters;
      continue;
    }
    fact.initials = initials(fact.display);
    // "US State Department" / "State Department": a prefix and a rest need three words at least.
    const words = space === name.lastIndexOf(' ') ? [] : name.split(' ');
    for (let cut = 1; cut < words.length - 1; cut += 1) {
      if (lookupPlace(words.slice(0, cut).join(' '))) fact.links.push(`name:${words.slice(cut).join(' ')}`);
    }
    // "Clean Network Initiative" / "Clean Network"; not "News Corp" / "News": a head word alone names nothing.
    const withoutHead = name.replace(GENERIC_HEADS, '');
    if (withoutHead !== name && !isHeadWord(withoutHead)) fact.links.push(`name:${withoutHead}`);
    // "News Corporation" / "News Corp".
    const abbreviated = name.replace(/\s(corporation|company|incorporated|limited)$/, (_, head: string) => ` ${ABBREVIATIONS[head]}`);
    if (abbreviated !== name) fact.links.push(`name:${abbreviated}`);
    if (typeOf(fact.evidence) === 'person' && isPersonName(fact.display)) {
      fact.surname = name.slice(name.lastIndexOf(' ') + 1);
    }
  }
  return facts;
}

/** The corpus's keys outside the rows being grouped (each answer leaves out the rows' own keys). */
export interface Outside {
  exists(key: string): boolean;
  /** Keys whose acronym keys or links name `key`. */
  linking(key: string): string[];
  /** Names of several words with these initials. */
  withInitials(initials: string): string[];
  /** One-word acronyms standing for these initials. */
  withAcronym(acronym: string): string[];
  /** Persons' names of several words with this last word. */
  withSurname(surname: string): string[];
}

export const NOTHING_OUTSIDE: Outside = { exists: () => false, linking: () => [], withInitials: () => [], withAcronym: () => [], withSurname: () => [] };

export interface Clustering {
  facts: Map<string, KeyFacts>;
  /** The rows of each group, groups in the order of their first row, rows in the order they came. */
  components: MentionRow[][];
  /** Outside keys that a rule joins to, or counts for, the rows' keys: grouping is exact only without them. */
  escapes: Set<string>;
}

/**
 * A person's name alone joins the one full name it is the surname of ("Kaplan" / "Jonathan Kaplan"),
 * and only when its own mentions read as a person's: "England" or "Ford" the company never join a
 * person's family. This is for a document that never gives the full name; where it does, the surname
 * is keyed by that full name already (full-names.ts). A name alone that joins no full name makes no
 * entity (entity.ts's isNamedEntity).
 */
function joinNamesAlone(facts: Map<string, KeyFacts>, sets: UnionFind, fullBySurname: Map<string, string[]>, escapeSurname: (name: string) => void): void {
  for (const [key, fact] of facts) {
    const name = key.slice(5);
    if (!key.startsWith('name:') || name.includes(' ')) continue;
    escapeSurname(name);
    if (typeOf(fact.evidence) !== 'person') continue;
    const roots = new Set((fullBySurname.get(name) ?? []).map((full) => sets.find(full)));
    if (roots.size === 1) sets.union(key, [...roots][0]!);
  }
}

/**
 * Two full names with one surname are one person when one first name is the other's initial or
 * shortening ("G Jenkins" / "Gethin Jenkins", "Chris Smith" / "Christopher Smith"), never by a shared
 * initial alone: "Kieran Campbell" and "Kevin Campbell" are two people. (A surname alone is joined to
 * its full name only within its own document: extract-entities' full-names.ts.)
 */
function sameFirstName(a: string, b: string): boolean {
  const first = (key: string) => key.slice(5, key.lastIndexOf(' ')).replace(/\.$/, '');
  const [x, y] = [first(a), first(b)].sort((p, q) => p.length - q.length);
  if (x!.includes(' ') || y!.includes(' ')) return x === y;
  if (NICKNAMES[x!] === y || NICKNAMES[y!] === x) return true;
  return x!.length === 1 ? y!.startsWith(x!) : x!.length >= 3 && y!.startsWith(x!);
}

/** English short forms that are not the start of their name ("Mike" is "Michael"). */
const NICKNAMES: Record<string, string> = {
  mike: 'michael', bill: 'william', will: 'william', bob: 'robert', rob: 'robert', jim: 'james', jimmy: 'james', tony: 'anthony',
  tom: 'thomas', dick: 'richard', rick: 'richard', joe: 'joseph', jack: 'john', jon: 'jonathan', dave: 'david', steve: 'stephen',
  andy: 'andrew', ted: 'edward', ed: 'edward', chuck: 'charles', charlie: 'charles', pete: 'peter', liz: 'elizabeth', kate: 'katherine',
  peggy: 'margaret', sue: 'susan', nick: 'nicholas', alex: 'alexander', sam: 'samuel', ben: 'benjamin', dan: 'daniel', larry: 'lawrence',
};

/** Groups rows by the rules; the rows come in the order of their first mention. */
export function clusterRows(rows: readonly MentionRow[], outside: Outside = NOTHING_OUTSIDE): Clustering {
  const facts = factsOf(rows);
  const sets = new UnionFind();
  const escapes = new Set<string>();
  const escape = (keys: Iterable<string>) => {
    for (const key of keys) escapes.add(key);
  };
  /** A key outside the rows that a rule needs grouped with them. */
  const escapeIfOutside = (other: string) => {
    if (!facts.has(other) && outside.exists(other)) escapes.add(other);
  };
  const join = (key: string, other: string) => {
    if (facts.has(other)) sets.union(key, other);
    else escapeIfOutside(other);
  };
  const longNamesByInitials = new Map<string, string[]>();
  const fullBySurname = new Map<string, string[]>();
  for (const [key, fact] of facts) {
    escape(outside.linking(key));
    // Acronyms defined in brackets join whatever else names them, existing or not.
    for (const acronymKey of fact.acronymKeys) {
      sets.union(key, acronymKey);
      escapeIfOutside(acronymKey);
      escape(outside.linking(acronymKey));
    }
    for (const link of fact.links) join(key, link);
    if (fact.initials !== null) {
      addTo(longNamesByInitials, fact.initials, key);
      escape(outside.withAcronym(fact.initials));
    }
    if (fact.surname !== null) {
      addTo(fullBySurname, fact.surname, key);
      escape(outside.withSurname(fact.surname));
      // The surname alone counts this name's group (below): it must be grouped with it.
      escapeIfOutside(`name:${fact.surname}`);
    }
  }
  // Acronyms matching the initials of exactly one long name.
  for (const [key, fact] of facts) {
    if (fact.acronym === null) continue;
    const inside = longNamesByInitials.get(fact.acronym) ?? [];
    const beyond = outside.withInitials(fact.acronym);
    if (inside.length + beyond.length !== 1) continue;
    if (inside.length === 1) sets.union(key, inside[0]!);
    else escape(beyond);
  }
  // People: full names by surname whose first names are one name written two ways.
  for (const full of fullBySurname.values()) {
    for (const a of full) for (const b of full) if (a < b && sameFirstName(a, b)) sets.union(a, b);
  }
  joinNamesAlone(facts, sets, fullBySurname, (name) => escape(outside.withSurname(name)));
  const components = new Map<string, MentionRow[]>();
  for (const row of rows) addTo(components, sets.find(mentionKey(row)), row);
  return { facts, components: [...components.values()], escapes };
}
