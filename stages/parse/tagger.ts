/**
 * Part-of-speech tags for the words compromise's tokenizer finds, from wink-nlp's tagger. compromise's
 * full tagger runs at about 20,000 words/s, wink-nlp's at about 300,000; the extractors were written
 * against compromise's words (punctuation in `pre`/`post`, "China's" one word) and tag names
 * ("PastTense", "FirstName"), so the words come from compromise's own splitter and the tags are wink's
 * Universal Dependencies tags translated, refined by compromise's lexicon (names, places, modals).
 */
import { createRequire } from 'node:module';
import winkNLP from 'wink-nlp';
import { tagInContext, type PositionedWord } from './context.ts';
import { addWithParents, lexiconTags, MODEL, PROPER_FAMILY, singularOf, splitTerms, splitWhitespace } from './lexicon.ts';
import { readCoreModel } from './wink-model.ts';

// Required as this module loads, not imported: the bundled command (scripts/build.mjs) would load it
// with the command itself, also for runs that parse nothing.
const model = createRequire(import.meta.url)('wink-eng-lite-web-model') as typeof import('wink-eng-lite-web-model').default;
// The model's core is made here and handed to wink, so that this module holds the lexicon wink uses (below).
const core = readCoreModel() as unknown as WinkCore;
const wink = winkNLP({ ...model, core: () => core } as typeof model, ['sbd', 'pos']);
const its = wink.its;

interface WinkCore {
  features: { lexeme: { hash: Record<string, number>; list: string[] } };
}

/**
 * wink adds every word it has not seen to the model's lexicon, and its tokenizer then keeps a known
 * word whole: after "Men's." anywhere, "Men's tennis" is one token, not "Men" + "'s". So a document's
 * words depended on the documents the same thread read before it. Each call forgets the words it
 * taught (their slots stay, so the indexes wink handed out remain valid), and the same text always
 * gives the same tokens.
 */
const LEXEMES = core.features.lexeme;

function forgetWordsSince(known: number): void {
  for (let index = known; index < LEXEMES.list.length; index += 1) {
    if (LEXEMES.hash[LEXEMES.list[index]!] === index) delete LEXEMES.hash[LEXEMES.list[index]!];
  }
}

/** A wink token: where it is in the text, its UD tag and lemma. */
export interface WinkToken {
  start: number;
  end: number;
  text: string;
  pos: string;
  lemma: string;
}

