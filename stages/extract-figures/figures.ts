/**
 * Figures: stated quantities with what they count, their qualifier, scope, holder and time. Built on
 * the number phrases of numbers.ts, the sentence's tokens (for the counted noun phrase), the entity
 * mentions (for the holder) and the date mentions (for the time and to tell dates from figures).
 */
import type { DateMention } from '../extract-dates/index.ts';
import type { EntityMention } from '../extract-entities/mentions.ts';
import type { ParsedSentence, Token } from '../parse/index.ts';
import { linkChanges } from './changes.ts';
import { countedAfter } from './counted.ts';
import { has, nounPhrase, SCOPE_WORDS, singular, TIME_WORDS, tokenIndexAt } from './noun-phrase.ts';
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
const SCOPE_PHRASE = /^,?\s+((?:from|in|outside(?: of)?|across|within|inside|throughout|around)\s+(?:the\s+)?(?:world|globe|country|\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*){0,3}))/u;


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
  if (kind.type !== 'duration' && counted === undefined) ({ counted, end, named } = countedAfter(text, sentence, bounds.start, numberEnd, unit, earlier.at(-1)));
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
