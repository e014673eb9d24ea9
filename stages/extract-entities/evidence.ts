/**
 * The votes for a mention's type: from the name itself (gazetteer, head word, first name, lexicon),
 * from the words around it (a title, an appositive, a kind noun in its phrase, a verb after it) and
 * from the list it stands in. Votes of 3 or more type an entity; lighter ones are hints
 * (resolve-entities' entity.ts).
 */
import type { Token } from '../parse/index.ts';
import { lexiconTags } from '../parse/lexicon.ts';
import { sensesOf } from '../reconcile/wordnet.ts';
import { isPersonName } from './full-names.ts';
import { isCapital, lookupPlace } from './gazetteer.ts';
import { isTownName } from './towns.ts';
import type { EntityMention } from './mentions.ts';
import { BREAK_AFTER, endsInPluralPossessive, isAcronym, isCapitalised, isOnlyAdjective, isPluralNoun, isWordNotName, lower, OPENING, POSSESSIVE, ROMAN, withoutPossessive, type Run } from './tokens.ts';
import {
  EVENT_HEADS, HONOURS, HUMAN_VERBS, INITIATIVE_HEADS, LAW_HEADS, ORGANIZATION_HEADS, ORGANIZATION_NOUNS, PLACE_HEADS, PLACE_NOUNS, ROLE_HEADS, ROLE_MODIFIERS,
  SHAPE_VOTES, SPEECH_VERBS, STRONG_VOTE, strongTypesOf, THING_HEADS, KIND_AFTER, FOLLOWERS, TEAM_NOUNS, WORK_NOUNS, WORK_NOUNS_PLURAL, isAnyHead, type EntityType,
} from './vocabulary.ts';

export function vote(mention: EntityMention, type: EntityType, weight: number): void {
  mention.evidence[type] = (mention.evidence[type] ?? 0) + weight;
}

/** Evidence from the name itself: gazetteer, head word, acronym, compromise's tags. */
export function typeFromName(mention: EntityMention, words: Token[]): void {
  const name = mention.text;
  const place = lookupPlace(name);
  if (place) {
    mention.place = place.name;
    vote(mention, 'place', 6);
    return;
  }
  // A title given for a time or a contest is no body's, event's or person's name.
  if (AWARD.test(name)) return;
  // "West Africa", "Northern Iraq": a compass word before a place names a part of it.
  if (words.length > 1 && COMPASS.has(lower(words[0]!)) && lookupPlace(words.slice(1).map((word) => word.text).join(' '))?.via === 'name') vote(mention, 'place', 4);
  // "Department of Commerce", "Code of Conduct for …": in a name joined by "of" or "for" the head comes before it.
  // ("World Summit on the Information Society": and before "on".)
  const connector = words.findIndex((word, index) => index > 0 && ['of', 'for', 'on'].includes(lower(word)));
  // Where a head word stands before the connector, the words after it are its complement: "… Project
  // for Farmers of the Chancay-Huaral Valley" is no valley; "Freedom of Information Act" is headed last.
  const headWord = (word: Token | undefined) => word !== undefined && (isAnyHead(lower(word)) || PLACE_HEADS.has(lower(word)));
  // "BBC Radio 2": a number after the last word numbers it.
  const last = words.length > 1 && /^\d+$/.test(words.at(-1)!.text) ? words.at(-2)! : words.at(-1)!;
  const head = lower(connector > 0 && headWord(words[connector - 1]) ? words[connector - 1]! : last).replace(POSSESSIVE, '');
  // "Natalie Press", "Victoria Station", "Jude Law": a first name and one head word name a person as often
  // as a firm, a place or a law; neither is voted.
  // "Finding Neverland": a verb's -ing form is no first name, whatever the tagger guessed.
  const firstName = words.length >= 2 && words[0]!.tags.has('FirstName') && !lexiconTags(lower(words[0]!)).includes('Gerund');
  // "Andrew Bonar Law": nor does a first name and a last "Law", a surname as often as a law's head.
  const twoSided = firstName && ((words.length === 2 && (PLACE_HEADS.has(head) || isAnyHead(head))) || lower(words.at(-1)!) === 'law');
  // A head word alone ("the Government", "the Union", "News", "Bill") is a common noun capitalised, not a name.
  if (words.length > 1 && !twoSided) {
    if (PLACE_HEADS.has(head)) vote(mention, 'place', 4);
    if (ORGANIZATION_HEADS.has(head)) vote(mention, 'organization', 4);
    if (INITIATIVE_HEADS.has(head)) vote(mention, 'initiative', 4);
    if (LAW_HEADS.has(head)) vote(mention, 'law', 4);
  }
  // "World War II": a numeral after an event's head word; after other names it numbers a product or a
  // law ("MDA III", "Hartz IV"), and a last "I" is mostly the pronoun ("Anytime I").
  const numeral = words.length > 1 && ROMAN.test(words.at(-1)!.text) && EVENT_HEADS.has(lower(words.at(-2)!));
  if ((words.length > 1 && EVENT_HEADS.has(head)) || numeral) vote(mention, 'event', 4);
  if (words.length === 1 && isAcronym(words[0]!)) vote(mention, 'organization', 1);
  // "Hans Christian Andersen Award" is headed as a prize: a first name opens a person's name only when no head word ends it.
  const headed = Object.keys(mention.evidence).length > 0 || twoSided || THING_HEADS.has(head);
  // "Richard & Judy", "Freddy Vs Jason", "Bradford & Bingley": two joined are a pair, a work or a firm, never one person.
  // ("George V" is a king: a capital V is a numeral.)
  const paired = words.some((word) => PAIRING.has(lower(word)) && word.text !== 'V');
  if (firstName && !headed && !paired) vote(mention, 'person', 3);
  if (!paired && words.some((word) => word.tags.has('Person') || word.tags.has('LastName'))) vote(mention, 'person', 1);
  if (words.some((word) => word.tags.has('Organization'))) vote(mention, 'organization', 1);
  // "Microsoft": a name the lexicon lists as a company. A city's name also names its club, its
  // university and its brands ("Hartlepool 1-1 Doncaster", "Oxford's contribution", "Malibu rum"): the
  // lexicon knows the city, not which one the sentence means, so it only hints (usedAsPlace), unless
  // the city is a capital ("Beijing's handling"), which stands for its government, still a place.
  const known = lexiconTags(name.toLowerCase());
  if (known.some((tag) => KNOWN_ORGANIZATION.has(tag))) vote(mention, 'organization', 3);
  else if (known.some((tag) => KNOWN_PLACE.has(tag))) vote(mention, 'place', isCapital(name) ? 3 : 2);
  else if (words.some((word) => word.tags.has('Country') || word.tags.has('City') || word.tags.has('Place'))) vote(mention, 'place', 1);
}