/** wink's tokens of `text[from, to)`, with absolute offsets (its tokens and the spaces before them rebuild the text exactly). */
export function winkTokens(whole: string, from = 0, to = whole.length, openings: number[] = []): WinkToken[] {
  const text = withoutLongRuns(withCommonOpenings(whole.slice(from, to), openings.map((at) => at - from)));
  const known = LEXEMES.list.length;
  const doc = wink.readDoc(text);
  const tokens = doc.tokens();
  const values = tokens.out(its.value) as string[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const pos = tokens.out(its.pos) as string[];
  // wink's typings give its.lemma the signature of a model add-on; it is read like any other token property.
  const lemmas = tokens.out(its.lemma as unknown as typeof its.value) as string[];
  const result: WinkToken[] = [];
  let cursor = 0;
  for (let i = 0; i < values.length; i += 1) {
    let start = cursor + spaces[i]!.length;
    // Should the two ever disagree (a normalised character), find the token where it is.
    if (text.slice(start, start + values[i]!.length) !== values[i]) start = text.indexOf(values[i]!, cursor);
    if (start === -1) continue;
    cursor = start + values[i]!.length;
    result.push({ start: from + start, end: from + cursor, text: whole.slice(from + start, from + cursor), pos: pos[i] ?? 'X', lemma: lemmas[i] ?? values[i]! });
  }
  forgetWordsSince(known);
  return result;
}

/** A sentence's capitalised first word, unless another capitalised word follows ("Frank Capra's"). */
const CAPITALISED_OPENING = /^[“"‘(]?(\p{Lu})(\p{Ll}+)(?![\p{L}’'-]*\s+\p{Lu})/u;

/**
 * `text` with each sentence's first word in lower case where it is not a name the lexicon knows: wink
 * takes most capitalised words for proper nouns ("Participants are …"), and a name stays capitalised
 * in the words the extractors read; only wink's input changes, and its length stays the same.
 */
function withCommonOpenings(text: string, openings: number[]): string {
  const pieces: string[] = [];
  let copied = 0;
  for (const at of openings) {
    // "Frank Capra's", "Former Downing Street": a capitalised word before another opens a name.
    const word = CAPITALISED_OPENING.exec(text.slice(at, at + 60));
    if (!word) continue;
    const initial = at + word[0].length - word[2]!.length - 1;
    const lower = word[1]!.toLowerCase();
    if (lower.length !== 1 || lexiconTags((word[1]! + word[2]!).toLowerCase()).some((tag) => PROPER_FAMILY.has(tag))) continue;
    // Pieces joined once: rebuilding the whole text at each opening made a long document quadratic.
    pieces.push(text.slice(copied, initial), lower);
    copied = initial + 1;
  }
  pieces.push(text.slice(copied));
  return pieces.join('');
}

/**
 * The longest run without white space that wink reads. Its tokenizer takes time quadratic in a run's
 * length for many kinds of run ("-", "&", "%", "/", "KKKK", "aéaé", letters with combining marks), so
 * longer runs are not given to it at all. No word of English prose, nor a URL in an article, comes
 * near this; text in a script written without spaces (Chinese, Japanese, Thai), which the English
 * model does not tag anyway, can: its words then take their own text as lemma.
 */
export const MAX_WINK_RUN = 200;

/**
 * `text` with each run longer than MAX_WINK_RUN blanked to spaces of the same length, so offsets stay
 * exact: wink skips it, and its words (compromise's, read from the real text) are tagged as unknown.
 */
function withoutLongRuns(text: string): string {
  const pieces: string[] = [];
  let copied = 0;
  let runStart = 0;
  const endRun = (runEnd: number) => {
    if (runEnd - runStart > MAX_WINK_RUN) {
      pieces.push(text.slice(copied, runStart), ' '.repeat(runEnd - runStart));
      copied = runEnd;
    }
  };
  for (const space of text.matchAll(/\s+/g)) {
    endRun(space.index);
    runStart = space.index + space[0].length;
  }
  endRun(text.length);
  if (copied === 0) return text;
  pieces.push(text.slice(copied));
  return pieces.join('');
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const CAPITALISED = /^\p{Lu}/u;
const ACRONYM = /^(?:\p{Lu}\.){2,}$|^\p{Lu}{2,6}$/u;
const ACRONYM_PLURAL = /^\p{Lu}{2,}s$/u;

/** A word as compromise's tokenizer splits it, with offsets relative to the string it was given. */
export interface Word {
  text: string;
  pre: string;
  post: string;
  start: number;
  end: number;
}

/** compromise's words of `sentence`: split at spaces and some hyphens, punctuation moved to `pre`/`post`. */
export function splitWords(sentence: string): Word[] {
  const words: Word[] = [];
  let cursor = 0;
  for (const piece of splitTerms(sentence, MODEL)) {
    const { text, pre, post } = splitWhitespace(piece, MODEL);
    let at = sentence.indexOf(piece, cursor);
    if (at === -1) at = cursor;
    cursor = at + piece.length;
    if (text === '') continue;
    let start = at + pre.length;
    if (sentence.slice(start, start + text.length) !== text) start = sentence.indexOf(text, at);
    if (start === -1) continue;
    words.push({ text, pre, post, start, end: start + text.length });
  }
  return words;
}

const MODALS = new Set(['can', 'could', 'may', 'might', 'must', 'shall', 'should', 'will', 'would', 'ought']);
/** Plurals that do not end like a singular noun in -s ("news", "series", "lens"). */
const SINGULAR_IN_S = /(?:ss|us|is|as|os|ics|news|series|species|lens|means)$/;

/** A plural wink left as it is ("apps"): compromise's inflector makes the singular. */
function isUnlemmatisedPlural(word: string, lemma: string): boolean {
  return lemma === word && word.length > 3 && /s$/.test(word) && !SINGULAR_IN_S.test(word);
}

/** compromise's tags for a word wink tagged `pos`, as far as the extractors read them. */
function tagsFor(word: string, head: WinkToken, parts: WinkToken[]): Set<string> {
  const tags = new Set<string>();
  const lower = word.toLowerCase().replace(/[’']s$/, '');
  const lexicon = lexiconTags(lower);
  const lemma = head.lemma.toLowerCase();
  const pos = head.pos;
  switch (pos) {
    case 'NOUN':
    case 'PROPN': {
      tags.add('Noun');
      if (pos === 'PROPN') tags.add('ProperNoun');
      // Plural: wink's lemma is the singular ("children" → "child"), or the lexicon says so ("people",
      // "Ethiopians"), or an acronym takes an s ("NGOs"), or wink left an -s plural as it is ("apps").
      // Only when wink's token is the whole word: "US$20" is three tokens, and "us" is no lemma of it.
      const inflected = parts.length === 1 && lemma !== lower && lemma.length <= lower.length + 2 && pos === 'NOUN';
      const plural = inflected || lexicon.includes('Plural') || ACRONYM_PLURAL.test(word) || (pos === 'NOUN' && isUnlemmatisedPlural(lower, lemma));
      tags.add(plural ? 'Plural' : 'Singular');
      break;
    }
    case 'VERB':
    case 'AUX':
      tags.add('Verb');
      if (pos === 'AUX') tags.add('Auxiliary');
      if (MODALS.has(lower) || MODALS.has(lemma)) tags.add('Modal');
      // compromise calls the finite forms of "be" copulas, not "be", "been" or "being".
      else if (lemma === 'be' && !/^(?:be|been|being)$/.test(lower)) tags.add('Copula');
      if (/ing$/.test(lower) && lemma !== lower) tags.add('Gerund');
      else if (lexicon.includes('PastTense') || lexicon.includes('Participle') || /[^e]ed$/.test(lower)) tags.add('PastTense');
      else if (lexicon.includes('Infinitive') || lemma === lower) tags.add('Infinitive');
      if (!tags.has('Gerund') && !tags.has('PastTense') && !tags.has('Modal')) tags.add('PresentTense');
      break;
    case 'ADJ':
      tags.add('Adjective');
      break;
    case 'ADV':
      tags.add(lexicon.includes('QuestionWord') ? 'QuestionWord' : 'Adverb');
      break;
    case 'NUM':
      addWithParents(tags, /\d/.test(word) ? 'NumericValue' : 'TextValue');
      tags.add('Value');
      break;
    case 'DET':
      tags.add('Determiner');
      break;
    case 'PRON':
      if (lexicon.includes('QuestionWord')) tags.add('QuestionWord');
      else tags.add('Pronoun');
      if (/^(?:my|your|his|her|its|our|their)$/.test(lower)) tags.add('Possessive');
      break;
    case 'ADP':
      tags.add('Preposition');
      break;
    case 'CCONJ':
    case 'SCONJ':
      tags.add('Conjunction');
      break;
    case 'PART':
      if (lower === 'not' || lower === "n't") tags.add('Negative');
      else if (lower === 'to') tags.add('Preposition');
      break;
    case 'INTJ':
      tags.add('Expression');
      break;
    default:
      // SYM, PUNCT, X: a currency sign or percent opens or closes a number ("$5", "25%").
      if (/\d/.test(word)) tags.add('Value');
  }
  // Names, places and demonyms compromise's lexicon knows, on words wink takes for names or nouns.
  if (['PROPN', 'NOUN', 'ADJ', 'X'].includes(pos) && CAPITALISED.test(word)) for (const tag of lexicon) if (PROPER_FAMILY.has(tag)) addWithParents(tags, tag);
  if (ACRONYM.test(word.replace(/[’']s$/, ''))) addWithParents(tags, 'Acronym');
  if (parts.some((part) => /^[’']s$/.test(part.text))) tags.add('Possessive');
  if (parts.some((part) => /^n[’']t$/i.test(part.text))) tags.add('Negative');
  if (/\d/.test(word) && /[$€£¥]/.test(word)) tags.add('Money');
  if (/\d%$/.test(word)) tags.add('Percent');
  return tags;
}

/** A tagged word, with offsets into the text given to `tagRanges`. */
export interface TaggedWord extends Word {
  tags: Set<string>;
  lemma: string;
}

/**
 * compromise's words of each range of `text` (in text order), tagged from one wink parse of the text
 * they span, so that a sentence is tagged in its own context as wink splits it.
 */
export function tagRanges(text: string, ranges: { start: number; end: number }[]): TaggedWord[][] {
  const tokens = ranges.length === 0 ? [] : winkTokens(text, ranges[0]!.start, ranges.at(-1)!.end, ranges.map((range) => range.start));
  let k = 0;
  return ranges.map((range) => {
    const words = splitWords(text.slice(range.start, range.end));
    return words.map((word) => {
      const start = range.start + word.start;
      const end = range.start + word.end;
      while (k < tokens.length && tokens[k]!.end <= start) k += 1;
      const parts: WinkToken[] = [];
      for (let j = k; j < tokens.length && tokens[j]!.start < end; j += 1) parts.push(tokens[j]!);
      const head = parts.find((part) => WORD_CHARACTER.test(part.text)) ?? parts[0] ?? { start, end, text: word.text, pos: 'X', lemma: word.text };
      const tagged: PositionedWord = { text: word.text, pre: word.pre, post: word.post, start, end, pos: head.pos, tags: tagsFor(word.text, head, parts), lemma: lemmaOf(word.text, head, parts) };
      return tagged;
    });
  }).map(tagInContext);
}


/**
 * The word's root: wink's lemma of its head part, lower-cased ("threats" → "threat"). Not wink's
 * expansions of short forms ("app" → "application"), which are no inflection; a plural wink left as it
 * is gets its singular. A word of several parts ("plan/idea") is its own root.
 */
function lemmaOf(word: string, head: WinkToken, parts: WinkToken[]): string {
  if (!parts.every((part) => part === head || /^[’']s$|^n[’']t$|^\W+$/.test(part.text))) return word.toLowerCase();
  const lower = head.text.toLowerCase();
  const lemma = head.lemma.toLowerCase();
  if (lemma.length > lower.length + 2) return lower;
  if (head.pos === 'NOUN' && isUnlemmatisedPlural(lower, lemma)) return singularOf(lower);
  return lemma;
}
