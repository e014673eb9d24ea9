/**
 * Joins mentions into canonical entities across the corpus: the same place by the gazetteer, the same
 * name up to possessives, dots and a leading "the", an acronym with the name it stands for in a document
 * (defined in brackets, or its initials: extract-entities' one-sense.ts), a country-prefixed name with the name alone ("US State Department" /
 * "State Department"), a programme with its generic head ("Clean Network Initiative" / "Clean Network"),
 * a person's full name with its short form ("Chris Smith" / "Christopher Smith"), and a titled
 * surname with the full name holding that title ("Secretary of State Pompeo").
 *
 * The rules join keys (a mention's place, else its name key), and each reads only the keys it joins
 * and those sharing one of its lookups: a surname, a linked key. So `clusterRows` can group
 * the rows of some keys alone, given a view of the keys outside them (`Outside`): it names the outside
 * keys a rule would join or count (its escapes), and the caller widens the keys until there are none
 * (see index.ts). With nothing outside, it groups the whole corpus.
 */
import { ENTITY_TYPES, HONORIFICS, isAnyHead, STRONG_VOTE, strongTypesOf, type EntityType } from '../extract-entities/vocabulary.ts';
import { lookupPlace } from '../extract-entities/gazetteer.ts';
import { isPersonName } from '../extract-entities/full-names.ts';
import { hasManySenses } from '../extract-entities/one-sense.ts';
import { INITIALS, withoutPossessive } from '../extract-entities/tokens.ts';
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
const ABBREVIATIONS: Record<string, string> = { corporation: 'corp', company: 'co', incorporated: 'inc', limited: 'ltd' };

/** A one-word rest that is itself a name's head ("News" of "News Corp") or a generic word. */
const isHeadWord = (name: string) => !name.includes(' ') && isAnyHead(name);

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

/**
 * The key mentions are grouped by: the gazetteer's place, else the full name it stands for, else for
 * a surname alone with a title ("Coach Hansen") the two together, else for a one-word name of many
 * senses that its own document does not type (or types two ways), a key of its own (`untyped:`) that no
 * rule joins, and for one it types, the name key with that type (`name:liverpool#organization`), else
 * the name key. Such a word names many things (a city, its club, a brand: "Doncaster", "Malibu rum";
 * initials: "IDS"), and a document keeps to one of them: it joins the entity of that name only where its
 * own document says what it is (extract-entities' one-sense.ts shares that within the document).
 */
export function keyOf(text: string, place: string | null, fullName: string | null = null, role: string | null = null, evidence: Evidence = {}): string {
  if (place) return `place:${place.toLowerCase()}`;
  if (fullName) return `name:${nameKey(fullName)}`;
  const oneWord = !/\s/.test(text.trim());
  if (role && !HONORIFICS.has(role.toLowerCase()) && oneWord) return `titled:${nameKey(text)}:${role.toLowerCase()}`;
  if (oneWord && !role && hasManySenses(text)) {
    const types = strongTypesOf(evidence);
    if (types.length !== 1) return `untyped:${nameKey(text)}`;
    // "Liverpool" the city and "Liverpool" the club: a word of many senses is one entity per type.
    // Not initials, which their expansions' keys name (acronymKeys).
    if (!INITIALS.test(withoutPossessive(text).replace(/\./g, ''))) return `name:${nameKey(text)}#${types[0]}`;
  }
  return `name:${nameKey(text)}`;
}

/**
 * Each row's key, kept with the row (five replacements, so worked out once per row). Rows are made by
 * each resolution and never changed, so an entry goes with its row and nothing outlives the run.
 */
const rowKeys = new WeakMap<MentionRow, string>();