const PAIRING = new Set(['&', 'and', 'vs', 'v']);
/** "Six Nations Player of the Tournament", "Personality of the Year": a title given for a time or a contest, no one's name. */
const AWARD = /\b\p{Lu}\p{Ll}+ of the (?:Year|Month|Season|Tournament|Match|Championship|Decade|Century)$/u;
/** Words after an appositive's head that open its complement ("the head of …", "a spokesman for …"). */
const APPOSITIVE_ENDS = new Set(['of', 'for', 'at', 'with', 'who', 'which', 'that']);

/** Does a place's or a town's name, of one word or two, end or start at `k`? */
function isPlaceAt(tokens: Token[], k: number): boolean {
  const place = (from: number, to: number) =>
    from >= 0 && to <= tokens.length && to > from && (lookupPlace(tokens.slice(from, to).map((token) => token.text).join(' ')) !== undefined || (to - from === 1 && (isLexiconPlace(lower(tokens[from]!)) || isTownName(tokens[from]!.text))));
  return place(k, k + 1) || place(k, k + 2) || place(k - 1, k + 1);
}

const COMPASS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'north-east', 'north-west', 'south-east', 'south-west']);
/** Words between a kind and the names it lists: "companies such as", "carriers including", "apps like". */
const LIST_OPENERS = new Set(['such', 'as', 'including', 'like', 'namely', 'include', 'includes', 'included']);

/** compromise's lexicon tags that say what a whole name is: knowledge of the name, not a guess from its shape. */
const KNOWN_ORGANIZATION = new Set(['Organization', 'Company', 'SportsTeam', 'School']);
const KNOWN_PLACE = new Set(['City', 'Country', 'Region', 'Place']);

/** Does compromise's lexicon list the name as a city, a country, a region or a place? */
export const isLexiconPlace = (name: string) => lexiconTags(name.toLowerCase()).some((tag) => KNOWN_PLACE.has(tag));

/** Prepositions that put what follows on the map: "died at his home in Malibu", "pubs near Woolwich". */
const LOCATIVES = new Set(['in', 'near', 'outside', 'inside', 'across', 'around', 'throughout']);

/**
 * Does the sentence use the name as a place: after a locative preposition, before a comma and the
 * place it lies in ("Malibu, California"), or as an article's dateline ("DETROIT – On Labor Day")?
 */
function usedAsPlace(tokens: Token[], run: Run): boolean {
  const before = tokens[run.from - 1];
  if (before && LOCATIVES.has(lower(before)) && !BREAK_AFTER.test(before.post)) return true;
  const last = tokens[run.to - 1]!;
  const next = tokens[run.to];
  if (next && last.post.trim() === ',' && isCapitalised(next) && (lookupPlace(next.text) !== undefined || isLexiconPlace(lower(next)))) return true;
  return run.from === 0 && /^\s+[–—-]\s/.test(last.post);
}

