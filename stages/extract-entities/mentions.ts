/**
 * Entity mentions in one sentence, from its tokens: runs of capitalised words (with "of", "for", "and"
 * inside long names), split at commas, possessives and titles; typed by a country gazetteer, the head
 * word, compromise's tags and the words around them. Mentions are per document; resolve-entities joins
 * them into corpus-wide entities.
 */
import type { Token } from '../parse/index.ts';
import { lexiconTags } from '../parse/lexicon.ts';
import { isPersonName } from './full-names.ts';
import { sensesOf } from '../reconcile/wordnet.ts';
import { lookupPlace } from './gazetteer.ts';
import {
  COMMON_ACRONYMS, EVENT_HEADS, HUMAN_VERBS, SPEECH_VERBS, INITIATIVE_HEADS, LAW_HEADS, NAME_CONNECTORS, NOT_NAMES, ORGANIZATION_HEADS, ORGANIZATION_NOUNS,
  HONORIFICS, HONOURS, PLACE_HEADS, PLACE_NOUNS, ROLE_HEADS, ROLE_MODIFIERS, TITLE_ENDS, type EntityType,
} from './vocabulary.ts';

/** A name found in the text, with what the sentence says about its type. */
export interface EntityMention {
  /** Ordinal of the sentence it is in. */
  sentence: number;
  start: number;
  end: number;
  /** Exactly the stored text of [start, end). */
  text: string;
  /** Votes for each type from the evidence in this sentence. */
  evidence: Partial<Record<EntityType, number>>;
  /** The gazetteer's canonical name, for places (also when named by a demonym). */
  place?: string;
  /** A title or role given with the name: "Secretary of State", "CEO of Telekom Albania". */
  role?: string;
  /** The acronym defined right after the name: "Chinese Communist Party (CCP)". */
  acronym?: string;
  /** The one full name in the same document that this surname or first name alone stands for (full-names.ts). */
  fullName?: string;
}

