/**
 * What a figure counts or measures: the noun phrase after the number, "of the …", an amount spent "in"
 * or "on" something, the price "for each" thing, a verb of costing, or the subject before the number.
 */
import type { ParsedSentence, Token } from '../parse/index.ts';
import { lookupPlace } from '../extract-entities/gazetteer.ts';
import { has, lemmatisePhrase, lowerOf, nounPhrase, TIME_WORDS, tokenIndexAt, wordEnd } from './noun-phrase.ts';

/** Words between a subject and its figure: "its gold reserves were US$20 billion". */
const LINKING = new Set(['was', 'were', 'is', 'are', 'be', 'been', 'reached', 'reaching', 'reach', 'totaled', 'totalled', 'totaling', 'totalling', 'stood', 'stands', 'at', 'of', 'to', 'from', 'by', 'increased', 'rose', 'rising', 'fell', 'falling', 'grew', 'dropped', 'climbed', 'edged', 'up', 'down', 'range', 'ranged', 'ranges', 'had', 'has', 'have', 'hit', 'exceeded', 'worth', 'about', 'nearly', 'almost', 'around', 'more', 'than', 'over', 'approximately', 'roughly', 'some', 'just', 'only']);
/** Words that name a quantity's container, not what it measures: "the jobless total" measures the jobless. */
const CONTAINER = new Set(['total', 'level', 'levels', 'figure', 'figures', 'number', 'amount', 'sum', 'mark', 'value', 'tally']);
/** A verb of costing right before an amount (with its object): "would cost £1.1bn", "cost Ford $888 million". */
const COST_VERB = /\b(?:cost|costs|costing)\s+(?:(?:it|them|us|him|her|the\s+\w+|\p{Lu}\p{L}*|taxpayers?|the taxpayer)\s+)?(?:(?:a total of|a reported|an estimated|about|around|nearly|almost|more than|less than|up to|as much as|at least|over|some)\s+)?$/u;

