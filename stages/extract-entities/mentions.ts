/**
 * Entity mentions in one sentence, from its tokens: runs of capitalised words (with "of", "for", "and"
 * inside long names), split at commas, possessives and titles; typed by the votes of evidence.ts.
 * Mentions are per document; resolve-entities joins them into corpus-wide entities.
 */
import type { Token } from '../parse/index.ts';
import { lexiconTags } from '../parse/lexicon.ts';
import { sensesOf } from '../reconcile/wordnet.ts';
import { isLexiconPlace, shareListEvidence, typeFromContext, typeFromName, vote } from './evidence.ts';
import { lookupPlace } from './gazetteer.ts';
import { BREAK_AFTER, endsInPluralPossessive, hasTag, isAcronym, isAdjective, isCapitalised, isPluralNoun, lower, OPENING, PLURAL_POSSESSIVE, POSSESSIVE, ROMAN, type Run } from './tokens.ts';
import {
  COMMON_ACRONYMS, EVENT_HEADS, HONORIFICS, HONOURS, SURNAME_PARTICLES, INITIATIVE_HEADS, isAnyHead, LAW_HEADS, NAME_CONNECTORS, NOT_NAMES, ORGANIZATION_HEADS, PLACE_HEADS, ROLE_HEADS, ROLE_MODIFIERS,
  TITLE_ENDS, type EntityType,
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
  /** A common noun after it says it is no person ("the Agnelli family", "Malibu rum"): it stands for no full name. Not stored. */
  notPerson?: true;
  /** It names a town's or a country's team ("Wales coach", "Hereford 1-1"): one-sense.ts makes the document's other mentions of it the team too. Not stored. */
  team?: true;
  /** A common noun beside it said what it is ("Malibu rum", "drugs group Eli Lilly"): a list it stands in gives it no kind, and one-sense.ts gives its kind to the article's other mentions of it that only a first name typed. Not stored. */
  kindSaid?: true;
  /** A plural work noun before it opens the list it heads ("games such as Populous, …"): shareListEvidence makes each member a work. Not stored. */
  workList?: true;
  /** The words after it say it is no one person ("Roxy Music were formed"): one-sense.ts makes the document's other mentions of it that only a first name typed no person either. Not stored. */
  thing?: true;
  /** A noun before it says it is a work or a product ("the musical Billy Elliot"): one-sense.ts makes the document's other mentions of it the work too. Not stored. */
  work?: true;
}

const FORMER = new Set(['former', 'ex', 'late']);
/**
 * Lower-case words that, hyphened to a name, describe what follows: "US-based", "Top-seeded",
 * "DHL-owner"; a participle the dictionary knows, of five letters or more ("Mei-ling Chen" is a name).
 */