const PROPER_TAGS = ['ProperNoun', 'Person', 'FirstName', 'LastName', 'Place', 'Country', 'City', 'Organization', 'Acronym', 'Region'];
const NOT_PROPER_TAGS = ['Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'Adverb', 'Verb', 'Adjective', 'QuestionWord', 'Value', 'Expression', 'Plural', 'Copula', 'Modal', 'Auxiliary', 'Negative', 'Gerund'];
/** Punctuation after a token that ends a name. */
const BREAK_AFTER = /[,;:()[\]“”"!?…\n]|[.](?!\S)|—|–|\s-{1,2}(?:\s|$)|^-{1,2}\s/;
const OPENING = /[“"‘([]/;
const POSSESSIVE = /[’']s$/;
const ROMAN = /^[IVXLC]+\.?$/;
const FORMER = new Set(['former', 'ex', 'late']);
/** "I'm", "We're", "They've": a pronoun with a verb, never a name. */
const PRONOUN_CONTRACTION = /^(?:i|we|you|they|he|she|it|there|that|let)[’'](?:m|re|ve|ll|d|s)$/;

const lower = (token: Token) => token.text.toLowerCase().replace(/\.$/, '');
const isCapitalised = (token: Token) => /^\p{Lu}/u.test(token.text) && !/[\d$€£¥]/.test(token.text);
const hasTag = (token: Token, tags: readonly string[]) => tags.some((tag) => token.tags.has(tag));
const isAcronym = (token: Token) => /^(?:\p{Lu}\.){2,}$|^\p{Lu}{2,6}$|^\p{Lu}[\p{Lu}&]{1,5}$/u.test(token.text.replace(POSSESSIVE, ''));

const NAME_LIKE_TAG = /Noun|Singular|Plural|Uncountable|Person|Name|Place|Country|City|Organization|Demonym|Actor/;

/** A word of the English dictionary (WordNet) that compromise's lexicon does not know as a name: "Consumer", "Integration". */
function isDictionaryWord(token: Token | undefined): boolean {
  if (!token) return false;
  const word = lower(token);
  return sensesOf(word).length > 0 && !lexiconTags(word).some((tag) => /Person|Name|Place|Country|City|Organization|Company/.test(tag));
}

/** True for a word compromise's lexicon knows as a function word, verb, adverb or adjective ("This", "However", "Enough"). */
function isCommonWord(token: Token): boolean {
  const tags = lexiconTags(lower(token));
  return tags.length > 0 && !tags.some((tag) => NAME_LIKE_TAG.test(tag));
}

/**
 * A capitalised word at the start of a sentence or a quote is only a name if nothing says it is a common
 * word; a content word ("Clean") may still open a longer name ("Clean Network").
 */
function startsLikeName(token: Token, next: Token | undefined): boolean {
  if (lookupPlace(token.text.replace(POSSESSIVE, ''))) return true;
  if (isCommonWord(token)) {
    const functionWord = hasTag(token, ['Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'Adverb', 'QuestionWord', 'Copula', 'Modal', 'Auxiliary']);
    return !functionWord && next !== undefined && isCapitalised(next) && !BREAK_AFTER.test(token.post);
  }
  if (hasTag(token, PROPER_TAGS)) return true;
  return !hasTag(token, NOT_PROPER_TAGS);
}

function isNameWord(tokens: Token[], i: number): boolean {
  const token = tokens[i]!;
  // "PCs", "TVs": the plural of a common acronym is no name either.
  const acronymOf = lower(token).replace(/(?<=^[a-z]{2,5})s$/, '');
  if (!isCapitalised(token) || (isAcronym(token) && COMMON_ACRONYMS.has(lower(token))) || (/^\p{Lu}{2,5}s$/u.test(token.text) && COMMON_ACRONYMS.has(acronymOf)) || PRONOUN_CONTRACTION.test(lower(token))) return false;
  // "Under Secretary": a function word that opens a title is part of the name run.
  if (NOT_NAMES.has(lower(token))) return ROLE_MODIFIERS.has(lower(token)) && tokens[i + 1] !== undefined && ROLE_HEADS.has(lower(tokens[i + 1]!));
  const atStart = i === 0 || OPENING.test(token.pre) || /[.!?:]["”’]?\s*$/.test(tokens[i - 1]!.post);
  if (atStart) return startsLikeName(token, tokens[i + 1]);
  // A capitalised verb or function word inside a sentence is a typo or emphasis, not a name.
  return !(isCommonWord(token) && !isAcronym(token) && hasTag(token, ['Verb', 'Determiner', 'Conjunction', 'Preposition', 'Pronoun', 'Adverb']));
}

interface Run {
  from: number;
  /** One past the last token. */
  to: number;
}

/** Maximal runs of name words, with connectors inside long names. */
function nameRuns(tokens: Token[]): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isNameWord(tokens, i) || ROMAN.test(tokens[i]!.text)) {
      i += 1;
      continue;
    }
    const from = i;
    let to = i + 1;
    let connectors = 0;
    // "People's Republic of China": a place's own name may hold a possessive.
    const placeEnd = possessivePlaceEnd(tokens, from);
    while (to < tokens.length) {
      const last = tokens[to - 1]!;
      if (to < placeEnd) {
        to += 1;
        continue;
      }
      if (BREAK_AFTER.test(last.post) || POSSESSIVE.test(last.text) || OPENING.test(tokens[to]!.pre)) break;
      // "EADS Philippe Camus": an acronym and then a first name are an organisation and its person.
      if (to - from === 1 && isAcronym(last) && tokens[to]!.tags.has('FirstName')) break;
      if (isNameWord(tokens, to) || (ROMAN.test(tokens[to]!.text) && to > from)) {
        to += 1;
        continue;
      }
      // "of the" may join too: "Office of the United States Trade Representative".
      const connector = lower(tokens[to]!);
      const width = ['of', 'for'].includes(connector) && lower(tokens[to + 1] ?? tokens[to]!) === 'the' ? 2 : 1;
      const nextWord = to + width;
      const after = nextWord < tokens.length && isNameWord(tokens, nextWord) && !BREAK_AFTER.test(tokens[nextWord - 1]!.post);
      // "Belt and Road Initiative", "Australian Competition and Consumer Commission": a headed name after
      // "and" continues one name when one word stands before "and" or the name goes on in common words;
      // "Apple Computer and Cisco Systems" are two names, and so are "United Bank of Africa and Standard Trust Bank".
      const continues = to - from === 1 || isDictionaryWord(tokens[nextWord]);
      const joinsAnd =
        connector !== 'and' || (connectors > 0 ? !headedNameFollows(tokens, nextWord) : continues && !namedAlready(tokens, from, to) && headedNameFollows(tokens, nextWord));
      // "Gordon Redgate of Sugar Foods", "Clint Eastwood for Million Dollar Baby": a person's name ends before "of" or "for".
      // "Oscar for Hilary Swank": nor does a name run on into a person's name after "of" or "for".
      const afterPerson =
        ['of', 'for'].includes(connector) && ((connectors === 0 && to - from >= 2 && to - from <= 3 && tokens[from]!.tags.has('FirstName')) || (width === 1 && tokens[nextWord]?.tags.has('FirstName') === true));
      const allowed = NAME_CONNECTORS.has(connector) && after && joinsAnd && !afterPerson && (connector !== 'to' || runHasRole(tokens, from, to));
      if (!allowed) break;
      connectors += 1;
      to = nextWord + 1;
    }
    // "William Haughey OBE": an honour after a name is not part of it.
    if (to - from > 2 && HONOURS.has(lower(tokens[to - 1]!))) to -= 1;
    // "Former England footballer", "Former Downing Street chief": "former" qualifies what follows, unless a title does (splitRole).
    let start = from;
    if (to - from > 1 && FORMER.has(lower(tokens[from]!)) && !runHasRole(tokens, from, to)) start += 1;
    // A lone capitalised common word inside a sentence ("promised to only Use trusted vendors") is not a name.
    const lone = to - from === 1 && from > 0 && !OPENING.test(tokens[from]!.pre) && isCommonWord(tokens[from]!) && !isAcronym(tokens[from]!);
    if (!lone) runs.push({ from: start, to });
    i = to;
  }
  return runs;
}

/** One past the end of the longest gazetteer name from `from` that holds a possessive ("People's Republic of China"), else 0. */
function possessivePlaceEnd(tokens: Token[], from: number): number {
  for (let to = Math.min(tokens.length, from + 6); to > from + 1; to -= 1) {
    const words = tokens.slice(from, to);
    if (!words.slice(0, -1).some((word) => POSSESSIVE.test(word.text)) || words.slice(0, -1).some((word) => BREAK_AFTER.test(word.post))) continue;
    if (lookupPlace(words.map((word) => word.text).join(' '))?.via === 'name') return to;
  }
  return 0;
}

/** "Belt and Road Initiative": after "and", two or more name words ending in a head word continue one name. */
function headedNameFollows(tokens: Token[], from: number): boolean {
  let to = from;
  while (to < tokens.length && isNameWord(tokens, to) && (to === from || !BREAK_AFTER.test(tokens[to - 1]!.post))) to += 1;
  if (to - from < 2) return false;
  const head = lower(tokens[to - 1]!);
  return ORGANIZATION_HEADS.has(head) || INITIATIVE_HEADS.has(head) || LAW_HEADS.has(head) || EVENT_HEADS.has(head);
}

/** "Hitachi and Mitsubishi Electric" are two names: what stands before "and" is already known as a name. */
function namedAlready(tokens: Token[], from: number, to: number): boolean {
  const words = tokens.slice(from, to);
  // A demonym opening a longer name ("Australian Competition") does not make it a known name.
  const known = words.length === 1 ? words : words.slice(-1);
  return lookupPlace(words.map((word) => word.text).join(' ')) !== undefined || known.some((word) => hasTag(word, ['Organization', 'Person', 'Country', 'City']));
}

function runHasRole(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k += 1) if (ROLE_HEADS.has(lower(tokens[k]!))) return true;
  return false;
}

/** Mentions of one sentence. */
export function findMentions(text: string, sentence: number, tokens: Token[]): EntityMention[] {
  const mentions: EntityMention[] = [];
  const make = (from: number, to: number, extra: Partial<EntityMention> = {}): EntityMention | undefined => {
    if (to <= from) return undefined;
    const start = tokens[from]!.start;
    let end = tokens[to - 1]!.end;
    const lastText = tokens[to - 1]!.text;
    if (POSSESSIVE.test(lastText)) end -= 2;
    if (end <= start) return undefined;
    const mention: EntityMention = { sentence, start, end, text: text.slice(start, end), evidence: {}, ...extra };
    mentions.push(mention);
    return mention;
  };

  for (const run of withoutHeadings(text, tokens, nameRuns(tokens))) {
    const role = splitRole(tokens, run);
    if (role) {
      if (role.prefix) {
        const prefix = make(role.prefix.from, role.prefix.to);
        if (prefix) {
          typeFromName(prefix, tokens.slice(role.prefix.from, role.prefix.to));
          // "Telekom Albania CEO …": what a title belongs to is an organisation unless it is a place.
          if (!prefix.place) vote(prefix, 'organization', 3);
        }
      }
      if (role.name.to > role.name.from) {
        // "Managing Director of Google Australia and New Zealand": a place after a title is what the title is of, not its holder.
        const words = tokens.slice(role.name.from, role.name.to);
        const place = lookupPlace(words.map((word) => word.text).join(' '));
        const holder = make(role.name.from, role.name.to, place ? {} : { role: role.title });
        if (holder && place) typeFromName(holder, words);
        else if (holder) vote(holder, 'person', 4);
      }
      continue;
    }
    if (tokens.slice(run.from, run.to).every((token) => ROLE_HEADS.has(lower(token)) || ROLE_MODIFIERS.has(lower(token)))) continue;
    // "Secretary of State for the Home Department", "Minister for Immigration": an office, named by no one's name.
    if (ROLE_HEADS.has(lower(tokens[run.from]!)) && tokens.slice(run.from + 1, run.to).some((token) => ['of', 'for'].includes(lower(token)))) continue;
    if (isTitleEnd(tokens[run.to - 1]!)) {
      titleOwner(tokens, run, make);
      continue;
    }
    const mention = make(run.from, run.to);
    if (!mention) continue;
    typeFromName(mention, tokens.slice(run.from, run.to));
    typeFromContext(mention, tokens, run);
    const next = tokens[run.to];
    if (next && next.pre.includes('(') && next.post.trim().startsWith(')') && isAcronym(next) && abbreviates(next.text, tokens.slice(run.from, run.to))) mention.acronym = next.text;
  }
  addDemonymPlaces(text, sentence, tokens, mentions);
  shareListEvidence(text, mentions, tokens);
  return mentions.sort((a, b) => a.start - b.start);
}

const isTitleEnd = (token: Token) => {
  const word = lower(token);
  return TITLE_ENDS.has(word) || (word.endsWith('s') && TITLE_ENDS.has(word.slice(0, -1)));
};

/** Does the sentence stand alone on its line (a heading, a menu item, a caption)? */
function isWholeLine(text: string, tokens: Token[]): boolean {
  // Only the spaces and closing marks around the sentence are read, never the rest of a long line.
  let before = tokens[0]!.start - 1;
  while (before >= 0 && text[before] !== '\n' && /\s/.test(text[before]!)) before -= 1;
  if (before >= 0 && text[before] !== '\n') return false;
  let after = tokens.at(-1)!.end;
  while (after < text.length && text[after] !== '\n' && /[\s.:!?]/.test(text[after]!)) after += 1;
  return after === text.length || text[after] === '\n';
}

/**
 * A line that is one run of capitalised words ("Latest Remarks on Huawei", "Bills", "Second Reading")
 * is a heading or a menu label, not a name, unless it reads as one: a place, a person's name, an
 * acronym, a name with an organisation's or a programme's head. The names after its connectors stay
 * ("Huawei").
 */
function withoutHeadings(text: string, tokens: Token[], runs: Run[]): Run[] {
  const only = runs[0];
  if (runs.length !== 1 || only!.from !== 0 || only!.to !== tokens.length || !isWholeLine(text, tokens)) return runs;
  const words = tokens.slice(only!.from, only!.to);
  const head = lower(words.at(-1)!);
  const readsAsName =
    lookupPlace(words.map((word) => word.text).join(' ')) !== undefined ||
    (words.length <= 4 && words[0]!.tags.has('FirstName')) ||
    (words.length === 1 && isAcronym(words[0]!)) ||
    [ORGANIZATION_HEADS, INITIATIVE_HEADS, LAW_HEADS, EVENT_HEADS].some((heads) => heads.has(head));
  if (readsAsName) return runs;
  const pieces: Run[] = [];
  for (let k = only!.from + 1; k < only!.to; k += 1) {
    if (!NAME_CONNECTORS.has(lower(tokens[k]!))) continue;
    const next = pieces.at(-1);
    if (next) next.to = k;
    if (k + 1 < only!.to) pieces.push({ from: k + 1, to: only!.to });
  }
  return pieces.filter((piece) => piece.to > piece.from && !NAME_CONNECTORS.has(lower(tokens[piece.from]!)));
}

/**
 * A title with no name after it ("Communications Minister", "US President", "Telekom Albania CEO"): not
 * a name; what stands before the title is a mention only when it names a place or an organisation by itself.
 */
function titleOwner(tokens: Token[], run: Run, make: (from: number, to: number) => EntityMention | undefined): void {
  let roleStart = run.to - 1;
  while (roleStart > run.from && ROLE_MODIFIERS.has(lower(tokens[roleStart - 1]!))) roleStart -= 1;
  if (roleStart === run.from) return;
  const words = tokens.slice(run.from, roleStart);
  const name = words.map((word) => word.text).join(' ');
  const head = lower(words.at(-1)!);
  const known = lookupPlace(name) !== undefined || (words.length > 1 && ORGANIZATION_HEADS.has(head)) || (words.length === 1 && isAcronym(words[0]!)) || words.some((word) => word.tags.has('Organization'));
  if (!known) return;
  const owner = make(run.from, roleStart);
  if (owner) typeFromName(owner, words);
}

/**
 * Does the bracketed acronym stand for the name? Each of its letters is the initial of one of the name's
 * words ("Office of the United States Trade Representative (USTR)", "European Union Agency for Network
 * and Information Security (ENISA)"): "Andy Roddick (US)" gives a country instead.
 */
function abbreviates(acronym: string, words: Token[]): boolean {
  const initials = words.flatMap((word) => word.text.split('-')).filter(Boolean).map((word) => word[0]!.toUpperCase());
  for (const letter of acronym.replace(/[^\p{Lu}]/gu, '')) {
    const at = initials.indexOf(letter);
    if (at === -1) return false;
    initials.splice(at, 1);
  }
  return true;
}

function vote(mention: EntityMention, type: EntityType, weight: number): void {
  mention.evidence[type] = (mention.evidence[type] ?? 0) + weight;
}

/** Evidence from the name itself: gazetteer, head word, acronym, compromise's tags. */
function typeFromName(mention: EntityMention, words: Token[]): void {
  const name = mention.text;
  const place = lookupPlace(name);
  if (place) {
    mention.place = place.name;
    vote(mention, 'place', 6);
    return;
  }
  // "West Africa", "Northern Iraq": a compass word before a place names a part of it.
  if (words.length > 1 && COMPASS.has(lower(words[0]!)) && lookupPlace(words.slice(1).map((word) => word.text).join(' '))) vote(mention, 'place', 4);
  // "Department of Commerce", "Code of Conduct for …": in a name joined by "of" or "for" the head comes before it.
  const connector = words.findIndex((word, index) => index > 0 && ['of', 'for'].includes(lower(word)));
  const heads = [...new Set([words.at(-1)!, words[connector - 1]].filter((word) => word !== undefined).map((word) => lower(word).replace(POSSESSIVE, '')))];
  // A head word alone ("the Government", "the Union", "News", "Bill") is a common noun capitalised, not a name.
  for (const head of words.length > 1 ? heads : []) {
    if (PLACE_HEADS.has(head)) vote(mention, 'place', 4);
    if (ORGANIZATION_HEADS.has(head)) vote(mention, 'organization', 4);
    if (INITIATIVE_HEADS.has(head)) vote(mention, 'initiative', 4);
    if (LAW_HEADS.has(head)) vote(mention, 'law', 4);
  }
  // "World War II": a numeral after an event's head word; after other names it numbers a product or a
  // law ("MDA III", "Hartz IV"), and a last "I" is mostly the pronoun ("Anytime I").
  const numeral = words.length > 1 && ROMAN.test(words.at(-1)!.text) && EVENT_HEADS.has(lower(words.at(-2)!));
  if ((words.length > 1 && EVENT_HEADS.has(heads[0]!)) || numeral) vote(mention, 'event', 4);
  if (words.length === 1 && isAcronym(words[0]!)) vote(mention, 'organization', 1);
  // "Hans Christian Andersen Award" is headed as a prize: a first name opens a person's name only when no head word ends it.
  const headed = Object.keys(mention.evidence).length > 0;
  if (words.length >= 2 && words[0]!.tags.has('FirstName') && !headed) vote(mention, 'person', 3);
  if (words.some((word) => word.tags.has('Person') || word.tags.has('LastName'))) vote(mention, 'person', 1);
  if (words.some((word) => word.tags.has('Organization'))) vote(mention, 'organization', 1);
  // "Microsoft", "Beijing": a name the lexicon lists as a company or a place.
  const known = lexiconTags(name.toLowerCase());
  if (known.some((tag) => KNOWN_ORGANIZATION.has(tag))) vote(mention, 'organization', 3);
  else if (known.some((tag) => KNOWN_PLACE.has(tag))) vote(mention, 'place', 3);
  if (words.some((word) => word.tags.has('Country') || word.tags.has('City') || word.tags.has('Place'))) vote(mention, 'place', 1);
}

/** Words between a kind and the names it lists: "companies such as", "carriers including", "apps like". */
const COMPASS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'north-east', 'north-west', 'south-east', 'south-west']);
const LIST_OPENERS = new Set(['such', 'as', 'including', 'like', 'namely']);

/** compromise's lexicon tags that say what a whole name is: knowledge of the name, not a guess from its shape. */
const KNOWN_ORGANIZATION = new Set(['Organization', 'Company', 'SportsTeam', 'School']);
const KNOWN_PLACE = new Set(['City', 'Country', 'Region', 'Place']);

/** Evidence from the words around the name. */
function typeFromContext(mention: EntityMention, tokens: Token[], run: Run): void {
  // Appositive: "Huawei, a Chinese telecommunication technology company, …" (not "X, would remove …").
  if (tokens[run.to - 1]!.post.includes(',') && ['a', 'an', 'the'].includes(lower(tokens[run.to] ?? tokens[run.from]!))) {
    for (let k = run.to; k < Math.min(tokens.length, run.to + 7); k += 1) {
      const word = lower(tokens[k]!);
      if (ORGANIZATION_NOUNS.has(word)) vote(mention, 'organization', 3);
      if (tokens[k]!.post.includes(',') || tokens[k]!.post.includes('.')) break;
    }
  }
  // "executive chair Bill Ford", "spokesman John Smith": a title in lower case right before a person's name.
  const before = tokens[run.from - 1];
  if (before && ROLE_HEADS.has(lower(before)) && !/\p{Lu}/u.test(before.text) && !BREAK_AFTER.test(before.post) && isPersonName(mention.text) && !mention.role) {
    vote(mention, 'person', 3);
    let from = run.from - 1;
    while (from > 0 && ROLE_MODIFIERS.has(lower(tokens[from - 1]!)) && !/\p{Lu}/u.test(tokens[from - 1]!.text)) from -= 1;
    mention.role = tokens.slice(from, run.from).map((token) => token.text).join(' ');
  }
  // "X, the company", "the company X" are covered by lists below; a human verb after the name hints at a person.
  const next = tokens[run.to];
  const afterNext = tokens[run.to + 1];
  const verb = next && ['also', 'then', 'later'].includes(lower(next)) ? afterNext : next;
  if (verb && !tokens[run.to - 1]!.post.includes(',')) {
    if (HUMAN_VERBS.has(lower(verb))) vote(mention, 'person', 2);
    else if (SPEECH_VERBS.has(lower(verb))) vote(mention, 'person', 1);
  }
  // "companies such as X", "countries including X", "apps like X", "the company X": look back a few
  // words. A noun that names the kind of X outright ("parent company ByteDance", "firms such as X")
  // types it; one further back only hints.
  // The kind is a common noun in the same phrase: not a word of another name ("the Clean Network,” Pompeo said").
  let outright = true;
  for (let k = run.from - 1; k >= Math.max(0, run.from - 4); k -= 1) {
    // "firms, including X" keeps its comma before the list.
    if (/[;:.”"]/.test(tokens[k]!.post) || (tokens[k]!.post.includes(',') && !LIST_OPENERS.has(lower(tokens[k + 1]!)))) break;
    const word = lower(tokens[k]!);
    // A capital opening the sentence ("Apps like TikTok") is no name's.
    if (isCapitalised(tokens[k]!) && k > 0 && !OPENING.test(tokens[k]!.pre)) {
      outright = false;
      continue;
    }
    if (ORGANIZATION_NOUNS.has(word)) {
      vote(mention, 'organization', outright ? 3 : 2);
      break;
    }
    if (PLACE_NOUNS.has(word)) {
      vote(mention, 'place', outright ? 3 : 2);
      break;
    }
    outright &&= LIST_OPENERS.has(word);
  }
}

/** "a Brazilian company", "Chinese carriers": a demonym outside any name is a mention of its place. */
function addDemonymPlaces(text: string, sentence: number, tokens: Token[], mentions: EntityMention[]): void {
  for (const token of tokens) {
    if (!isCapitalised(token) || mentions.some((m) => token.start < m.end && token.end > m.start)) continue;
    const place = lookupPlace(token.text);
    if (!place || place.via !== 'demonym') continue;
    mentions.push({ sentence, start: token.start, end: token.end, text: text.slice(token.start, token.end), evidence: { place: 6 }, place: place.name });
  }
}

/**
 * Names listed together ("Oracle, HP, Reliance Jio, NEC and VMware"; "Huawei and ZTE") are of one kind:
 * the kind its members are typed as outright (votes of 3 or more) types the members that say little
 * about themselves. Hints do not add up across a list: a team sheet of forty names followed by "said"
 * is not a person.
 */
function shareListEvidence(text: string, mentions: EntityMention[], tokens: Token[]): void {
  const ordered = [...mentions].sort((a, b) => a.start - b.start);
  const between = (a: EntityMention, b: EntityMention) =>
    tokens
      .filter((token) => token.start >= a.end && token.end <= b.start)
      .map((token) => lower(token))
      .join(' ');
  let group: EntityMention[] = [];
  const flush = () => {
    if (group.length > 1) {
      const total: Partial<Record<EntityType, number>> = {};
      for (const member of group) for (const [type, weight] of Object.entries(member.evidence)) if (weight >= 3) total[type as EntityType] = (total[type as EntityType] ?? 0) + weight;
      const kinds = Object.entries(total).sort(([, a], [, b]) => b - a);
      // One kind, or one clearly ahead: a mixed list ("Blair, Brown and the Treasury") types no one.
      const kind = kinds.length > 0 && (kinds.length === 1 || kinds[0]![1] > 2 * kinds[1]![1]) ? (kinds[0]![0] as EntityType) : undefined;
      if (kind) for (const member of group) if (strongest(member) < 3) member.evidence = { ...member.evidence, [kind]: 3 };
    }
    group = [];
  };
  const speaks = (mention: EntityMention) => {
    const next = tokens.find((token) => token.start >= mention.end);
    return next !== undefined && (SPEECH_VERBS.has(lower(next)) || HUMAN_VERBS.has(lower(next)));
  };
  // Places are known by the gazetteer; they neither give nor take a list's kind.
  for (const mention of ordered.filter((candidate) => !candidate.place)) {
    const last = group.at(-1);
    const possessive = last !== undefined && /^[’']s\b/.test(text.slice(last.end, last.end + 3));
    // A bracket between two names ("J Yapp (Cardiff)") says where or what the first is, not a list.
    const bracketed = last !== undefined && /[()]/.test(text.slice(last.end, mention.start));
    if (last && !bracketed && !last.role && !mention.role && !possessive && !speaks(mention) && /^(?:and|or)?$/.test(between(last, mention)) && !/[;:.—–]|\s-{1,2}(?:\s|$)|^-{1,2}\s/.test(tokens.find((t) => t.end === last.end || t.end === last.end + 2)?.post ?? '')) {
      group.push(mention);
    } else {
      flush();
      group.push(mention);
    }
  }
  flush();
}

function strongest(mention: EntityMention): number {
  return Math.max(0, ...Object.values(mention.evidence));
}

interface RoleSplit {
  title: string;
  prefix?: Run;
  name: Run;
}

/**
 * Splits "Secretary of State Michael Pompeo", "Telekom Albania CEO Emil Georgakiev" and "US Ambassador
 * Yuri Kim" into the title (kept as the person's role), the name, and a prefix naming a place or an
 * organisation (which is a mention of its own).
 */
function splitRole(tokens: Token[], run: Run): RoleSplit | undefined {
  let head = -1;
  for (let k = run.from; k < run.to - 1; k += 1) if (ROLE_HEADS.has(lower(tokens[k]!))) head = k;
  if (head === -1) return undefined;
  let roleStart = head;
  while (roleStart > run.from && ROLE_MODIFIERS.has(lower(tokens[roleStart - 1]!))) roleStart -= 1;
  // "Secretary of State", "Minister of Telecommunications", "Ambassador to Germany": the title takes the
  // words after of/for/to up to where the name starts (the name is at least its last word).
  // A two-word title object ("of Foreign Affairs") is taken only while two words are left for the name.
  let nameStart = head + 1;
  while (nameStart < run.to - 1 && ['of', 'for', 'to'].includes(lower(tokens[nameStart]!))) {
    nameStart += 2;
    while (nameStart < run.to - 2 && !tokens[nameStart]!.tags.has('FirstName') && !['of', 'for', 'to'].includes(lower(tokens[nameStart]!))) nameStart += 1;
  }
  const text = (from: number, to: number) => tokens.slice(from, to).map((token, i, all) => token.text + (i < all.length - 1 ? ' ' : '')).join('');
  // The name after a title is a person's: a few words, no connectors, not headed like an organisation.
  const nameWords = tokens.slice(nameStart, run.to).map(lower);
  const last = nameWords.at(-1)!;
  if (nameWords.length > 4 || nameWords.some((word) => NAME_CONNECTORS.has(word)) || ORGANIZATION_HEADS.has(last) || INITIATIVE_HEADS.has(last) || LAW_HEADS.has(last) || EVENT_HEADS.has(last)) return undefined;
  // "Mr Justice Collins": an honorific before a title is part of it, not whose title it is.
  if (roleStart > run.from && tokens.slice(run.from, roleStart).every((token) => HONORIFICS.has(lower(token)))) roleStart = run.from;
  const prefix = roleStart > run.from ? { from: run.from, to: roleStart } : undefined;
  const title = text(roleStart, nameStart);
  const prefixText = prefix ? text(prefix.from, prefix.to) : '';
  const prefixIsPlace = prefix ? lookupPlace(prefixText) !== undefined : false;
  return {
    title: !prefix ? title : prefixIsPlace ? `${prefixText} ${title}` : `${title} of ${prefixText}`,
    prefix,
    name: { from: nameStart, to: run.to },
  };
}