/** Words before a subject's head noun: "One of the biggest …", "The largest …". */
const SUBJECT_OPENERS = new Set(['one', 'of', 'the', 'a', 'an', 'its', 'their', 'our', 'this', 'that', 'these', 'those', 'two', 'three']);

/**
 * "One of the big companies linked to the CCP is ByteDance": a name after "is" or "was" is what the
 * subject is, and the subject's head noun, the first noun after its opening words and adjectives,
 * says what kind of thing. Not a noun after the head ("The head of the company is …").
 */
function kindBeforeCopula(tokens: Token[], run: Run): string | undefined {
  const copula = tokens[run.from - 1];
  if (run.from < 2 || !copula || !['is', 'was'].includes(lower(copula))) return undefined;
  for (let k = 0; k < run.from - 1; k += 1) {
    const word = lower(tokens[k]!);
    if (BREAK_AFTER.test(tokens[k]!.post) || POSSESSIVE.test(tokens[k]!.text)) return undefined;
    if (SUBJECT_OPENERS.has(word) || tokens[k]!.tags.has('Adjective')) continue;
    return word;
  }
  return undefined;
}

const SCORE = /^\d{1,3}-\d{1,3}$/;

const FOLLOWER_NOUNS = new Set<string>(FOLLOWERS);

/**
 * "the Beverly Hilton hotel", "Sal Oppenheim investment bank": a common noun right after the name (or
 * after one noun more) that the name modifies says what it is, whatever its first word suggested; a
 * product ("Malibu rum") is typed as nothing. Not after a possessive ("Gordon Brown's supporters"), nor
 * across a verb ("Wayne Rooney thanked fans"), and a name a first name types keeps its type before the
 * nouns of followers ("Robbie Williams fans").
 */
