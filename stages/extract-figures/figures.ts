/**
 * Figures: stated quantities with what they count, their qualifier, scope, holder and time. Built on
 * the number phrases of numbers.ts, the sentence's tokens (for the counted noun phrase), the entity
 * mentions (for the holder) and the date mentions (for the time and to tell dates from figures).
 */
import type { DateMention } from '../extract-dates/index.ts';
import type { EntityMention } from '../extract-entities/mentions.ts';
import type { ParsedSentence, Token } from '../parse/index.ts';
import { singularOf } from '../parse/lexicon.ts';
import { lookupPlace } from '../extract-entities/gazetteer.ts';
import { linkChanges } from './changes.ts';
import { classifyNumber, FIGURE_TYPES, type Direction, type NumberType } from './number-type.ts';
import { findNumbers } from './numbers.ts';
import { joinRanges, type RangedPhrase } from './ranges.ts';

export type Qualifier = 'exact' | 'approximate' | 'lower_bound' | 'upper_bound' | 'range';

export interface Figure {
  /** level, change, share or duration (number-type.ts): the numbers that are figures. */
  type: NumberType;
  /** For a change: up or down. */
  direction?: Direction;
  /** For a range, its ends (`value` is the low end). */
  low?: number;
  high?: number;
  /** Index, in this document's figures, of the level a change construction links this one to: the later level of "from X to Y", "rose X to Y", "Y, up from X". */
  linkedTo?: number;
  /** How it is linked: `earlier` (the level before the change) or `change` (the amount of the change). */
  link?: 'earlier' | 'change';
  sentence: number;
  start: number;
  end: number;
  /** The exact figure phrase: qualifier, number, unit and what it counts. */
  quote: string;
  value: number;
  unit: string;
  /** The noun phrase it counts, lemmatised ("commercial contract"). */
  counted?: string;
  qualifier: Qualifier;
  /** A place or condition it is limited to ("worldwide", "from Europe"). */
  scope?: string;
  /** Index, in this document's mentions, of the entity the figure is about. */
  holder?: number;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  time?: string;
  timeSource: 'text' | 'document';
  /** Index, in this document's figures, of the figure this one is part of ("including 47" of "91"). */
  partOf?: number;
}

const QUALIFIERS: [RegExp, Qualifier][] = [
  // "handed over $103,500": "over" after a verb is a particle, not a bound.
  [/(?:more than|(?<!\b(?:hand|hands|handed|handing|took|taken|take|takes|turn|turned|paid|pay|won|win|chosen|pick|picked|watch|watched|presided|preside|roll|rolled|carry|carried|sign|signed)\s)over|at least|upwards of|in excess of|above|no fewer than|no less than|greater than|bigger than|larger than|higher than|exceeding)\s+$/i, 'lower_bound'],
  [/(?:less than|fewer than|under|up to|at most|below|no more than|smaller than|lower than|within|as many as|as much as)\s+$/i, 'upper_bound'],
  [/(?:nearly|almost|about|around|approximately|roughly|some|close to|an estimated|circa|~)\s*$/i, 'approximate'],
  [/(?:just|only|exactly|precisely)\s+$/i, 'exact'],
];
const PHYSICAL_UNIT = /^\s+((?:cubic|square)\s+(?:meters?|metres?|kilometers?|kilometres?|feet|miles)|kilometers?|kilometres?|km|miles?|tons?|tonnes?|barrels?|kilograms?|kg|meters?|metres?|hectares?|acres?|gigawatts?|megawatts?|GW|MW)\b/i;
const SCOPE_WORDS = new Set(['worldwide', 'globally', 'nationwide', 'abroad', 'overseas', 'domestically', 'internationally', 'annually']);
const SCOPE_PHRASE = /^,?\s+((?:from|in|outside(?: of)?|across|within|inside|throughout|around)\s+(?:the\s+)?(?:world|globe|country|\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*){0,3}))/u;
const NOUN_TAGS = ['Noun', 'Adjective', 'Plural', 'Singular', 'Acronym', 'ProperNoun', 'Hyphenated', 'Demonym', 'Gerund'];
const STOP_TAGS = ['Verb', 'Preposition', 'Determiner', 'Conjunction', 'Pronoun', 'Adverb', 'Copula', 'Modal', 'QuestionWord', 'Value'];
/** Words between a subject and its figure: "its gold reserves were US$20 billion". */
const LINKING = new Set(['was', 'were', 'is', 'are', 'be', 'been', 'reached', 'reaching', 'reach', 'totaled', 'totalled', 'totaling', 'totalling', 'stood', 'stands', 'at', 'of', 'to', 'from', 'by', 'increased', 'rose', 'rising', 'fell', 'falling', 'grew', 'dropped', 'climbed', 'edged', 'up', 'down', 'range', 'ranged', 'ranges', 'had', 'has', 'have', 'hit', 'exceeded', 'worth', 'about', 'nearly', 'almost', 'around', 'more', 'than', 'over', 'approximately', 'roughly', 'some', 'just', 'only']);
/** Words that name a quantity's container, not what it measures: "the jobless total" measures the jobless. */
const CONTAINER = new Set(['total', 'level', 'levels', 'figure', 'figures', 'number', 'amount', 'sum', 'mark', 'value', 'tally']);
/** A verb of costing right before an amount (with its object): "would cost £1.1bn", "cost Ford $888 million". */
const COST_VERB = /\b(?:cost|costs|costing)\s+(?:(?:it|them|us|him|her|the\s+\w+|\p{Lu}\p{L}*|taxpayers?|the taxpayer)\s+)?(?:(?:a reported|an estimated|about|around|nearly|almost|more than|less than|up to|as much as|at least|over|some)\s+)?$/u;
const TIME_WORDS = new Set(['time', 'year', 'years', 'month', 'months', 'day', 'days', 'week', 'weeks', 'hour', 'hours', 'decade', 'decades', 'century', 'centuries', 'minute', 'minutes']);