export function mentionKey(mention: MentionRow): string {
  let key = rowKeys.get(mention);
  if (key === undefined) {
    key = keyOf(mention.text, mention.place, mention.fullName ?? null, mention.role, mention.evidence);
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
  /** For each link that drops a place before the name ("US State Department" / "State Department"), that place. */
  prefixes: Map<string, string>;
  /** A person's name of several words: its last word. */
  surname: string | null;
  /** The titles its mentions are given, lower-cased, honorifics aside ("secretary of state", not "mr"). */
  titles: string[];
}

/** Every key's facts, in the order rows first name the keys. */
export function factsOf(rows: readonly MentionRow[]): Map<string, KeyFacts> {
  const facts = new Map<string, KeyFacts>();
  const smallest = new Map<string, string>();
  for (const row of rows) {
    const key = mentionKey(row);
    let fact = facts.get(key);
    if (!fact) facts.set(key, (fact = { display: '', evidence: {}, acronymKeys: [], links: [], prefixes: new Map(), surname: null, titles: [] }));
    const title = row.role?.toLowerCase();
    if (title && !HONORIFICS.has(title) && !fact.titles.includes(title)) fact.titles.push(title);
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
    // A titled surname is found by its surname (joinTitledSurnames).
    if (key.startsWith('titled:')) fact.surname = nameKey(fact.display);
    if (!key.startsWith('name:')) continue;
    const name = key.slice(5);
    // A name key's spaces are single spaces.
    const space = name.indexOf(' ');
    if (space === -1) continue;
    // "US State Department" / "State Department": a prefix and a rest need three words at least.
    const words = space === name.lastIndexOf(' ') ? [] : name.split(' ');
    for (let cut = 1; cut < words.length - 1; cut += 1) {
      const place = lookupPlace(words.slice(0, cut).join(' '));
      if (!place) continue;
      const link = `name:${words.slice(cut).join(' ')}`;
      fact.links.push(link);
      fact.prefixes.set(link, place.name);
    }
    // "Clean Network Initiative" / "Clean Network"; not "News Corp" / "News": a head word alone names nothing.
    const withoutHead = name.replace(GENERIC_HEADS, '');
    // "Apple Inc" / "Apple": a one-word rest is keyed as keyOf keys it, with this name's type.
    if (withoutHead !== name && !isHeadWord(withoutHead)) fact.links.push(withoutHead.includes(' ') ? `name:${withoutHead}` : keyOf(withoutHead, null, null, null, typeOf(fact.evidence) === 'other' ? {} : { [typeOf(fact.evidence)]: STRONG_VOTE }));
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
  /** Persons' names of several words with this last word. */
  withSurname(surname: string): string[];
}

export const NOTHING_OUTSIDE: Outside = { exists: () => false, linking: () => [], withSurname: () => [] };

export interface Clustering {
  facts: Map<string, KeyFacts>;
  /** The rows of each group, groups in the order of their first row, rows in the order they came. */
  components: MentionRow[][];
  /** Outside keys that a rule joins to, or counts for, the rows' keys: grouping is exact only without them. */
  escapes: Set<string>;
  /** Keys that names of two places or more drop their place to reach ("Central Bank" of "Turkish Central Bank" and "European Central Bank"): alone they name no one thing. */
  generic: Set<string>;
}

/** One title written with or without whose it is: "us secretary of state" and "secretary of state". */
const sameTitle = (a: string, b: string) => a === b || a.endsWith(` ${b}`) || b.endsWith(` ${a}`);

/**
 * A surname alone, given a title ("Secretary of State Pompeo"), joins the one full name with that
 * surname that holds the same title elsewhere ("Secretary of State Michael Pompeo"): a surname and an
 * office together name one person, where a surname alone across articles may be anyone of that name.
 */
function joinTitledSurnames(facts: Map<string, KeyFacts>, sets: UnionFind, fullBySurname: Map<string, string[]>): void {
  for (const [key, fact] of facts) {
    if (!key.startsWith('titled:')) continue;
    const holders = (fullBySurname.get(fact.surname!) ?? []).filter((full) => facts.get(full)!.titles.some((title) => fact.titles.some((own) => sameTitle(own, title))));
    const roots = new Set(holders.map((full) => sets.find(full)));
    if (roots.size === 1) sets.union(key, [...roots][0]!);
  }
}

/**
 * Is `short`'s first name a shortening or a nickname of `full`'s ("Chris Smith" / "Christopher Smith",
 * "Mike Pompeo" / "Michael Pompeo")? An initial is not enough across articles: "S Murray" of one team
 * sheet is not the one Scott Murray of another article (an initial joins its full name only within its
 * document: extract-entities' full-names.ts), and "Kieran Campbell" and "Kevin Campbell" are two people.
 */
function shortensFirstName(short: string, full: string): boolean {
  const first = (key: string) => key.slice(5, key.lastIndexOf(' ')).replace(/\.$/, '');
  const [x, y] = [first(short), first(full)];
  if (x === y || x.includes(' ') || y.includes(' ') || x.length >= y.length) return false;
  if (NICKNAMES[x] === y) return true;
  return x.length >= 3 && y.startsWith(x);
}

/**
 * Full names with one surname: a short form joins the one longer name it shortens, and none when it
 * could be several ("R Williams" beside Robbie, Rowan and Roy Williams). A surname alone is joined to
 * its full name only within its own document (extract-entities' full-names.ts): across articles it
 * may be anyone of that name.
 */
function joinShortForms(fullBySurname: Map<string, string[]>, sets: UnionFind): void {
  for (const names of fullBySurname.values()) {
    for (const short of names) {
      const longer = names.filter((full) => shortensFirstName(short, full));
      if (longer.length === 1) sets.union(short, longer[0]!);
    }
  }
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
  const fullBySurname = new Map<string, string[]>();
  const definers = new Map<string, string[]>();
  for (const [key, fact] of facts) for (const acronymKey of fact.acronymKeys) addTo(definers, acronymKey, key);
  // "Turkish Central Bank" and "European Central Bank" both drop a place before "Central Bank": a name
  // that places before it say is of two places joins neither.
  const placesBefore = new Map<string, Set<string>>();
  for (const fact of facts.values()) for (const [link, place] of fact.prefixes) placesBefore.set(link, (placesBefore.get(link) ?? new Set()).add(place));
  for (const [key, fact] of facts) {
    escape(outside.linking(key));
    // Acronyms defined in brackets join whatever else names them, existing or not; one that two names
    // define ("CPS": Crown Prosecution Service, Carrier Pre-Section) joins neither.
    for (const acronymKey of fact.acronymKeys) {
      if (definers.get(acronymKey)!.length === 1) sets.union(key, acronymKey);
      escapeIfOutside(acronymKey);
      escape(outside.linking(acronymKey));
    }
    for (const link of fact.links) {
      // Every name linking to it is grouped with it, to count the places before it (placesBefore).
      escape(outside.linking(link));
      if (!fact.prefixes.has(link) || placesBefore.get(link)!.size === 1) join(key, link);
      // Not joined, but grouped with it: its entity may be made no more (generic).
      else escapeIfOutside(link);
    }
    if (fact.surname !== null) {
      // Full names, and titled surnames that may join them (joinTitledSurnames), are grouped with every key of their surname.
      if (key.startsWith('name:')) addTo(fullBySurname, fact.surname, key);
      escape(outside.withSurname(fact.surname));
    }
  }
  joinShortForms(fullBySurname, sets);
  joinTitledSurnames(facts, sets, fullBySurname);
  const components = new Map<string, MentionRow[]>();
  for (const row of rows) addTo(components, sets.find(mentionKey(row)), row);
  const generic = new Set([...placesBefore].filter(([key, places]) => places.size > 1 && facts.has(key)).map(([key]) => key));
  return { facts, components: [...components.values()], escapes, generic };
}
