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
const COST_VERB = /\b(?:cost|costs|costing)\s+(?:(?:it|them|us|him|her|the\s+\w+|\p{Lu}\p{L}*|taxpayers?|the taxpayer)\s+)?(?:(?:a reported|an estimated|about|around|nearly|almost|more than|less than|up to|as much as|at least|over|some)\s+)?$/u;

/** What a figure counts: the noun phrase after it (past a bracketed conversion), else "of the …", else the subject before it. */
export function countedAfter(text: string, sentence: ParsedSentence, start: number, end: number, unit: string): { counted?: string; end: number; named: boolean } {
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
  if (unit !== 'count' && unit !== 'percent' && COST_VERB.test(text.slice(Math.max(sentence.start, start - 40), start))) return { counted: 'cost', end, named: true };
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
