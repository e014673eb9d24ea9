/** What the entity finder reads of a sentence's tokens: where a name may break, and a word's shape. */
import type { Token } from '../parse/index.ts';
import { lexiconTags, singularOf } from '../parse/lexicon.ts';
import { sensesOf } from '../reconcile/wordnet.ts';
import { MINOR_WORDS } from './vocabulary.ts';

/** Punctuation after a token that ends a name. */
export const BREAK_AFTER = /[,;:()[\]“”"!?…\n]|[.](?!\S)|—|–|\s-{1,2}(?:\s|$)|^-{1,2}\s/;
/** Punctuation before a token that opens a quote or a bracket. */
export const OPENING = /[“"‘([]/;
export const POSSESSIVE = /[’']s$/;
/** "General Motors'", "workers'": a plural's possessive, which also ends a name. */
export const PLURAL_POSSESSIVE = /s[’']$/;
/** The same when the splitter leaves the apostrophe after the word. */
export const endsInPluralPossessive = (token: Token) => PLURAL_POSSESSIVE.test(token.text) || (token.text.endsWith('s') && /^[’']/.test(token.post));
export const ROMAN = /^[IVXLC]+\.?$/;

/** The text without a final possessive "'s" or "’s" (as POSSESSIVE replaced, without a regular expression per row). */
export function withoutPossessive(text: string): string {
  return text.endsWith('s') && (text[text.length - 2] === "'" || text[text.length - 2] === '’') ? text.slice(0, -2) : text;
}

export const lower = (token: Token) => token.text.toLowerCase().replace(/\.$/, '');
export const isCapitalised = (token: Token) => /^\p{Lu}/u.test(token.text) && !/[\d$€£¥]/.test(token.text);
export const hasTag = (token: Token, tags: readonly string[]) => tags.some((tag) => token.tags.has(tag));
export const isAcronym = (token: Token) => /^(?:\p{Lu}\.){2,}$|^\p{Lu}{2,6}$|^\p{Lu}[\p{Lu}&]{1,5}$/u.test(token.text.replace(POSSESSIVE, ''));

/** A run of tokens, `to` one past the last. */
export interface Run {
  from: number;
  to: number;
}

/** "Springboks", "Hillbillies", "Harriers": the plural of a dictionary noun, which no surname the lexicon knows is ("Williams"). */
export function isPluralNoun(token: Token): boolean {
  const word = lower(token);
  if (!/\p{Ll}s$/u.test(word) || lexiconTags(word).some((tag) => /Name|Person/.test(tag))) return false;
  // A short stem is as often a surname's ("Lins"): only longer ones are taken as nouns.
  const singular = singularOf(word);
  return singular.length >= 4 && sensesOf(singular).some((sense) => sense.part === 'noun');
}

/** A word of the dictionary (WordNet) that compromise's lexicon knows as no person's name: "arsenal", "educational", not "david". */
export const isWordNotName = (word: string) => sensesOf(word).length > 0 && !lexiconTags(word).some((tag) => /Name|Person/.test(tag));

/** "Conservative", "Democratic", "Independent": a word the dictionary has as an adjective. */
export const isAdjective = (token: Token) => sensesOf(lower(token)).some((sense) => sense.part === 'adj');

/** A word WordNet knows only as an adjective ("olympic", "islamic"). */
export const isOnlyAdjective = (word: string) => {
  const senses = sensesOf(word);
  return senses.length > 0 && senses.every((sense) => sense.part === 'adj');
};

/** The initials of a name of several words, minor words aside: "Royal Bank of Scotland" is "RBS". */
export function initialsOf(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((word) => word && !MINOR_WORDS.has(word.toLowerCase()))
    .map((word) => word[0]!.toUpperCase())
    .join('');
}

/** A word of 2 to 6 capitals, dots aside, or its plural: initials ("IDS", "CCP", "MPs"). */
export const INITIALS = /^\p{Lu}{2,6}s?$/u;