const has = (token: Token, tags: string[]) => tags.some((tag) => token.tags.has(tag));
const lowerOf = (token: Token) => token.text.toLowerCase();

/** The singular of a word its sentence tagged plural. */
function singular(word: string): string {
  const key = word.toLowerCase();
  if (/(?:ss|is|us|ics|news|data|series)$/.test(key)) return key;
  return singularOf(key) || key;
}

/** "commercial contracts" → "commercial contract": the head noun singular when plural, the modifiers as written. */
export function lemmatisePhrase(tokens: Token[]): string {
  // Citation marks the tokenizer left on a word ("aircraft.[2][3]") are not part of it.
  const words = tokens.map((token) => token.text.replace(/\.?(?:\[\d*\]?)+$/, '').replace(/[’']s$/, '').toLowerCase());
  if (words.filter(Boolean).length === 0) return '';
  const head = tokens.at(-1)!;
  if (head.tags.has('Plural') || (head.tags.has('PresentTense') && /[^s]s$/.test(head.text))) words[words.length - 1] = singular(words.at(-1)!);
  // "super-casinos" stays one word.
  return words.map((word, i) => (i < words.length - 1 && tokens[i]!.post === '-' ? `${word}-` : i < words.length - 1 ? `${word} ` : word)).join('').trim();
}

/**
 * A noun phrase starting at token index `from`; returns the tokens' index range. After a count
 * (`afterCount`) the phrase ends at its first plural ("five unions meeting Mr Prescott"), and a
 * participle or a plural the tagger read as a verb may be in it ("17 paid holidays", "two nods").
 */
function nounPhrase(tokens: Token[], from: number, afterCount = false): { from: number; to: number } | undefined {
  let to = from;
  while (to < tokens.length) {
    const token = tokens[to]!;
    const nextIsNoun = to + 1 < tokens.length && has(tokens[to + 1]!, ['Noun', 'Plural']);
    const pluralVerb = afterCount && has(token, ['PresentTense']) && /[^s]s$/.test(token.text) && !has(tokens[to + 1] ?? token, ['Determiner']);
    const participle = afterCount && to === from && has(token, ['PastTense', 'Participle']) && !has(token, ['Copula', 'Auxiliary']) && !/^(?:were|was|had|did)$/i.test(token.text) && nextIsNoun;
    const nounLike = pluralVerb || participle || (has(token, NOUN_TAGS) && !(has(token, STOP_TAGS) && !has(token, ['Noun', 'Adjective', 'Hyphenated'])));
    // "service providers": a word tagged as a verb inside a compound noun.
    const compound = has(token, ['Verb']) && !has(token, ['PastTense', 'Copula', 'Modal', 'Auxiliary']) && nextIsNoun && to > from;
    // "EU and NATO countries": coordinated modifiers.
    const coordination = ['and', 'or'].includes(lowerOf(token)) && to > from && has(tokens[to - 1]!, ['ProperNoun', 'Acronym', 'Adjective']) && to + 1 < tokens.length && has(tokens[to + 1]!, ['ProperNoun', 'Acronym', 'Adjective']);
    if (!(nounLike || compound || coordination) || SCOPE_WORDS.has(lowerOf(token))) break;
    to += 1;
    if (/[,;:.()“”"!?]/.test(token.post) && !/^-$/.test(token.post.trim())) break;
    // "telecommunications service providers": a plural that modifies a noun after it does not end the phrase.
    if (afterCount && (pluralVerb || (has(token, ['Plural']) && !/^-$/.test(token.post) && !/(?:ics|tions|sales|sports|arms|goods|news|services|savings)$/i.test(token.text)))) break;
  }
  // A phrase ends on a noun, not on an adjective.
  while (to > from && !has(tokens[to - 1]!, ['Noun', 'Plural', 'Singular', 'Acronym', 'ProperNoun']) && !(afterCount && has(tokens[to - 1]!, ['PresentTense']))) to -= 1;
  return to > from ? { from, to } : undefined;
}

/** Where a word ends, without citation marks the tokenizer left on it ("aircraft.[2][3]"). */
function wordEnd(token: Token): number {
  return token.end - (/\.?(?:\[\d*\]?)+$/.exec(token.text)?.[0].length ?? 0);
}

function tokenIndexAt(tokens: Token[], offset: number): number {
  return tokens.findIndex((token) => token.start >= offset);
}

interface Context {
  text: string;
  sentence: ParsedSentence;
  mentions: EntityMention[];
  /** Index of each mention in the document's list. */
  mentionIndex: Map<EntityMention, number>;
  dates: DateMention[];
  paragraphStarts: Set<number>;
  /** Numbers used as names elsewhere in the document ("a 301 investigation"), with the noun after them. */
  identifiers: Set<string>;
}

/** Numbers used as names: "a 301 investigation" (a count above one never takes a singular noun). */
export function identifierNumbers(text: string): Set<string> {
  const found = new Set<string>();
  for (const match of text.matchAll(/\b(?:a|an|the)\s+(\d{2,5})\s+([a-z][\p{L}-]*)\b/gu)) {
    const noun = match[2]!;
    if (!/s$/.test(noun) && !TIME_WORDS.has(noun) && Number(match[1]) > 1) found.add(`${Number(match[1])} ${noun}`);
  }
  return found;
}

/** The qualifier written before the number (and how far back it starts), or after it ("200+", "or more"). */
function qualifierAt(text: string, sentence: ParsedSentence, start: number, end: number, duration: boolean): { qualifier: Qualifier; start: number; end: number } {
  const before = text.slice(Math.max(sentence.start, start - 25), start);
  for (const [pattern, kind] of QUALIFIERS) {
    const match = pattern.exec(before);
    // "over four years", "over the next 10 years": before a length of time, "over" means during.
    if (match && !(duration && /(?:^|\s)over\s+$/i.test(match[0]))) return { qualifier: kind, start: start - match[0].length, end };
  }
  const plus = /^\+|^\s+or\s+more\b/.exec(text.slice(end, sentence.end));
  if (plus) return { qualifier: 'lower_bound', start, end: end + plus[0].length };
  return { qualifier: 'exact', start, end };
}

/** The unit written after the number, when the number's own is a count: "times", "km", "years". */
function unitAfter(text: string, end: number, unit: string, durationUnit: string | undefined): { unit: string; end: number } {
  if (durationUnit) {
    const word = /^[\s-]\p{L}+/u.exec(text.slice(end))!;
    return { unit: durationUnit, end: end + word[0].length };
  }
  const times = /^\s+times\b/i.exec(text.slice(end));
  if (times) return { unit: 'ratio', end: end + times[0].length };
  const physical = PHYSICAL_UNIT.exec(text.slice(end));
  if (physical && unit === 'count') {
    const last = singular(physical[1]!.replace(/\s+/g, ' ').toLowerCase().split(' ').at(-1)!);
    return { unit: physical[1]!.toLowerCase().replace(/\S+$/, last), end: end + physical[0].length };
  }
  return { unit: unit === 'fraction' ? 'ratio' : unit, end };
}

/** Whether the tagger reads a noun phrase right after `end` ("42 aircraft", "Britain's 750 hereditary peers"). */
function nounFollowsAt(text: string, tokens: Token[], end: number): boolean {
  const at = tokenIndexAt(tokens, end);
  if (at === -1 || !/^[\s-]?$/.test(text.slice(end, tokens[at]!.start))) return false;
  return nounPhrase(tokens, at) !== undefined && !has(tokens[at]!, ['Value']);
}

/** What a figure counts: the noun phrase after it (past a bracketed conversion), else "of the …", else the subject before it. */
function countedAfter(ctx: Context, start: number, end: number, unit: string): { counted?: string; end: number; named: boolean } {
  const { text, sentence } = ctx;
  const tokens = sentence.tokens;
  const bracket = /^\s*\([^()]{0,60}\)/.exec(text.slice(end));
  const worth = unit !== 'count' && unit !== 'percent' ? /^\s+worth\s+of\s+/.exec(text.slice(end)) : null;
  // "a dozen more Ford facilities", "six other unions": the noun after "more" or "other".
  const more = /^\s+(?:more|other|additional|extra|further)\s+(?=\S)/.exec(text.slice(end));
  let at = tokenIndexAt(tokens, end + (bracket ? bracket[0].length : worth ? worth[0].length : more && unit === 'count' ? more[0].length : 0));
  let phraseRange = at === -1 ? undefined : nounPhrase(tokens, at, unit === 'count');
  if (phraseRange && TIME_WORDS.has(lowerOf(tokens[phraseRange.from]!)) && unit !== 'count') phraseRange = undefined;
  if (phraseRange) {
    const counted = withoutContainer(lemmatisePhrase(tokens.slice(phraseRange.from, phraseRange.to)));
    return { counted, end: bracket ? end : wordEnd(tokens[phraseRange.to - 1]!), named: counted !== undefined };
  }
  const afterBracket = end + (bracket ? bracket[0].length : 0);
  // "$21 billion in profits", "£12.6m on training", "70m euros ($91m) in aid": an amount spent in or on something.
  const spentOn = unit !== 'count' && unit !== 'percent' ? /^\s+(?:in|on)\s+(?!(?:the|a|an|its|his|her|their|this|that|each|every|total|all)\b)(?=\p{Ll})/u.exec(text.slice(afterBracket)) : null;
  if (spentOn) {
    const range = nounPhrase(tokens, tokenIndexAt(tokens, afterBracket + spentOn[0].length));
    if (range && !TIME_WORDS.has(lowerOf(tokens[range.from]!))) return { counted: lemmatisePhrase(tokens.slice(range.from, range.to)), end, named: true };
  }
  // "$76 for each Guidant share": the price of one of something.
  const each = unit !== 'count' && unit !== 'percent' ? /^\s+for\s+(?:each|every)\s+/.exec(text.slice(afterBracket)) : null;
  if (each) {
    const range = nounPhrase(tokens, tokenIndexAt(tokens, afterBracket + each[0].length));
    if (range) return { counted: lemmatisePhrase(tokens.slice(range.from, range.to)), end, named: true };
  }
  // "would cost £1.1bn": what the amount is, is a cost.
  if (unit !== 'count' && unit !== 'percent' && COST_VERB.test(text.slice(Math.max(ctx.sentence.start, start - 40), start))) return { counted: 'cost', end, named: true };
  let counted: string | undefined;
  const ofPhrase = /^\)?\s*(?:\(\s*[\d,.]+\s*\)\s*)?of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?/.exec(text.slice(end));
  if (ofPhrase && unit !== 'count') {
    at = tokenIndexAt(tokens, end + ofPhrase[0].length);
    while (at !== -1 && at < tokens.length && /[’']s$/.test(tokens[at]!.text)) at += 1;
    const range = at === -1 ? undefined : nounPhrase(tokens, at);
    if (range) {
      counted = lemmatisePhrase(tokens.slice(range.from, range.to));
      // The quote reads as written: "nearly 80% of international partners".
      if (!ofPhrase[0].includes('(') && !ofPhrase[0].includes(')')) end = wordEnd(tokens[range.to - 1]!);
    }
  }
  // "only 5 were US companies": what a bare number counts may follow a copula.
  const copula = unit === 'count' ? /^\s+(?:were|are|was|is)\s+(?:the\s+|all\s+)?/.exec(text.slice(end)) : null;
  if (copula) {
    const range = nounPhrase(tokens, tokenIndexAt(tokens, end + copula[0].length));
    if (range) counted = lemmatisePhrase(tokens.slice(range.from, range.to));
  }
  if (!counted) counted = subjectBefore(tokens, start, unit === 'count');
  return { counted: counted && withoutContainer(counted), end, named: false };
}

/** A number phrase of the sentence with the type it was given. */
interface Classified {
  phrase: RangedPhrase;
  type: NumberType;
}

/** Figures of one sentence. `offset` is the index the first figure will have in the document's list. */
export function findFigures(ctx: Context, offset: number): Figure[] {
  const { text, sentence } = ctx;
  const sentenceText = text.slice(sentence.start, sentence.end);
  const figures: Figure[] = [];
  const phraseEnds: number[] = [];
  let previous: Classified | undefined;
  for (const phrase of joinRanges(sentenceText, findNumbers(sentenceText))) {
    const figure = figureOf(ctx, phrase, figures, previous);
    previous = { phrase, type: figure.type };
    if (!figure.figure) continue;
    figures.push(figure.figure);
    phraseEnds.push(figure.numberEnd);
  }
  linkParts(text, figures, phraseEnds, offset);
  linkChanges(text, figures, phraseEnds, offset, ctx.dates);
  shareCountedNouns(text, figures, phraseEnds, offset);
  return figures;
}

/** The figure a number phrase states, or undefined when the number is not a figure (number-type.ts). */
function figureOf(ctx: Context, phrase: RangedPhrase, earlier: Figure[], previous: Classified | undefined): { type: NumberType; figure?: Figure; numberEnd: number } {
  const { text, sentence } = ctx;
  const sentenceText = text.slice(sentence.start, sentence.end);
  const numberStart = sentence.start + phrase.start;
  const phraseEnd = sentence.start + phrase.end;
  const next = /^\s+([\p{L}-]+)/u.exec(text.slice(phraseEnd))?.[1]?.toLowerCase();
  const kind = classifyNumber({
    sentence: sentenceText,
    phrase,
    inDate: ctx.dates.some((date) => numberStart < date.end && phraseEnd > date.start),
    namedElsewhere: phrase.unit === 'count' && next !== undefined && (ctx.identifiers.has(`${phrase.value} ${next}`) || ctx.identifiers.has(`${phrase.value} ${next.replace(/s$/, '')}`)),
    nounFollows: nounFollowsAt(text, sentence.tokens, phraseEnd),
    opensParagraph: ctx.paragraphStarts.has(numberStart),
    ...(previous ? { previous: { type: previous.type, between: text.slice(sentence.start + previous.phrase.end, numberStart) } } : {}),
  });
  if (!FIGURE_TYPES.has(kind.type)) return { type: kind.type, numberEnd: phraseEnd };
  const bounds = qualifierAt(text, sentence, numberStart, phraseEnd, kind.type === 'duration');
  const qualifier: Qualifier = phrase.high !== undefined ? 'range' : bounds.qualifier;
  const measured = unitAfter(text, bounds.end, phrase.unit, kind.type === 'duration' ? kind.unit : undefined);
  let unit = kind.unit ?? measured.unit;
  let numberEnd = measured.end;
  // "a 35-year-old": the age is the number with its "-year-old".
  if (kind.counted === 'age') numberEnd += /^(?:-|\s+)years?(?:[-\s]olds?)?/i.exec(text.slice(numberEnd))?.[0].length ?? 0;
  // "a 56-point deal": the count is of its compound word.
  else if (kind.counted) numberEnd += /^-\p{L}+/u.exec(text.slice(numberEnd))?.[0].length ?? 0;
  let counted: string | undefined = kind.counted;
  let end = numberEnd;
  let named = counted !== undefined;
  if (kind.type !== 'duration' && counted === undefined) ({ counted, end, named } = countedAfter(ctx, bounds.start, numberEnd, unit));
  if (counted && TIME_WORDS.has(counted)) counted = undefined;
  const last = earlier.at(-1);
  // A conversion in brackets ("$2bn (£1.05bn) settlement", "more than $1,000bn (£537bn)") states the same figure.
  const converted = last && /^\s*(?:\(|;)\s*$/.test(text.slice(last.end, bounds.start)) && kind.type === last.type;
  let figureQualifier = qualifier;
  if (converted) {
    if (!named) counted = last.counted;
    if (qualifier === 'exact') figureQualifier = last.qualifier;
  }
  // "90 deals have dwindled to just 12": a bare number counts what the figure before it counted.
  if (!counted && !named && last?.counted && last.unit === unit && kind.type === 'level' && last.type === 'level') counted = last.counted;
  if (unit === 'fraction') unit = 'ratio';
  return {
    type: kind.type,
    figure: {
      type: kind.type,
      ...(kind.direction ? { direction: kind.direction } : {}),
      ...(phrase.high !== undefined ? { low: phrase.low!, high: phrase.high } : {}),
      sentence: sentence.ordinal,
      start: bounds.start,
      end,
      quote: text.slice(bounds.start, end),
      value: phrase.value,
      unit,
      counted,
      qualifier: figureQualifier,
      scope: scopeAfter(text, end, sentence.end),
      holder: holderOf(ctx, bounds.start),
      ...timeOf(ctx, numberEnd),
    },
    numberEnd,
  };
}

/** A phrase without its container head ("jobless total" → "jobless"); a threshold alone ("the $100m mark") counts nothing. */
function withoutContainer(phrase: string): string | undefined {
  const words = phrase.split(' ');
  if (!CONTAINER.has(words.at(-1)!)) return phrase;
  // "the world total", "the UK figure": a place says whose total it is, not what it measures.
  if (words.length === 2 && (words[0] === 'world' || lookupPlace(words[0]!) !== undefined)) return phrase;
  return words.length > 1 ? words.slice(0, -1).join(' ') : phrase === 'mark' ? undefined : phrase;
}

/**
 * Numbers that count what a neighbour counts: "12 and 11 players", "64 respondents out of 146", and
 * the level a change reached ("unemployment levels edged up 0.1% to 4.7%").
 */
function shareCountedNouns(text: string, figures: Figure[], numberEnds: number[], offset: number): void {
  for (let i = figures.length - 2; i >= 0; i -= 1) {
    const [figure, next] = [figures[i]!, figures[i + 1]!];
    if (!figure.counted && next.counted && figure.unit === next.unit && /^\s+(?:and|or)\s+$/.test(text.slice(numberEnds[i]!, next.start))) figure.counted = next.counted;
  }
  figures.forEach((figure, i) => {
    const previous = figures[i - 1];
    if (!figure.counted && previous?.counted && figure.unit === previous.unit && /^\s+out\s+of\s+$/.test(text.slice(previous.end, figure.start))) figure.counted = previous.counted;
    if (figure.linkedTo !== undefined && figure.counted) {
      const later = figures[figure.linkedTo - offset];
      if (later && !later.counted) later.counted = figure.counted;
    }
  });
}

/** The noun phrase before a figure, across linking words: "its gold reserves were US$20 billion". */
function subjectBefore(tokens: Token[], start: number, count = false): string | undefined {
  let k = tokens.findIndex((token) => token.end > start) - 1;
  if (k < 0) k = tokens.length - 1;
  const last = k;
  while (k >= 0 && LINKING.has(lowerOf(tokens[k]!))) k -= 1;
  // "pay Rwanda £2m", "a further £120m": a noun right before the amount receives it or qualifies it; only a subject across a linking word measures it.
  if (k === last) return undefined;
  // A bare count takes a subject only across a verb of reaching: "the jobless total had reached 5.037 million".
  if (count && !tokens.slice(k + 1, last + 1).some((token) => /^(?:reached|reaching|totall?ed|totall?ing|stood|hit|exceeded|was|were|is|are|rose|fell|rising|falling)$/i.test(token.text))) return undefined;
  const to = k + 1;
  // "its gold reserves increased": compromise may tag a plural noun before a verb as a verb itself.
  const nounish = (i: number) =>
    (has(tokens[i]!, ['Noun', 'Plural', 'Singular', 'Adjective']) && !has(tokens[i]!, ['Possessive'])) ||
    (i === to - 1 && i > 0 && /s$/.test(tokens[i]!.text) && has(tokens[i]!, ['PresentTense']) && has(tokens[i - 1]!, ['Noun', 'Adjective']));
  while (k >= 0 && nounish(k) && !has(tokens[k]!, ['Pronoun', 'Determiner']) && !/[,;:]/.test(tokens[k]!.post)) k -= 1;
  const from = k + 1;
  if (to <= from) return undefined;
  return lemmatisePhrase(tokens.slice(from, to));
}

function scopeAfter(text: string, end: number, sentenceEnd: number): string | undefined {
  const rest = text.slice(end, sentenceEnd);
  const word = /^,?\s+([a-z]+)/.exec(rest)?.[1];
  if (word && SCOPE_WORDS.has(word)) return word;
  const phrase = SCOPE_PHRASE.exec(rest)?.[1];
  if (phrase && !/\b(?:1[5-9]|20)\d{2}\b/.test(phrase)) return phrase.replace(/[.,]$/, '');
  return undefined;
}

/** The entity a figure is about: a possessive right before it, else the sentence's subject mention before it. */
function holderOf(ctx: Context, start: number): number | undefined {
  const before = ctx.mentions.filter((mention) => mention.end <= start && mention.sentence === ctx.sentence.ordinal);
  const possessive = before.filter((mention) => /^[’']s\b/.test(ctx.text.slice(mention.end, mention.end + 3)) && start - mention.end < 30).at(-1);
  if (possessive) return ctx.mentionIndex.get(possessive);
  const ofHolder = before.filter((mention) => /^\s+(?:of|with)\s+(?:more than\s+|over\s+|nearly\s+|about\s+)?$/.test(ctx.text.slice(mention.end, start))).at(-1);
  if (ofHolder) return ctx.mentionIndex.get(ofHolder);
  // "Spain has 157,000 cases, while China … has nearly 83,000": a figure in a contrasting clause
  // belongs to that clause's subject.
  const clause = [...ctx.text.slice(ctx.sentence.start, start).matchAll(/\b(?:while|whereas|but|although|though)\b|;/g)].at(-1);
  if (clause) {
    // Only a name that opens the clause is its subject ("while China …", not "; among … fined by the United States").
    const opening = ctx.sentence.start + clause.index + clause[0].length;
    const clauseSubject = before.find((mention) => mention.start >= opening && /^[\s,]*(?:the\s+)?$/i.test(ctx.text.slice(opening, mention.start)));
    return clauseSubject ? ctx.mentionIndex.get(clauseSubject) : undefined;
  }
  const subject = before[0];
  if (!subject) return undefined;
  // "Pompeo announced that more than 40 countries …": the figure belongs to the reported clause, not the speaker.
  if (/\b(?:said|says|announced|mentioned|stated|added|noted|claimed|told|reported|believes?|explained)\b[^.]*?\bthat\b/.test(ctx.text.slice(subject.end, start))) return undefined;
  // The subject opens its clause: nothing but a determiner or an introductory phrase before it.
  const lead = ctx.text.slice(ctx.sentence.start, subject.start);
  if (/^(?:[“"]?(?:the\s+)?|(?:in addition|as a result|in the end|however|moreover|also),\s+(?:the\s+)?)$/i.test(lead)) return ctx.mentionIndex.get(subject);
  return undefined;
}

/** The date written right after the figure ("$14.51 billion in 1938"), else the nearest one before it, else any in the sentence. */
function timeOf(ctx: Context, end: number): Pick<Figure, 'time' | 'timeSource'> {
  const right = ctx.dates.find((date) => date.start >= end && date.start - end <= 12);
  const date = right ?? ctx.dates.filter((candidate) => candidate.end <= end).at(-1) ?? ctx.dates[0];
  return date ? { time: date.value, timeSource: 'text' } : { timeSource: 'document' };
}

/**
 * "91 … contracts worldwide, including 47 from Europe" and "14 of the 21 companies": the second figure
 * is part of the first, and counts what the first counts when it names nothing itself.
 */
function linkParts(text: string, figures: Figure[], numberEnds: number[], offset: number): void {
  figures.forEach((figure, i) => {
    const previous = figures[i - 1];
    if (previous && /,?\s*(?:including|of which|among them|among which)\s+$/i.test(text.slice(previous.end, figure.start))) {
      figure.partOf = offset + i - 1;
      figure.counted ??= previous.counted;
    }
    const next = figures[i + 1];
    if (next && /^\s+of\s+(?:the\s+)?$/.test(text.slice(numberEnds[i]!, next.start)) && figure.unit === next.unit) {
      figure.partOf = offset + i + 1;
      figure.counted = next.counted;
      figure.end = numberEnds[i]!;
      figure.quote = text.slice(figure.start, figure.end);
    }
    // "30% (474) of the investigations": the number in brackets counts what the one before it counts.
    if (previous && /^\s*\($/.test(text.slice(previous.end, figure.start)) && !figure.counted) figure.counted = previous.counted;
  });
}

export type { Context as FigureContext };
