/**
 * Noun phrases on compromise's tagged tokens: where one starts and ends, and its lemma ("commercial
 * contracts" → "commercial contract"). What a figure counts is one of these.
 */
import type { Token } from '../parse/index.ts';
import { singularOf } from '../parse/lexicon.ts';

/** Adverbs of place after a figure: its scope (figures.ts), never part of what it counts. */
export const SCOPE_WORDS = new Set(['worldwide', 'globally', 'nationwide', 'abroad', 'overseas', 'domestically', 'internationally', 'annually']);
const NOUN_TAGS = ['Noun', 'Adjective', 'Plural', 'Singular', 'Acronym', 'ProperNoun', 'Hyphenated', 'Demonym', 'Gerund'];
const STOP_TAGS = ['Verb', 'Preposition', 'Determiner', 'Conjunction', 'Pronoun', 'Adverb', 'Copula', 'Modal', 'QuestionWord', 'Value'];
export const TIME_WORDS = new Set(['time', 'year', 'years', 'month', 'months', 'day', 'days', 'week', 'weeks', 'hour', 'hours', 'decade', 'decades', 'century', 'centuries', 'minute', 'minutes']);

export const has = (token: Token, tags: string[]) => tags.some((tag) => token.tags.has(tag));
export const lowerOf = (token: Token) => token.text.toLowerCase();

/** The singular of a word its sentence tagged plural. */
export function singular(word: string): string {
  const key = word.toLowerCase();
  if (/(?:ss|is|us|ics|news|data|series)$/.test(key)) return key;
  return singularOf(key) || key;
}

/** "commercial contracts" → "commercial contract": the head noun singular when plural, the modifiers as written. */
export function lemmatisePhrase(tokens: Token[]): string {
  // Citation marks the tokenizer left on a word ("aircraft.[2][3]") are not part of it.
  const words = tokens.map((token) => token.text.slice(0, token.text.length - citationMarksLength(token.text)).replace(/[’']s$/, '').toLowerCase());
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
export function nounPhrase(tokens: Token[], from: number, afterCount = false): { from: number; to: number } | undefined {
  let to = from;
  while (to < tokens.length) {
    const token = tokens[to]!;
    const nextIsNoun = to + 1 < tokens.length && has(tokens[to + 1]!, ['Noun', 'Plural']);
    const pluralVerb = afterCount && has(token, ['PresentTense']) && /[^s]s$/.test(token.text) && !has(tokens[to + 1] ?? token, ['Determiner']);
    const participle = afterCount && to === from && has(token, ['PastTense', 'Participle']) && !has(token, ['Copula', 'Auxiliary']) && !/^(?:were|was|had|did)$/i.test(token.text) && nextIsNoun;
    const nounLike = pluralVerb || participle || (has(token, NOUN_TAGS) && !(has(token, STOP_TAGS) && !has(token, ['Noun', 'Adjective', 'Hyphenated'])));
    // "service providers": a word tagged as a verb inside a compound noun; "more Ford facilities": a
    // capitalised word mid-sentence is a name, so before a noun it modifies it.
    const compound = has(token, ['Verb']) && !has(token, ['PastTense', 'Copula', 'Modal', 'Auxiliary']) && nextIsNoun && (to > from || /^\p{Lu}/u.test(token.text));
    // "EU and NATO countries": coordinated modifiers.
    const coordination = ['and', 'or'].includes(lowerOf(token)) && to > from && has(tokens[to - 1]!, ['ProperNoun', 'Acronym', 'Adjective']) && to + 1 < tokens.length && has(tokens[to + 1]!, ['ProperNoun', 'Acronym', 'Adjective']);
    if (!(nounLike || compound || coordination) || SCOPE_WORDS.has(lowerOf(token)) || opensTimeAdverbial(tokens, to)) break;
    to += 1;
    if (/[,;:.()“”"!?]/.test(token.post) && !/^-$/.test(token.post.trim())) break;
    // "telecommunications service providers": a plural that modifies a noun after it does not end the phrase.
    if (afterCount && (pluralVerb || (has(token, ['Plural']) && !/^-$/.test(token.post) && !/(?:ics|tions|sales|sports|arms|goods|news|services|savings)$/i.test(token.text))) && !pluralNounFollows(tokens, to)) break;
  }
  // A phrase ends on a noun, not on an adjective.
  while (to > from && !has(tokens[to - 1]!, ['Noun', 'Plural', 'Singular', 'Acronym', 'ProperNoun']) && !(afterCount && has(tokens[to - 1]!, ['PresentTense']))) to -= 1;
  return to > from ? { from, to } : undefined;
}

/** "last year", "next month": a time adverbial after a noun phrase ("$59m in corporate tax last year") is not part of it. */
function opensTimeAdverbial(tokens: Token[], at: number): boolean {
  const next = tokens[at + 1];
  return next !== undefined && /^(?:last|next|this|past|previous|coming)$/i.test(tokens[at]!.text) && TIME_WORDS.has(/^[a-z]*/.exec(lowerOf(next))![0]);
}

/**
 * A plural right before another plural noun modifies it ("news media businesses", "doubles titles",
 * "sales figures"): a noun phrase has one head, so two plural nouns in a row are a compound, not a
 * phrase followed by a verb.
 */
function pluralNounFollows(tokens: Token[], at: number): boolean {
  const next = tokens[at];
  return next !== undefined && /^\s*$/.test(tokens[at - 1]!.post) && has(next, ['Plural']) && has(next, ['Noun']) && !has(next, ['Verb']);
}

/** Where a word ends, without citation marks the tokenizer left on it ("aircraft.[2][3]"). */
export function wordEnd(token: Token): number {
  return token.end - citationMarksLength(token.text);
}

/**
 * The length of the citation marks ending `word` ("aircraft.[2][3]", "Ford[", "data[12"): marks "[",
 * digits and an optional "]", after an optional full stop. Read backwards from the end, one mark at a
 * time, so it is linear in the word (a pattern searching for the marks from every "[" is not).
 */
export function citationMarksLength(word: string): number {
  let start = word.length;
  for (;;) {
    let at = start;
    if (word[at - 1] === ']') at -= 1;
    while (at > 0 && word.charCodeAt(at - 1) >= 48 && word.charCodeAt(at - 1) <= 57) at -= 1;
    if (word[at - 1] !== '[') break;
    start = at - 1;
  }
  if (start === word.length) return 0;
  return word[start - 1] === '.' ? word.length - start + 1 : word.length - start;
}

export function tokenIndexAt(tokens: Token[], offset: number): number {
  return tokens.findIndex((token) => token.start >= offset);
}