/** What a figure counts: the noun phrase after it (past a bracketed conversion), else what an amount is spent on or paid for, else "of the …", else the subject before it. */
export function countedAfter(text: string, sentence: ParsedSentence, start: number, end: number, unit: string, previous?: PreviousFigure): { counted?: string; end: number; named: boolean } {
  const tokens = sentence.tokens;
  const bracket = /^\s*\([^()]{0,60}\)/.exec(text.slice(end));
  const worth = unit !== 'count' && unit !== 'percent' ? /^\s+worth\s+of\s+/.exec(text.slice(end)) : null;
  // "a dozen more Ford facilities", "six other unions": the noun after "more" or "other".
  const more = /^\s+(?:more|other|additional|extra|further)\s+(?=\S)/.exec(text.slice(end));
  const skip = end + (bracket ? bracket[0].length : worth ? worth[0].length : more && unit === 'count' ? more[0].length : 0);
  const at = tokenIndexAt(tokens, skip);
  // "$407 million, Axios reported": a comma ends the number's phrase; what follows is another clause
  // (quote marks do not: "several hundred" people, six "commercial spies").
  let phraseRange = at === -1 || !/^[\s"“”‘’-]*$/.test(text.slice(skip, tokens[at]!.start)) ? undefined : nounPhrase(tokens, at, unit === 'count');
  if (phraseRange && TIME_WORDS.has(lowerOf(tokens[phraseRange.from]!)) && unit !== 'count') phraseRange = undefined;
  if (phraseRange) {
    // "seven million telephone numbers": a plural right after a count is what is counted, not a container.
    const counted = unit === 'count' && has(tokens[phraseRange.to - 1]!, ['Plural']) ? lemmatisePhrase(tokens.slice(phraseRange.from, phraseRange.to)) : withoutContainer(lemmatisePhrase(tokens.slice(phraseRange.from, phraseRange.to)));
    return { counted, end: bracket ? end : wordEnd(tokens[phraseRange.to - 1]!), named: counted !== undefined };
  }
  const afterBracket = end + (bracket ? bracket[0].length : 0);
  const amount = unit !== 'count' && unit !== 'percent' ? amountOf(text, sentence, start, afterBracket) : undefined;
  if (amount) return { counted: amount, end, named: true };
  return { ...countedAround(text, tokens, start, end, unit, previous), named: false };
}

/** Per a stated period: "£1m a year", "$15.78 an hour", "£4.99 per month". */
const PER_PERIOD = /^\s+(?:a|an|per|each|every)\s+(?:year|month|week|day|hour)\b/;

/** What an amount of money is spent on, paid for, or the pay of; `end` is after the amount (and its conversion). */
function amountOf(text: string, sentence: ParsedSentence, start: number, end: number): string | undefined {
  const tokens = sentence.tokens;
  // "£1m a year on staff costs": the period is said between the amount and what it is spent on.
  const period = PER_PERIOD.exec(text.slice(end));
  const afterPeriod = end + (period ? period[0].length : 0);
  // "$21 billion in profits", "£12.6m on training", "70m euros ($91m) in aid": an amount spent in or on something.
  const spentOn = /^\s+(?:in|on)\s+(?!(?:the|a|an|its|his|her|their|this|that|each|every|total|all)\b)(?=\p{Ll})/u.exec(text.slice(afterPeriod));
  if (spentOn) {
    const range = nounPhrase(tokens, tokenIndexAt(tokens, afterPeriod + spentOn[0].length));
    if (range && !TIME_WORDS.has(lowerOf(tokens[range.from]!))) return lemmatisePhrase(tokens.slice(range.from, range.to));
  }
  // "$76 for each Guidant share": the price of one of something.
  const each = /^\s+for\s+(?:each|every)\s+/.exec(text.slice(end));
  if (each) {
    const range = nounPhrase(tokens, tokenIndexAt(tokens, end + each[0].length));
    if (range) return lemmatisePhrase(tokens.slice(range.from, range.to));
  }
  const before = text.slice(Math.max(sentence.start, start - 40), start);
  // "would cost £1.1bn": what the amount is, is a cost.
  if (COST_VERB.test(before)) return 'cost';
  // "employees earning between $80,000 and $96,000 a year": pay stated per period is the pay of whoever earns it.
  const earn = period ? /\b(?:earning|earns|earned|earn)\s+(?:between\s+)?$/i.exec(before) : null;
  if (earn) return commonNounBefore(tokens, start - earn[0].length);
  // "the Mac mini to sell for £339", "tickets, priced at between €59.50 and €80": a price is the price of what is sold.
  const sold = /\b(?:sells?|sold|selling|retails?|retailed|retailing|priced)\s+(?:for|at)\s+(?:between\s+)?$/i.exec(before);
  if (sold) return commonNounBefore(tokens, start - sold[0].length);
  // "a download subscription service for £4.99 per month": a sum per period paid for a noun is what it pays for.
  const paidFor = period ? /\bfor\s$/.exec(before) : null;
  return paidFor ? commonNounBefore(tokens, start - paidFor[0].length) : undefined;
}

/** Verbs and "to" between a subject and its verb: "the Mac mini to sell", "shares will sell". */
const AUXILIARY = /^(?:to|will|would|could|can|should|may|might|is|are|was|were|be|been|being|expected|likely)$/i;

/**
 * The common noun phrase ending before the verb at `offset` ("all our current hourly employees
 * earning", "the Mac mini to sell"), past auxiliaries; not a name or a pronoun. The head may carry a
 * comma ("tickets, priced at"): a participle after a comma still describes the noun before it.
 */
function commonNounBefore(tokens: Token[], offset: number): string | undefined {
  let to = tokens.findIndex((token) => token.end > offset);
  while (to > 0 && AUXILIARY.test(tokens[to - 1]!.text) && !/[,;:]/.test(tokens[to - 1]!.post)) to -= 1;
  if (to <= 0 || has(tokens[to - 1]!, ['Pronoun']) || !has(tokens[to - 1]!, ['Noun'])) return undefined;
  let from = to - 1;
  while (from > 0 && has(tokens[from - 1]!, ['Noun', 'Plural', 'Adjective']) && !has(tokens[from - 1]!, ['Pronoun', 'Determiner', 'Possessive']) && !/[,;:]/.test(tokens[from - 1]!.post)) from -= 1;
  // A name is not what a price or a wage is of ("Rover sold for £10"); a product name with a common head is ("the Mac mini").
  return tokens.slice(from, to).every((token) => has(token, ['ProperNoun'])) ? undefined : lemmatisePhrase(tokens.slice(from, to));
}

/** What a figure counts when no noun phrase follows it: "of the …", a noun after a copula, a count before it, or the subject before it. */
function countedAround(text: string, tokens: Token[], start: number, end: number, unit: string, previous: PreviousFigure | undefined): { counted?: string; end: number } {
  let counted: string | undefined;
  const ofPhrase = /^\)?\s*(?:\(\s*[\d,.]+\s*\)\s*)?of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?/.exec(text.slice(end));
  if (ofPhrase && unit !== 'count') {
    let at = tokenIndexAt(tokens, end + ofPhrase[0].length);
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
  if (!counted) counted = worthOfCount(text, start, unit, previous) ?? subjectBefore(tokens, start, unit === 'count');
  return { counted: counted && withoutContainer(counted), end };
}

/** The figure before this one in its sentence: what it counts, where it ends, its unit. */
export interface PreviousFigure {
  counted?: string;
  end: number;
  unit: string;
}

/**
 * "5.1 billion free referrals to Australian publishers worth AU$407m": an amount "worth" after a
 * count of things, with only a short prepositional phrase between, is what those things are worth
 * ("worth" postmodifies the whole noun phrase, whose head is the counted noun, not the preposition's object).
 */
function worthOfCount(text: string, start: number, unit: string, previous: PreviousFigure | undefined): string | undefined {
  if (unit === 'count' || unit === 'percent' || !previous?.counted || previous.unit !== 'count') return undefined;
  const between = text.slice(previous.end, start);
  return /^\s+(?:to|of|in|for|from|on|with)\s+(?:[\p{L}’'-]+\s+){1,4}worth\s+$/u.test(between) ? previous.counted : undefined;
}

/** A phrase without its container head ("jobless total" → "jobless"); a threshold alone ("the $100m mark") counts nothing. */
function withoutContainer(phrase: string): string | undefined {
  const words = phrase.split(' ');
  if (!CONTAINER.has(words.at(-1)!)) return phrase;
  // "the world total", "the UK figure": a place says whose total it is, not what it measures.
  if (words.length === 2 && (words[0] === 'world' || lookupPlace(words[0]!) !== undefined)) return phrase;
  return words.length > 1 ? words.slice(0, -1).join(' ') : phrase === 'mark' ? undefined : phrase;
}

/** The noun phrase before a figure, across linking words: "its gold reserves were US$20 billion". */
function subjectBefore(tokens: Token[], start: number, count = false): string | undefined {
  let k = tokens.findIndex((token) => token.end > start) - 1;
  if (k < 0) k = tokens.length - 1;
  const last = k;
  while (k >= 0 && LINKING.has(lowerOf(tokens[k]!))) k -= 1;
  // "traffic that is worth $407m": a relative pronoun stands for the noun before it.
  if (k > 0 && k < last && /^(?:that|which)$/i.test(tokens[k]!.text) && !/[,;:]/.test(tokens[k - 1]!.post)) k -= 1;
  // "pay Rwanda £2m", "a further £120m": a noun right before the amount receives it or qualifies it; only a subject across a linking word measures it.
  if (k === last) return undefined;
  // A bare count takes a subject only across a verb of reaching: "the jobless total had reached 5.037 million".
  if (count && !tokens.slice(k + 1, last + 1).some((token) => /^(?:reached|reaching|totall?ed|totall?ing|stood|hit|exceeded|was|were|is|are|rose|fell|rising|falling)$/i.test(token.text))) return undefined;
  const to = k + 1;
  // "its gold reserves increased": compromise may tag a plural noun before a verb as a verb itself.
  const nounish = (i: number) =>
    (has(tokens[i]!, ['Noun', 'Plural', 'Singular', 'Adjective']) && !has(tokens[i]!, ['Possessive'])) ||
    (i === to - 1 && i > 0 && /s$/.test(tokens[i]!.text) && has(tokens[i]!, ['PresentTense']) && has(tokens[i - 1]!, ['Noun', 'Adjective']));
  // A comma or a spaced dash ends the clause the subject is in ("Facebook – traffic that is worth").
  while (k >= 0 && nounish(k) && !has(tokens[k]!, ['Pronoun', 'Determiner']) && !/[,;:–—]|\s-\s/.test(tokens[k]!.post)) k -= 1;
  const from = k + 1;
  // "This would amount to £1.8m": a word after a modal is a verb, whatever its tag.
  if (to <= from || (from > 0 && has(tokens[from - 1]!, ['Modal']))) return undefined;
  return lemmatisePhrase(tokens.slice(from, to));
}