function kindAfter(mention: EntityMention, tokens: Token[], run: Run): void {
  if (mention.role) return;
  const person = (mention.evidence.person ?? 0) >= STRONG_VOTE;
  // "Hereford 1-1 Doncaster", "Wales coach Mike Ruddock": a town or a country beside a score or before
  // its team's people is its team (a player's name beside a score stays his: "beat Andy Roddick 6-4").
  const score = (token: Token | undefined) => token !== undefined && SCORE.test(token.text);
  const last = tokens[run.to - 1]!;
  const teamNoun = tokens[run.to] !== undefined && !BREAK_AFTER.test(last.post) && TEAM_NOUNS.has(lower(tokens[run.to]!));
  // "a company of 100-120 UK troops": a range before a name that a plural noun follows counts that noun.
  const scoreBefore = score(tokens[run.from - 1]) && !BREAK_AFTER.test(tokens[run.from - 1]!.post) && !(tokens[run.to] && isPluralNoun(tokens[run.to]!));
  const scoreAfter = score(tokens[run.to]) && !BREAK_AFTER.test(last.post);
  // "the German squad": a demonym before a team's noun is the country's side or one of its clubs; which, the sentence does not say.
  if (teamNoun && lookupPlace(mention.text)?.via === 'demonym') {
    mention.place = undefined;
    mention.evidence = {};
    return;
  }
  // "beat Elene Likhotseva of Russia 7-5 6-4": a country after "of" is where the player is from.
  const opener = lower(tokens[run.from - 1] ?? last) === 'the' ? tokens[run.from - 2] : tokens[run.from - 1];
  const playersCountry = opener !== undefined && lower(opener) === 'of';
  const beside = scoreBefore ? tokens[run.from - 1] : scoreAfter && !playersCountry ? tokens[run.to] : undefined;
  // "Switzerland v Faroe Islands": a place on either side of "v" in a fixture is its team.
  // (Not "United States v Microsoft", a case at law: a place stands on the other side too.)
  const versus = (token: Token | undefined) => token !== undefined && /^vs?$/.test(token.text);
  const fixture = (versus(tokens[run.to]) && !BREAK_AFTER.test(last.post) && isPlaceAt(tokens, run.to + 1)) || (versus(tokens[run.from - 1]) && isPlaceAt(tokens, run.from - 2));
  const placeName = () => mention.place !== undefined || isLexiconPlace(mention.text) || isTownName(mention.text);
  if (!person && ((beside && mayNameTeam(tokens.slice(run.from, run.to), beside)) || (mention.place !== undefined && teamNoun) || (fixture && placeName()))) {
    asTeam(mention);
    return;
  }
  // A country keeps its name before other nouns ("the England game").
  if (mention.place) return;
  if (BREAK_AFTER.test(last.post) || POSSESSIVE.test(last.text) || /^[’']/.test(last.post)) return;
  // "Game firm holds auditions": a common word opening a sentence before a noun is that noun's modifier.
  const opening = run.from === 0 || OPENING.test(tokens[run.from]!.pre);
  const first = lower(tokens[run.from]!);
  if (opening && run.to - run.from === 1 && sensesOf(first).length > 0 && !lexiconTags(first).some((tag) => /Place|City|Region|Country|Name|Person|Organization/.test(tag))) return;
  const next = tokens[run.to];
  const noun = (token: Token | undefined) => token !== undefined && !isCapitalised(token) && token.tags.has('Noun') && !token.tags.has('Verb');
  if (!noun(next)) return;
  const word = KIND_AFTER[lower(next!)] ? lower(next!) : noun(tokens[run.to + 1]) && !BREAK_AFTER.test(next!.post) ? lower(tokens[run.to + 1]!) : '';
  const kind = KIND_AFTER[word];
  // "the Robbie Williams album": a person's name before a work is its maker's.
  if (!kind || (person && (FOLLOWER_NOUNS.has(word) || WORK_NOUNS.has(word)))) return;
  // "the White City redevelopment scheme": a scheme one noun further on is of the place, not the place.
  if (kind === 'initiative' && word !== lower(next!)) return;
  // "a South American oil company", "the Florida company": a demonym or a place the lexicon knows says
  // where the firm is from, not that it is one (its club's people aside: "Liverpool striker").
  const where = last.tags.has('Demonym') || isLexiconPlace(mention.text);
  if (where && kind === 'organization' && !FOLLOWER_NOUNS.has(word)) return;
  // "the British men's Olympic squad", "Islamic banking units": a word the dictionary knows only as an adjective qualifies the noun.
  if (run.to - run.from === 1 && isOnlyAdjective(lower(last))) return;
  mention.evidence = kind === 'other' ? {} : { [kind]: STRONG_VOTE };
  mention.notPerson = true;
  // "National Television, Royal Television Society and British Comedy awards": its own phrase said what it is.
  mention.kindSaid = true;
}

/**
 * What an appositive says the name before it is: "Huawei, a Chinese telecommunication technology
 * company, …" a body (a body's noun anywhere in it), "Rich Templeton, the head of giant chip maker Texas
 * Instruments, …" a person (a title as its head, its last word before its closing comma or a complement
 * such as "of"). A title that a verb follows heads the next clause ("Writing in the Daily Telegraph, the
 * prime minister conceded").
 */
function appositiveKind(tokens: Token[], run: Run): 'organization' | 'person' | undefined {
  if (!tokens[run.to - 1]!.post.includes(',') || !['a', 'an', 'the'].includes(lower(tokens[run.to] ?? tokens[run.from]!))) return undefined;
  const end = Math.min(tokens.length, run.to + 7);
  // "In Rochdale, the chairman of the local party said": after an opening phrase, a title heads the clause
  // ("composed by AR Rahman, the director of …" is an apposition).
  const opening = run.from === 1 && tokens[0]!.tags.has('Preposition');
  for (let k = run.to + 1; k < end && !opening; k += 1) {
    const token = tokens[k]!;
    if (isVerbOnly(token)) break;
    if (!/[,.;:!?]/.test(token.post) && !APPOSITIVE_ENDS.has(lower(tokens[k + 1] ?? token))) continue;
    if (ROLE_HEADS.has(lower(token)) && !isCapitalised(token)) return 'person';
    break;
  }
  // "In Rochdale, the Liberal Democrats - the mainstream party …": a dash ends it too.
  for (let k = run.to; k < end; k += 1) {
    // After an opening phrase, only a phrase a comma closes is an apposition ("For Metlife, the US's leading insurance company, the purchase …").
    if (ORGANIZATION_NOUNS.has(lower(tokens[k]!))) return opening && !closedByComma(tokens, k, end) ? undefined : 'organization';
    if (/[,.]|\s[-–—]/.test(tokens[k]!.post)) break;
  }
  return undefined;
}

/** A verb the tagger does not also read as a noun ("conceded", not "head"). */
const isVerbOnly = (token: Token) => token.tags.has('Verb') && !token.tags.has('Noun');

/** Does a comma close the phrase before any verb, from `from` to `end`? */
function closedByComma(tokens: Token[], from: number, end: number): boolean {
  for (let k = from; k < end; k += 1) {
    if (tokens[k]!.post.includes(',')) return true;
    if (tokens[k + 1] !== undefined && isVerbOnly(tokens[k + 1]!)) return false;
  }
  return false;
}

/** A tennis set's score: six or seven games to at most seven ("6-4", "7-6"; a football "6-1" looks the same). */
const SET_SCORE = /^(?:[67]-[0-7]|[0-7]-[67])$/;
/** A tennis game's score in points: "30-0", "15-40" (not "0-0", a match's too). */
const POINT_SCORE = /^(?:0|15|30|40)-(?:0|15|30|40)$/;
const isPointScore = (score: string) => POINT_SCORE.test(score) && score !== '0-0';

/**
 * Do these words, beside this score, name a team: any name beside a match's score ("Wigan 2-1
 * Millwall"), and beside a set's or a game's score ("6-4", "30-0") only a place or a common word ("Arsenal", "Manchester United").
 * A coined word there is mostly a player's ("crashed 6-2 6-4 Kuznetsova"), though a surname that is also
 * a place still reads as a team ("Henman beat Davenport 6-4").
 */
function mayNameTeam(words: Token[], score: Token): boolean {
  if (!SET_SCORE.test(score.text) && !isPointScore(score.text)) return true;
  return words.some((word) => lookupPlace(word.text) !== undefined || isLexiconPlace(lower(word)) || isWordNotName(lower(word)));
}

/**
 * Nouns of a member of a band, a cast or a side, which a person's name does not go before (a singer has
 * a manager, a guitarist and a coach: "Johnny Cash manager Holiff", "Denise Lewis' coach").
 */
const MEMBER_NOUNS = new Set([
  'singer', 'frontman', 'vocalist', 'actor', 'actress', 'star', 'member', 'captain', 'skipper',
  'striker', 'midfielder', 'defender', 'goalkeeper', 'winger', 'prop', 'fly-half', 'scrum-half', 'lock', 'flanker', 'full-back',
]);

/**
 * Do the words right after the name say that it is no one person: after the sentence's subject, "which"
 * ("Laura Ashley, which is due to …": a person is "who") or a plural's verb ("Roxy Music were formed in
 * 1971"); after any name, a member's noun and the member's name ("Former Manfred Mann singer Paul Jones",
 * "Star Wars actor Ewan McGregor")?
 */
function saysNoPerson(tokens: Token[], run: Run): boolean {
  const last = tokens[run.to - 1]!;
  const next = tokens[run.to];
  if (!next || POSSESSIVE.test(last.text) || endsInPluralPossessive(last)) return false;
  const after = tokens[run.to + 1];
  if (MEMBER_NOUNS.has(lower(next))) return !BREAK_AFTER.test(last.post) && after !== undefined && isCapitalised(after) && !BREAK_AFTER.test(next.post);
  // The rest holds only for the sentence's subject: "which" may be of a whole clause ("signed by Alex
  // Ferguson, which surprised many"), and "are" of a phrase the name ends ("Tickets to see Elton John are on sale").
  const subject = run.from === 0 || (run.from === 1 && lower(tokens[0]!) === 'the');
  if (!subject) return false;
  if (last.post.trim() === ',' && lower(next) === 'which') return true;
  return !BREAK_AFTER.test(last.post) && ['were', 'are'].includes(lower(next)) && !(after && lower(after) === 'to');
}

/** A person's name by its shape at most: no title, no kind said beside it, no more votes than a first name gives. */
export const isPersonByShape = (mention: EntityMention) =>
  !mention.role && !mention.kindSaid && (mention.evidence.person ?? 0) <= SHAPE_VOTES && strongTypesOf(mention.evidence).join() === 'person';

/**
 * The mention names a thing a first name made look like a person: it votes as a thing, and with
 * `spread` the article's other mentions of the name that only their shape typed do too (one-sense.ts).
 */
export function asThing(mention: EntityMention, spread = true): void {
  mention.evidence = { other: STRONG_VOTE };
  mention.notPerson = true;
  if (spread) mention.thing = true;
}

/** The mention names a team, not the place it is named after. */
export function asTeam(mention: EntityMention): void {
  mention.place = undefined;
  mention.evidence = { organization: STRONG_VOTE };
  mention.notPerson = true;
  mention.team = true;
}

/**
 * The mention names a work or a product ("the film Billy Elliot"), which makes no entity. `spread`: the
 * article's other mentions of the name are the work too (one-sense.ts).
 */
export function asWork(mention: EntityMention, spread = true): void {
  mention.place = undefined;
  mention.role = undefined;
  mention.evidence = { other: STRONG_VOTE };
  mention.notPerson = true;
  if (spread) mention.work = true;
}

/** Last words of a building that is also the body that runs it: "the Staples Centre", "SoHo House", "the Commonwealth Club". */
const VENUE_HEADS = new Set(['centre', 'center', 'house', 'academy', 'club']);

/**
 * "at New York's SoHo House", "in the Staples Centre", "held at the Bristol Academy": after "at" or
 * "in", a name headed by such a word is where something happens, a venue more than its owner (or its
 * offices: "officials at the White House", "worked at Random House"). Which one the sentence means is
 * unsure, so the mention says nothing of its type; the name's other mentions type it.
 */
function atVenue(tokens: Token[], run: Run): boolean {
  const words = tokens.slice(run.from, run.to);
  if (words.length < 2 || words.some((word) => ['of', 'for'].includes(lower(word))) || !VENUE_HEADS.has(lower(words.at(-1)!).replace(POSSESSIVE, ''))) return false;
  let k = run.from - 1;
  // Over "the" and a place's possessive ("New York's").
  while (k > 0 && run.from - k <= 3 && (lower(tokens[k]!) === 'the' || isCapitalised(tokens[k]!)) && !BREAK_AFTER.test(tokens[k]!.post)) k -= 1;
  // "political director at the European Policy Centre": after a title, "at" names the employer.
  const employer = k > 0 && ROLE_HEADS.has(lower(tokens[k - 1]!));
  return k >= 0 && ['at', 'in'].includes(lower(tokens[k]!)) && !BREAK_AFTER.test(tokens[k]!.post) && !employer;
}

/**
 * Does the work noun at `k` say what the name is? A plural opens a list of works with "such as",
 * "including", "like" or "include" ("game as Nadal breaks" is no list); a singular stands right before
 * the name ("the film Billy Elliot,") or in apposition ("his last album, Genius Loves Company,"), and
 * the name closes the phrase: not "the film Tom Cruise made", a clause's subject (compromise reads many
 * such verbs as nouns), nor "After the film, Tom Cruise and Nicole Kidman posed".
 */
function namesWork(tokens: Token[], run: Run, k: number): boolean {
  const opener = tokens.slice(k + 1, run.from).map(lower).filter((word) => !YEAR_POSSESSIVE.test(word)).join(' ');
  if (WORK_NOUNS_PLURAL.has(lower(tokens[k]!))) return WORK_LIST_OPENERS.has(opener);
  if (opener !== '') return false;
  const next = tokens[run.to];
  const closed = !next || BREAK_AFTER.test(tokens[run.to - 1]!.post);
  // "After the film, Tom Cruise, …" is no apposition; "much of his last album, Genius Loves Company." is.
  if (tokens[k]!.post === ', ') return closed && !tokens.slice(Math.max(0, k - 2), k).some((token) => token.tags.has('Preposition'));
  return tokens[k]!.post === ' ' && (closed || isCapitalised(next!) || next!.tags.has('Preposition'));
}

const YEAR_POSSESSIVE = /^\d{4}[’']s$/;
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'its', 'their', 'his', 'her', 'our']);

/** The words between a plural work noun and the list of works it opens. */
const WORK_LIST_OPENERS = new Set(['such as', 'including', 'like', 'include', 'includes', 'included']);
/** Nouns of products and brands, a list of which may hold its makers' names ("its brands include Cadbury"): said of the list only, not of the article. */
const UNSPREAD_WORKS = new Set(['brand', 'brands', 'products', 'titles', 'software']);

/**
 * After a kind noun, does the name close the noun's phrase ("parts maker Robert Bosch.", "drugs group
 * Eli Lilly is planning"), rather than open a clause about it ("the party Ken Livingstone left")?
 */
function endsNounPhrase(tokens: Token[], run: Run): boolean {
  const next = tokens[run.to];
  if (!next || BREAK_AFTER.test(tokens[run.to - 1]!.post) || isCapitalised(next)) return true;
  return ['Preposition', 'Conjunction', 'Auxiliary', 'Copula'].some((tag) => next.tags.has(tag)) || SPEECH_VERBS.has(lower(next));
}

/** "film-makers Roger Michell", "policy-maker": makers that are people, unlike "chip-maker" or "parts maker". */
const PEOPLE_MAKING = new Set(['film', 'policy', 'decision', 'law', 'peace', 'trouble', 'match', 'money', 'holiday']);
/** Kinds of body that a person may also be. */
const PEOPLE_OR_BODIES = new Set(['broadcaster', 'owner']);
const makersOfPeople = (tokens: Token[], k: number) =>
  /^makers?$/.test(lower(tokens[k]!)) && k > 0 && tokens[k - 1]!.post === '-' && PEOPLE_MAKING.has(lower(tokens[k - 1]!));

/** "executive chair Bill Ford", "spokesman John Smith": a title in lower case right before a person's name. */
function titleBefore(mention: EntityMention, tokens: Token[], run: Run): void {
  const before = tokens[run.from - 1];
  // ("TV producer Illuminations Television Limited": not before a name a head word types.)
  const headed = strongTypesOf(mention.evidence).some((type) => type !== 'person');
  if (!before || !ROLE_HEADS.has(lower(before)) || /\p{Lu}/u.test(before.text) || BREAK_AFTER.test(before.post) || !isPersonName(mention.text) || mention.role || headed) return;
  vote(mention, 'person', 3);
  let from = run.from - 1;
  while (from > 0 && ROLE_MODIFIERS.has(lower(tokens[from - 1]!)) && !/\p{Lu}/u.test(tokens[from - 1]!.text)) from -= 1;
  mention.role = tokens.slice(from, run.from).map((token) => token.text).join(' ');
}

/** Evidence from the words around the name. */
export function typeFromContext(mention: EntityMention, tokens: Token[], run: Run): void {
  if (atVenue(tokens, run)) {
    mention.evidence = {};
    return;
  }
  // "The Beverly Hillbillies": after an article, a first name before a plural noun names a show or a
  // team, not a person ("Danny Mills" is one).
  if (lower(tokens[run.from - 1] ?? tokens[run.from]!) === 'the' && run.from > 0 && isPluralNoun(tokens[run.to - 1]!) && !mention.role) {
    mention.evidence.person = Math.min(mention.evidence.person ?? 0, 2);
  }
  // Before the words after it: "eighth seed Max Mirnyi 6-7" is a player beside a score, not a team.
  titleBefore(mention, tokens, run);
  kindAfter(mention, tokens, run);
  const kind = kindBeforeCopula(tokens, run);
  if (kind && ORGANIZATION_NOUNS.has(kind)) vote(mention, 'organization', 3);
  else if (kind && PLACE_NOUNS.has(kind)) vote(mention, 'place', 3);
  // A name the lexicon hints is a place (typeFromName) is one where the sentence uses it as one.
  if (!mention.place && (mention.evidence.place ?? 0) >= 2 && usedAsPlace(tokens, run)) vote(mention, 'place', 1);
  const apposed = appositiveKind(tokens, run);
  if (apposed) vote(mention, apposed, 3);
  // "X, the company", "the company X" are covered by lists below; a human verb after the name hints at a person.
  const next = tokens[run.to];
  const afterNext = tokens[run.to + 1];
  const verb = next && ['also', 'then', 'later'].includes(lower(next)) ? afterNext : next;
  if (verb && !tokens[run.to - 1]!.post.includes(',')) {
    if (HUMAN_VERBS.has(lower(verb))) vote(mention, 'person', 2);
    else if (SPEECH_VERBS.has(lower(verb))) vote(mention, 'person', 1);
  }
  kindBefore(mention, tokens, run);
  // ("Belfast Harlequins lock Johnny Poole", typed by nothing yet: a list of people gives it no person either.)
  if (saysNoPerson(tokens, run)) {
    if (isPersonByShape(mention)) asThing(mention);
    else mention.notPerson = true;
  }
}

/**
 * "companies such as X", "countries including X", "apps like X", "the company X": looks back a few
 * words. A noun that names the kind of X outright ("parent company ByteDance", "firms such as X")
 * types it; one further back only hints. The kind is a common noun in the same phrase: not a word of
 * another name ("the Clean Network,” Pompeo said").
 */
function kindBefore(mention: EntityMention, tokens: Token[], run: Run): void {
  let outright = true;
  for (let k = run.from - 1; k >= Math.max(0, run.from - 4); k -= 1) {
    const word = lower(tokens[k]!);
    // "films including 1989's Shirley Valentine": a work's year stands between the list's noun and the work.
    if (k === run.from - 1 && YEAR_POSSESSIVE.test(word)) continue;
    // "firms, including X" keeps its comma before the list; "his last album, Genius Loves Company" is an apposition.
    const apposition = k === run.from - 1 && WORK_NOUNS.has(word) && tokens[k]!.post === ', ';
    if (/[;:.”"]/.test(tokens[k]!.post) || (tokens[k]!.post.includes(',') && !apposition && !LIST_OPENERS.has(lower(tokens[k + 1]!)))) break;
    // A capital opening the sentence ("Apps like TikTok") is no name's.
    if (isCapitalised(tokens[k]!) && k > 0 && !OPENING.test(tokens[k]!.pre)) {
      outright = false;
      continue;
    }
    if (ORGANIZATION_NOUNS.has(word) && !makersOfPeople(tokens, k)) {
      // "comedian and broadcaster Cyril Fletcher", "Chelsea owner Roman Abramovich": a person may be these.
      if (PEOPLE_OR_BODIES.has(word) && (mention.evidence.person ?? 0) >= STRONG_VOTE) break;
      vote(mention, 'organization', outright ? 3 : 2);
      // "parts maker Robert Bosch", "accountancy firm Ernst & Young urged": the kind said outright
      // outweighs a first name; but after "the party" a name and a verb are a clause about the party
      // ("rejoined the party Ken Livingstone left").
      const determined = k > 0 && DETERMINERS.has(lower(tokens[k - 1]!));
      if (outright && (!determined || endsNounPhrase(tokens, run))) {
        if ((mention.evidence.person ?? 0) >= STRONG_VOTE && !mention.role) mention.evidence.person = 2;
        mention.kindSaid = true;
      }
      break;
    }
    if (PLACE_NOUNS.has(word)) {
      vote(mention, 'place', outright ? 3 : 2);
      break;
    }
    if (WORK_NOUNS.has(word) || WORK_NOUNS_PLURAL.has(word)) {
      if (outright && !mention.place && namesWork(tokens, run, k)) {
        asWork(mention, !UNSPREAD_WORKS.has(word));
        if (WORK_NOUNS_PLURAL.has(word)) mention.workList = true;
      }
      break;
    }
    outright &&= LIST_OPENERS.has(word);
  }
}

/**
 * Names listed together ("Oracle, HP, Reliance Jio, NEC and VMware"; "Huawei and ZTE") are of one kind:
 * the kind its members are typed as outright (votes of 3 or more) types the members that say little
 * about themselves. Hints do not add up across a list: a team sheet of forty names followed by "said"
 * is not a person.
 */
export function shareListEvidence(text: string, mentions: EntityMention[], tokens: Token[]): void {
  const ordered = [...mentions].sort((a, b) => a.start - b.start);
  // ("Nicholas Blake QC, Andrew Nicol QC and …": an honour after a name stands in no list's way.)
  const between = (a: EntityMention, b: EntityMention) =>
    tokens
      .filter((token) => token.start >= a.end && token.end <= b.start && !HONOURS.has(lower(token)))
      .map((token) => lower(token))
      .join(' ');
  let group: EntityMention[] = [];
  // Two names with only a comma between them are one thing said twice ("the Victims of Crime Trust,
  // Norman Brennan"), not a list: a list of two has "and" or "or", or goes on ("TikTok, WeChat, and others").
  let conjoined = false;
  const goesOn = (member: EntityMention) => /^(?:[’']s)?,? (?:and|or|etc)\b/.test(text.slice(member.end, member.end + 12));
  const flush = () => {
    const list = group.length > 2 || (group.length === 2 && (conjoined || goesOn(group[1]!)));
    // "games such as Populous, Theme Park and Dungeon Keeper": the noun before the list says what each member is.
    if (list && group[0]!.workList) for (const member of group) asWork(member, group[0]!.work === true);
    else if (list) {
      const total: Partial<Record<EntityType, number>> = {};
      for (const member of group) for (const [type, weight] of Object.entries(member.evidence)) if (weight >= STRONG_VOTE) total[type as EntityType] = (total[type as EntityType] ?? 0) + weight;
      const kinds = Object.entries(total).sort(([, a], [, b]) => b - a);
      // One kind, or one clearly ahead: a mixed list ("Blair, Brown and the Treasury") types no one.
      // A team sheet of fifteen surnames with one company's name among them ("… Ford, Douglas, Blair …")
      // is no list of companies: at least a third of the members must be typed outright.
      const typedMembers = group.filter((member) => strongest(member) >= STRONG_VOTE).length;
      const kind = kinds.length > 0 && (kinds.length === 1 || kinds[0]![1] > 2 * kinds[1]![1]) && typedMembers * 3 >= group.length ? (kinds[0]![0] as EntityType) : undefined;
      // "Michel Gondry for Eternal Sunshine of the Spotless Mind and Marc Forster": no person's name holds "of" or "for";
      // "the side opposite New Labour and Tony Blair": nor is one made of common words only, which the
      // lexicon lists as such (WordNet alone also lists "Langtry" and "Berry", after famous people).
      const commonWord = (word: string) => isWordNotName(word) && lexiconTags(word).length > 0;
      const noPerson = (member: EntityMention) => /\s(?:of|for|the)\s/.test(member.text) || withoutPossessive(member.text).split(' ').every((word) => commonWord(word.toLowerCase()));
      // "Buckingham Palace, Windsor Castle, Madame Tussauds and Alton Towers": a member only its first name
      // typed takes a list's other kind, at least two members typing it outright.
      const shapeGives = (member: EntityMention) => kind !== 'person' && isPersonByShape(member) && typedMembers >= 2;
      const takes = (member: EntityMention) =>
        (strongest(member) < STRONG_VOTE || shapeGives(member)) && !member.kindSaid && !(kind === 'person' && (noPerson(member) || member.notPerson));
      if (kind) for (const member of group) if (takes(member)) member.evidence = shapeGives(member) ? { [kind]: STRONG_VOTE } : { ...member.evidence, [kind]: STRONG_VOTE };
    }
    group = [];
    conjoined = false;
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
      conjoined ||= /^(?:and|or)$/.test(between(last, mention));
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