const isDescribing = (token: Token) => ['born', 'run', 'led', 'made', 'built', 'owner', 'maker'].includes(token.text) || (/^\p{Ll}{3,}(?:ed|ing)$/u.test(token.text) && isDictionaryWord(token));
/** Words a small number after them belongs to ("BBC Radio 2", "Channel 4", "Division 1", "World War 2"). */
const NUMBERED_HEADS = new Set(['radio', 'channel', 'division', 'formula', 'series', 'section', 'article', 'chapter', 'phase', 'tier', 'terminal', 'war']);
const DAYS = /^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?$/;
/** Heads whose name goes on with "on the" and a topic ("Convention on the Rights of the Child"). */
const TOPIC_HEADS = new Set(['summit', 'convention', 'conference', 'commission', 'committee', 'agreement', 'treaty', 'forum', 'panel', 'inquiry']);
/** Words never a name alone (NOT_NAMES) that may open a body's name, as written. */
const OPENS_BODY = new Set(['Internet', 'Web']);
/** "I'm", "We're", "They've": a pronoun with a verb, never a name. */
const PRONOUN_CONTRACTION = /^(?:i|we|you|they|he|she|it|there|that|let)[’'](?:m|re|ve|ll|d|s)$/;

const PROPER_TAGS = ['ProperNoun', 'Person', 'FirstName', 'LastName', 'Place', 'Country', 'City', 'Organization', 'Acronym', 'Region'];
const NOT_PROPER_TAGS = ['Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'Adverb', 'Verb', 'Adjective', 'QuestionWord', 'Value', 'Expression', 'Plural', 'Copula', 'Modal', 'Auxiliary', 'Negative', 'Gerund'];

const NAME_LIKE_TAG = /Noun|Singular|Plural|Uncountable|Person|Name|Place|Country|City|Organization|Demonym|Actor/;

/** A word of the English dictionary (WordNet), or its plural, that compromise's lexicon does not know as a name: "Consumer", "Integration", "Pensions". */
function isDictionaryWord(token: Token | undefined): boolean {
  // "AZ" is Arizona to WordNet: written in capitals, a word is initials.
  if (!token || isAcronym(token)) return false;
  const word = lower(token);
  return (sensesOf(word).length > 0 || isPluralNoun(token)) && !lexiconTags(word).some((tag) => /Person|Name|Place|Country|City|Organization|Company/.test(tag));
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
    // "Interrupting Mr Sukul, …": an -ing form before a person's name opens a clause, not a name
    // ("Building Societies Association" is one).
    const clause = lexiconTags(lower(token)).includes('Gerund') && next !== undefined && (HONORIFICS.has(lower(next)) || next.tags.has('FirstName'));
    const functionWord = hasTag(token, ['Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'Adverb', 'QuestionWord', 'Copula', 'Modal', 'Auxiliary']) || clause;
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
      if (to < placeEnd) {
        to += 1;
        continue;
      }
      const next = nextInName(tokens, from, to);
      if (next === 'word') {
        to += 1;
        continue;
      }
      const past = next === 'connector' ? pastConnector(tokens, from, to, connectors) : undefined;
      if (past === undefined) break;
      connectors += 1;
      to = past;
    }
    to = pastListedFields(tokens, from, to);
    // "BBC Radio 2", "Channel 4": after these words a small number is the name's.
    if (to < tokens.length && NUMBERED_HEADS.has(lower(tokens[to - 1]!)) && /^\d{1,2}$/.test(tokens[to]!.text) && !BREAK_AFTER.test(tokens[to - 1]!.post)) to += 1;
    // "Internet Corporation for Assigned Names and Numbers": a word never a name alone opens a body's name.
    // So does a name right before it ("UK Internet Forum", "Oxford Internet Institute").
    if (from > 0 && OPENS_BODY.has(tokens[from - 1]!.text) && !BREAK_AFTER.test(tokens[from - 1]!.post) && tokens.slice(from, to).some((token) => ORGANIZATION_HEADS.has(lower(token)))) {
      const before = runs.at(-1);
      const joined = before !== undefined && before.to === from - 1 && !BREAK_AFTER.test(tokens[before.to - 1]!.post) && !POSSESSIVE.test(tokens[before.to - 1]!.text);
      if (joined) runs.pop();
      runs.push({ from: joined ? before.from : from - 1, to });
      i = to;
      continue;
    }
    // "William Haughey OBE": an honour after a name is not part of it, nor a name of its own.
    const runEnd = to;
    if (to - from > 2 && HONOURS.has(lower(tokens[to - 1]!))) to -= 1;
    // "Former England footballer", "Former Downing Street chief": "former" qualifies what follows, unless a title does (splitRole).
    let start = from;
    if (to - from > 1 && FORMER.has(lower(tokens[from]!)) && !runHasRole(tokens, from, to)) start += 1;
    // "US-based Alistair Cragg", "NEC-backed HD-DVD", "DHL-owner Deutsche Post": a name hyphened to a
    // participle or an owner describes the name after it ("Blu-ray Disc Association", "Dai-ichi Life" are names).
    else if (to - from > 2 && tokens[from]!.post === '-' && isDescribing(tokens[from + 1]!)) start += 2;
    // "Kenyan Bernard Lagat", "Springboks John Smit": a country's demonym or a team's plural before a
    // first name says where the person is from or plays; it is a mention of its own. So does a demonym
    // before two words no dictionary knows ("Italian Potito Starace"; not "British Airways").
    const strangers = tokens.slice(start + 1, to).every((token) => !isDictionaryWord(token) && !isAnyHead(lower(token)));
    const person = tokens[start + 1]?.tags.has('FirstName') === true || (isCountryDemonym(tokens[start]!) && strangers);
    if (to - start > 2 && (isCountryDemonym(tokens[start]!) || isPluralNoun(tokens[start]!)) && person) {
      // A noun of nationality ("Scot") is no name of its own.
      if (!NATIONALITY_NOUNS.has(lower(tokens[start]!))) runs.push({ from: start, to: start + 1 });
      start += 1;
    }
    // A lone capitalised common word inside a sentence ("promised to only Use trusted vendors") is not a
    // name, nor is a day's ("Sunday's 2-2 draw").
    const day = to - from === 1 && DAYS.test(tokens[from]!.text.replace(POSSESSIVE, ''));
    const lone = day || (to - from === 1 && from > 0 && !OPENING.test(tokens[from]!.pre) && isCommonWord(tokens[from]!) && !isAcronym(tokens[from]!));
    if (!lone) runs.push({ from: start, to });
    i = runEnd;
  }
  return runs;
}

/**
 * "Department of the Environment, Food and Rural Affairs", "Centre for Vision, Speech and Signal
 * Processing": a body's fields listed after its head's "of" or "for", common words between commas and
 * then "and", are its name's; one past them, else `to`. A list of names is not ("Bank of England,
 * Barclays and HSBC"), nor one after a name that is no body's ("Edge of Reason, Wimbledon and Thunderbirds").
 */
function pastListedFields(tokens: Token[], from: number, to: number): number {
  // A body the lexicon knows is a name of its own.
  const field = (at: number) => at < tokens.length && isCapitalised(tokens[at]!) && isDictionaryWord(tokens[at]!) && !hasTag(tokens[at]!, ['Organization']);
  const headed = tokens.slice(from + 1, to).some((token, k) => ['of', 'for'].includes(lower(token)) && ORGANIZATION_HEADS.has(lower(tokens[from + k]!)));
  if (!headed || tokens[to - 1]!.post !== ', ' || !isDictionaryWord(tokens[to - 1]!)) return to;
  let at = to;
  while (field(at) && tokens[at]!.post === ', ') at += 1;
  if (!field(at) || tokens[at]!.post !== ' ' || lower(tokens[at + 1] ?? tokens[at]!) !== 'and') return to;
  let end = at + 2;
  while (field(end) && (end === at + 2 || !BREAK_AFTER.test(tokens[end - 1]!.post))) end += 1;
  // The last field ends the name: a name going on after it, or one a body's head ends after "and" ("the
  // Department of Health, Treasury and Cabinet Office"), is another body's.
  const goesOn = end < tokens.length && isCapitalised(tokens[end]!) && !BREAK_AFTER.test(tokens[end - 1]!.post) && !OPENING.test(tokens[end]!.pre);
  const body = end - (at + 2) > 1 && ORGANIZATION_HEADS.has(lower(tokens[end - 1]!));
  return end > at + 2 && !goesOn && !body ? end : to;
}

/**
 * Do the words at `at` make a person's name of two words that ends the run: a first name, or a word no
 * dictionary knows, then a last word, neither of them a head ("Doug Smith"; not "Group Inc", "Bank Holdings")?
 */
function opensPersonName(tokens: Token[], at: number): boolean {
  const [first, last, after] = [tokens[at], tokens[at + 1], tokens[at + 2]];
  if (!first || !last || !isCapitalised(first) || !isCapitalised(last) || first.post !== ' ') return false;
  if ([first, last].some((word) => isAnyHead(lower(word)) || PLACE_HEADS.has(lower(word)) || ROLE_HEADS.has(lower(word)))) return false;
  const ends = !after || BREAK_AFTER.test(last.post) || !isNameWord(tokens, at + 2);
  // ("Radio Television Hong Kong": nor a place's name of two words.)
  const place = lookupPlace(first.text) !== undefined || lookupPlace(`${first.text} ${last.text}`) !== undefined;
  return ends && (first.tags.has('FirstName') || !isDictionaryWord(first)) && !place;
}

/** What stands at `to` in a name run from `from`: another word of it, its end, or maybe a connector. */
function nextInName(tokens: Token[], from: number, to: number): 'word' | 'end' | 'connector' {
  const last = tokens[to - 1]!;
  // "George W. Bush", "John F. Kennedy": after a first name, an initial's full stop ends no sentence.
  // (Not "Malcolm X. Attallah Shabazz said": one surname follows the initial, no more.)
  const surnameOnly = isCapitalised(tokens[to]!) && (to + 1 >= tokens.length || BREAK_AFTER.test(tokens[to]!.post) || !isNameWord(tokens, to + 1));
  if (to - from >= 2 && tokens[to - 2]!.tags.has('FirstName') && /^\p{Lu}$/u.test(last.text) && last.post === '. ' && surnameOnly) return 'word';
  if (BREAK_AFTER.test(last.post) || POSSESSIVE.test(last.text) || endsInPluralPossessive(last) || OPENING.test(tokens[to]!.pre)) return 'end';
  // "Economic Co-operation": a prefix hyphenated to a lower-case word is one word of the name (not
  // "Oscar-winner Andrea Arnold", a description).
  // "Nursultan Abish-uly": so is a short lower-case part of a surname.
  if (last.post === '-' && (last.text.length <= 3 || tokens[to]!.text.length <= 3) && /^\p{Ll}/u.test(tokens[to]!.text)) {
    return 'word';
  }
  // "Mohammed Mustafa al-Jibouri": an Arabic particle opens the last part of a name.
  if (['al', 'el', 'bin', 'ibn', 'abu'].includes(tokens[to]!.text) && tokens[to]!.post === '-' && tokens[to + 1] !== undefined && isCapitalised(tokens[to + 1]!)) {
    return 'word';
  }
  // "EADS Philippe Camus": an acronym and then a first name are an organisation and its person.
  // Two letters may be a person's own initials ("JP Morgan"), unless they name a known body ("EU Peter Mandelson").
  if (to - from === 1 && isAcronym(last) && (last.text.length > 2 || lexiconTags(lower(last)).some((tag) => /Organization|Country|Place/.test(tag))) && tokens[to]!.tags.has('FirstName')) return 'end';
  // "the troubled Child Support Agency Doug Smith": after a body's head, a person's name begins (after
  // a title's, the title's holder: "Minister of Telecommunications Andrés Michelena", splitRole).
  if (to - from >= 2 && ORGANIZATION_HEADS.has(lower(last)) && opensPersonName(tokens, to) && !runHasRole(tokens, from, to)) return 'end';
  // "World War I", "King Charles I"; but after a first name alone and before a lower-case word, "I"
  // is the pronoun ("said to Nigel I want …").
  const pronoun = tokens[to]!.text === 'I' && to - from === 1 && tokens[from]!.tags.has('FirstName') && /^\p{Ll}/u.test(tokens[to + 1]?.text ?? '');
  const numeral = ROMAN.test(tokens[to]!.text) && to > from && !pronoun;
  if (isNameWord(tokens, to) || numeral) {
    return 'word';
  }
  return 'connector';
}

/** Past the connector at `to` ("of the", "and", "for"): one past the next name word where the run goes on, else undefined. */
function pastConnector(tokens: Token[], from: number, to: number, connectors: number): number | undefined {
  // "of the" may join too: "Office of the United States Trade Representative".
  const connector = lower(tokens[to]!);
  // "World Summit on the Information Society": so may "on the" after a head that takes a topic.
  const takesThe = ['of', 'for'].includes(connector) || (connector === 'on' && TOPIC_HEADS.has(lower(tokens[to - 1]!)));
  const width = takesThe && lower(tokens[to + 1] ?? tokens[to]!) === 'the' ? 2 : 1;
  const nextWord = to + width;
  // ("DJ Rob Da Bank on Thursdays": a day is no name's.)
  const after = nextWord < tokens.length && isNameWord(tokens, nextWord) && !BREAK_AFTER.test(tokens[nextWord - 1]!.post) && !DAYS.test(tokens[nextWord]!.text);
  // "Belt and Road Initiative", "Australian Competition and Consumer Commission": a headed name after
  // "and" continues one name when one word stands before "and" or the name goes on in common words;
  // "Apple Computer and Cisco Systems" are two names, and so are "United Bank of Africa and Standard Trust Bank".
  const continues = to - from === 1 || isDictionaryWord(tokens[nextWord]);
  // "the University of California and Dan Gillmor": after a body's or a place's whole name, a first
  // name after "and" opens a person's ("Bill and Melinda Gates Foundation" has one word before "and").
  const whole = ORGANIZATION_HEADS.has(lower(tokens[to - 1]!)) || isPlaceName([tokens[to - 1]!]);
  // "Roland de Marigny and Ludovico Nitoglia": a full name before "and" and a first name after it are two people.
  const personFollows = to - from > 1 && (whole || tokens[from]!.tags.has('FirstName')) && tokens[nextWord]?.tags.has('FirstName') === true;
  const joinsAnd =
    connector !== 'and' ||
    (!andsBefore(tokens, from, to) && !personFollows &&
      (connectors > 0 ? !(headedNameFollows(tokens, nextWord) && endsName(tokens[to - 1]!)) : continues && !namedAlready(tokens, from, to) && !endsInHead(tokens, to - 1, nextWord) && headedNameFollows(tokens, nextWord)));
  // "Gordon Redgate of Sugar Foods", "Clint Eastwood for Million Dollar Baby": a person's name ends before "of" or "for".
  // "Oscar for Hilary Swank": nor does a name run on into a person's name after "of" or "for".
  // "Oscar for The Aviator": nor does a first name alone.
  const afterPerson =
    ['of', 'for'].includes(connector) &&
    ((connectors === 0 && ((to - from <= 3 && (tokens[from]!.tags.has('FirstName') || afterLowerCaseTitle(tokens, from))) || isWholeProperName(tokens, from, to, placeAt(tokens, nextWord)))) ||
      (width === 1 && tokens[nextWord]?.tags.has('FirstName') === true));
  // "Banque du Caire and Bank of Alexandria": a head word and its "of" after "and" open a second name
  // ("Department of Trade and Industry" is one).
  // "House of Flying Daggers and UK star Kate Winslet": nor does a place alone after "and" end the name,
  // unless a place stands before "and" too ("Police Federation of England and Wales").
  const placeAlone = (at: number) => at < tokens.length && lookupPlace(tokens[at]!.text) !== undefined && !(at + 1 < tokens.length && isNameWord(tokens, at + 1));
  const headOpensName =
    connector === 'and' &&
    ((ORGANIZATION_HEADS.has(lower(tokens[nextWord] ?? tokens[to]!)) && ['of', 'for'].includes(lower(tokens[nextWord + 1] ?? tokens[to]!))) ||
      (placeAlone(nextWord) && lookupPlace(tokens[to - 1]!.text) === undefined));
  // "Visakhapatnam on India": a country after "on" is where the name lies, not part of it, and "on"
  // joins only a headed name ("General Agreement on Tariffs and Trade") or a place to its river
  // ("Stratford on Avon"), not "Angels on Radio 1"; a place is whole before "for" ("Oxford for the …").
  // "LG Electronics of South Korea", "General Motors of the US": a company's whole name before "of" and
  // its country; not "Royal Bank of Scotland", whose words before "of" are all common words, its head singular.
  const ofCountry =
    connector === 'of' && connectors === 0 && to - from >= 2 && ORGANIZATION_HEADS.has(lower(tokens[to - 1]!)) && !(tokens.slice(from, to).every((token) => isDictionaryWord(token)) && !isPluralNoun(tokens[to - 1]!)) && placeAt(tokens, nextWord);
  const afterPlace =
    ofCountry ||
    (connector === 'on' && (lookupPlace((tokens[nextWord]?.text ?? '').replace(POSSESSIVE, '')) !== undefined || !(isPlaceName(tokens.slice(from, to)) || isAnyHead(lower(tokens[to - 1]!))))) ||
    (connector === 'for' && connectors === 0 && isPlaceName(tokens.slice(from, to)));
  const allowed = NAME_CONNECTORS.has(connector) && after && joinsAnd && !headOpensName && !afterPerson && !afterPlace && (connector !== 'to' || runHasRole(tokens, from, to));
  return allowed ? nextWord + 1 : undefined;
}

/**
 * "Shigeo Morioka of the International Longevity Centre", "Porto Alegre for the World Social Forum":
 * two proper words or more, past any title, none of them a dictionary word or a head, are a whole name
 * before "of" or "for"; a name that goes on past "of" opens with a head or a common word ("Bank of
 * England", "Lord of the Rings"). One such word may be a name's first ("Fraser of Allander Institute"),
 * but not before a country or a town ("Hernych of the Czech Republic"): `placeAfter`.
 */
function isWholeProperName(tokens: Token[], from: number, to: number, placeAfter: boolean): boolean {
  let start = from;
  while (start < to && (HONORIFICS.has(lower(tokens[start]!).replace(/\.$/, '')) || ROLE_HEADS.has(lower(tokens[start]!)) || ROLE_MODIFIERS.has(lower(tokens[start]!)))) start += 1;
  const words = tokens.slice(start, to);
  return words.length >= (placeAfter ? 1 : 2) && words.every((word) => !isAcronym(word) && !isDictionaryWord(word) && !isAnyHead(lower(word)) && !NAME_CONNECTORS.has(lower(word)));
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
  // "Opportunity Act (AGOA)": an acronym in brackets after the name is not its last word.
  while (to < tokens.length && isNameWord(tokens, to) && (to === from || (!BREAK_AFTER.test(tokens[to - 1]!.post) && !OPENING.test(tokens[to]!.pre)))) to += 1;
  if (to - from < 2) return false;
  const head = lower(tokens[to - 1]!).replace(POSSESSIVE, '');
  return ORGANIZATION_HEADS.has(head) || INITIATIVE_HEADS.has(head) || LAW_HEADS.has(head) || EVENT_HEADS.has(head);
}

/**
 * A run that is an office ("Secretary of State for the Home Department", "Chief Executive of Hereford
 * Hospitals NHS Trust"): a title's head word, after its modifiers, then "of" or "for". `of` is the
 * organisation the office is of, where the rest is one headed name.
 */
function officeOf(tokens: Token[], run: Run): { of?: Run } | undefined {
  let head = run.from;
  while (head < run.to - 1 && ROLE_MODIFIERS.has(lower(tokens[head]!))) head += 1;
  // "Chief Executive of …": the last modifier before "of" is the title's head.
  const modifierHead = head > run.from && ['of', 'for'].includes(lower(tokens[head]!));
  if (modifierHead) head -= 1;
  if ((!modifierHead && !ROLE_HEADS.has(lower(tokens[head]!))) || !tokens.slice(head + 1, run.to).some((token) => ['of', 'for'].includes(lower(token)))) return undefined;
  const from = head + 1 < run.to && lower(tokens[head + 1]!) === 'of' ? head + (lower(tokens[head + 2] ?? tokens[head]!) === 'the' ? 3 : 2) : run.to;
  const rest = tokens.slice(from, run.to);
  const headed = rest.length > 0 && !rest.some((token) => ['of', 'for'].includes(lower(token))) && ORGANIZATION_HEADS.has(lower(rest.at(-1)!).replace(POSSESSIVE, ''));
  // "Chief Executive of Hereford Hospitals NHS Trust Martin Woodford": a title of modifiers and a rest
  // that is no one headed name is left to the title rules (splitRole), not dropped.
  if (headed) return { of: { from, to: run.to } };
  return modifierHead ? undefined : {};
}

/** A place the gazetteer or the lexicon knows by these words. */
const isPlaceName = (words: Token[]) => {
  const name = words.map((word) => word.text).join(' ');
  return lookupPlace(name) !== undefined || isLexiconPlace(name);
};

/** Is a gazetteer place named from token `at` (in one word or two)? */
const placeAt = (tokens: Token[], at: number) =>
  [2, 1].some((width) => at + width <= tokens.length && lookupPlace(tokens.slice(at, at + width).map((token) => token.text.replace(POSSESSIVE, '')).join(' '))?.via === 'name');

/** "energy analyst Orin Middleton": a lower-case title right before the name says it is a person's. */
const afterLowerCaseTitle = (tokens: Token[], from: number) => from > 0 && ROLE_HEADS.has(lower(tokens[from - 1]!)) && !isCapitalised(tokens[from - 1]!);

/** Titles named after what they are in charge of: "Housing Minister", "Culture Secretary". */
const PORTFOLIO_TITLES = new Set(['minister', 'secretary', 'commissioner']);

/** Are `words`, before the title, the portfolio it holds ("Housing", "Monetary Affairs"): dictionary words, no place? */
function isPortfolio(words: Token[], title: string): boolean {
  const head = title.toLowerCase().split(' ').find((part) => PORTFOLIO_TITLES.has(part));
  // "Fisheries Minister": WordNet lists the singular only. "French Culture Minister": a demonym may say whose.
  const field = lookupPlace(words[0]!.text)?.via === 'demonym' ? words.slice(1) : words;
  return head !== undefined && field.length > 0 && field.length <= 3 && field.every((word) => NAME_CONNECTORS.has(lower(word)) || (!lookupPlace(word.text) && (sensesOf(lower(word)).length > 0 || isPluralNoun(word))));
}

/** "University of the Highlands and Islands and Southampton": a name holds one "and" at most. */
const andsBefore = (tokens: Token[], from: number, to: number) => tokens.slice(from, to).some((token) => lower(token) === 'and');

/**
 * "Black Rebel Motorcycle Club and Bloc Party", "Heineken Cup and Celtic League": a name that ends in an
 * organisation's or an event's head word is whole before "and" when another organisation's or event's
 * name follows; "News Media and Digital Platforms Mandatory Bargaining Code" is one law's name.
 */
function endsInHead(tokens: Token[], last: number, next: number): boolean {
  const bodyOrEvent = (word: string) => ORGANIZATION_HEADS.has(word) || EVENT_HEADS.has(word);
  if (!bodyOrEvent(lower(tokens[last]!))) return false;
  let end = next;
  while (end + 1 < tokens.length && isNameWord(tokens, end + 1) && !BREAK_AFTER.test(tokens[end]!.post)) end += 1;
  return bodyOrEvent(lower(tokens[end]!).replace(POSSESSIVE, ''));
}

/** "United Bank of Africa": a name's last word that completes it (a place, a name, a head word), unlike "Center for Strategic". */
function endsName(token: Token): boolean {
  const word = lower(token).replace(POSSESSIVE, '');
  return lookupPlace(token.text) !== undefined || hasTag(token, ['Organization', 'Person', 'Country', 'City', 'Place']) || ORGANIZATION_HEADS.has(word) || !isDictionaryWord(token);
}

/** "Hitachi and Mitsubishi Electric" are two names: what stands before "and" is already known as a name. */
function namedAlready(tokens: Token[], from: number, to: number): boolean {
  const words = tokens.slice(from, to);
  // A demonym opening a longer name ("Australian Competition") does not make it a known name.
  const known = words.length === 1 ? words : words.slice(-1);
  // "IMF and World Bank": an acronym is a whole name.
  return lookupPlace(words.map((word) => word.text).join(' ')) !== undefined || known.some((word) => hasTag(word, ['Organization', 'Person', 'Country', 'City']) || isAcronym(word));
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
    else if (PLURAL_POSSESSIVE.test(lastText)) end -= 1;
    if (end <= start) return undefined;
    const mention: EntityMention = { sentence, start, end, text: text.slice(start, end), evidence: {}, ...extra };
    mentions.push(mention);
    return mention;
  };

  for (const run of withoutHeadings(text, tokens, nameRuns(tokens))) {
    const role = splitRole(tokens, run);
    if (role) {
      // "Union President Shawn Fain", "Communications Minister Paul Fletcher": a head word alone before a
      // title is the common noun capitalised, not a name.
      // "Deputy High Court Judge Richard Mawrey": a title's modifier opening the prefix is the title's.
      while (role.prefix && role.prefix.to - role.prefix.from > 1 && ROLE_MODIFIERS.has(lower(tokens[role.prefix.from]!))) role.prefix = { from: role.prefix.from + 1, to: role.prefix.to };
      const prefixWords = role.prefix ? tokens.slice(role.prefix.from, role.prefix.to) : [];
      // "Conservative MP Boris Johnson", "Democratic Senator Kent Conrad": nor is an adjective, which
      // says the holder's party but is not its name; nor a minister's portfolio ("Housing Minister").
      const lone = prefixWords.length === 1 ? prefixWords[0]! : undefined;
      const portfolio = prefixWords.length > 0 && isPortfolio(prefixWords, role.title);
      // "Entrepreneur Sir Richard Branson": an honorific belongs to no organisation.
      const honorific = HONORIFICS.has(role.title.toLowerCase());
      if (role.prefix && !portfolio && !honorific && !(lone && (ORGANIZATION_HEADS.has(lower(lone)) || isAdjective(lone)))) {
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
        // ("Mr Mann" is no Isle of Man: an honorific is a person's.)
        const place = honorific ? undefined : lookupPlace(words.map((word) => word.text).join(' '));
        const holder = make(role.name.from, role.name.to, place ? {} : { role: role.title });
        if (holder && place) typeFromName(holder, words);
        else if (holder) vote(holder, 'person', 4);
      }
      continue;
    }
    if (tokens.slice(run.from, run.to).every((token) => ROLE_HEADS.has(lower(token)) || ROLE_MODIFIERS.has(lower(token)))) continue;
    // "Secretary of State for the Home Department", "Minister for Immigration": an office, named by no
    // one's name; "Chief Executive of Hereford Hospitals NHS Trust" names the trust after it.
    const office = officeOf(tokens, run);
    if (office) {
      const holder = office.of ? make(office.of.from, office.of.to) : undefined;
      if (holder) typeFromName(holder, tokens.slice(office.of!.from, office.of!.to));
      continue;
    }
    if (isTitleEnd(tokens[run.to - 1]!)) {
      titleOwner(tokens, run, make);
      continue;
    }
    if (isRegionDemonym(tokens.slice(run.from, run.to))) continue;
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

/** Nouns of nationality the gazetteer's adjectives do not give: "Scot Kathy Butler", "Briton Hayley Yelling". */
const NATIONALITY_NOUNS = new Set(['scot', 'briton', 'brit', 'scotsman', 'scotswoman', 'welshman', 'welshwoman', 'englishman', 'englishwoman', 'irishman', 'irishwoman', 'frenchman', 'frenchwoman', 'dutchman', 'dutchwoman']);

const isCountryDemonym = (token: Token) => {
  const place = lookupPlace(token.text);
  return (place?.via === 'demonym' && !place.region) || NATIONALITY_NOUNS.has(lower(token));
};

/** "African", "Latin American": a continent's or region's demonym (addDemonymPlaces says why it names nothing). */
function isRegionDemonym(words: Token[]): boolean {
  const place = lookupPlace(words.map((word) => word.text).join(' '));
  return place?.via === 'demonym' && place.region === true;
}

/**
 * "a Brazilian company", "Chinese carriers": a demonym outside any name is a mention of its country.
 * A continent's ("an east African nation", "European firms") says where, not of whom: no mention.
 */
function addDemonymPlaces(text: string, sentence: number, tokens: Token[], mentions: EntityMention[]): void {
  for (const [index, token] of tokens.entries()) {
    if (!isCapitalised(token) || mentions.some((m) => token.start < m.end && token.end > m.start)) continue;
    // "South American": the last word of a region's demonym is not the United States.
    if (index > 0 && isRegionDemonym(tokens.slice(index - 1, index + 1))) continue;
    const place = lookupPlace(token.text);
    if (!place || place.via !== 'demonym' || place.region) continue;
    mentions.push({ sentence, start: token.start, end: token.end, text: text.slice(token.start, token.end), evidence: { place: 6 }, place: place.name });
  }
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
  // "Labour MP Sir Gerald Kaufman": an honorific after a title is neither the title's head nor the name's.
  let head = -1;
  // (Brian 'Head' Welch: a word in quotes inside a name is a nickname, no title.)
  const nickname = (token: Token) => /[‘'"“]$/.test(token.pre) && /^[’'"”]/.test(token.post);
  for (let k = run.from; k < run.to - 1; k += 1) if (ROLE_HEADS.has(lower(tokens[k]!)) && !nickname(tokens[k]!) && !(head !== -1 && HONORIFICS.has(lower(tokens[k]!)))) head = k;
  if (head === -1) return undefined;
  let roleStart = head;
  // "Director General": a title of two title words is one title.
  while (roleStart > run.from && (ROLE_MODIFIERS.has(lower(tokens[roleStart - 1]!)) || TITLE_ENDS.has(lower(tokens[roleStart - 1]!)))) roleStart -= 1;
  // "Secretary of State", "Minister of Telecommunications", "Ambassador to Germany": the title takes the
  // words after of/for/to up to where the name starts (the name is at least its last word).
  // A two-word title object ("of Foreign Affairs") is taken only while two words are left for the name.
  let nameStart = head + 1;
  while (nameStart < run.to - 1 && ['of', 'for', 'to'].includes(lower(tokens[nameStart]!))) {
    nameStart += 2;
    while (nameStart < run.to - 2 && !tokens[nameStart]!.tags.has('FirstName') && !['of', 'for', 'to'].includes(lower(tokens[nameStart]!))) nameStart += 1;
  }
  const titleEnd = nameStart;
  while (nameStart < run.to - 1 && HONORIFICS.has(lower(tokens[nameStart]!))) nameStart += 1;
  const text = (from: number, to: number) => tokens.slice(from, to).map((token, i, all) => token.text + (i < all.length - 1 ? ' ' : '')).join('');
  // The name after a title is a person's: a few words, no connectors, not headed like an organisation.
  const nameWords = tokens.slice(nameStart, run.to).map((token) => lower(token).replace(POSSESSIVE, ''));
  const last = nameWords.at(-1)!;
  if (nameWords.length > 4 || nameWords.some((word) => NAME_CONNECTORS.has(word) && !SURNAME_PARTICLES.has(word)) || ORGANIZATION_HEADS.has(last) || INITIATIVE_HEADS.has(last) || LAW_HEADS.has(last) || EVENT_HEADS.has(last)) return undefined;
  // "General Motors Europe": a title word before an organisation's head word opens the firm's name.
  if (nameWords.length > 0 && !tokens[nameStart]!.tags.has('FirstName') && ORGANIZATION_HEADS.has(nameWords[0]!)) return undefined;
  // "Mr Justice Collins": an honorific before a title is part of it, not whose title it is.
  if (roleStart > run.from && tokens.slice(run.from, roleStart).every((token) => HONORIFICS.has(lower(token)))) roleStart = run.from;
  const prefix = roleStart > run.from ? { from: run.from, to: roleStart } : undefined;
  const title = text(roleStart, titleEnd);
  const prefixText = prefix ? text(prefix.from, prefix.to) : '';
  const prefixIsPlace = prefix ? lookupPlace(prefixText) !== undefined : false;
  // "Entrepreneur Sir Richard Branson": an honorific is of no one.
  const honorific = HONORIFICS.has(lower(tokens[roleStart]!));
  return {
    title: !prefix || honorific ? title : prefixIsPlace ? `${prefixText} ${title}` : `${title} of ${prefixText}`,
    prefix,
    name: { from: nameStart, to: run.to },
  };
}
