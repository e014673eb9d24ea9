/**
 * parse: one compromise parse per sentence, shared by every extractor. Needs `segment`; provides
 * `parse`, the tokens of each sentence with their part-of-speech tags and absolute offsets into the
 * stored text (compromise's offsets are relative to the sentence it was given; they are converted here
 * and nowhere else). Emits nothing.
 */
import { createRequire } from 'node:module';
import nlp from 'compromise';
import { textOf, type Doc } from '../../pipeline/doc.ts';
import { defineDocumentStage } from '../../pipeline/stage.ts';

/** A word with its tags and where it is in the stored text. `pre` and `post` are the punctuation and spaces around it. */
export interface Token {
  text: string;
  start: number;
  end: number;
  pre: string;
  post: string;
  tags: ReadonlySet<string>;
  /** The word's root form from compromise: "threats" → "threat", "exaggerated" → "exaggerate". */
  lemma: string;
}

/** The tokens of one sentence. */
export interface ParsedSentence {
  /** The sentence's ordinal in the document. */
  ordinal: number;
  start: number;
  end: number;
  tokens: Token[];
}

export interface Parse {
  sentences: ParsedSentence[];
}

interface CompromiseTerm {
  text: string;
  normal: string;
  root?: string;
  pre: string;
  post: string;
  tags: string[];
  offset: { start: number; length: number };
}

/**
 * compromise's own steps after tokenising (`nlp.hooks()`), but for the noun-phrase chunker: nothing here
 * reads chunks, and leaving them out makes the parse about 12% faster with the same tags.
 */
const TAGGING = (nlp.hooks() as string[]).filter((hook) => !['contractions', 'alias', 'machine', 'chunks'].includes(hook));

/** Tokens of `text[start, end)`, with absolute offsets. */
export function parseSpan(text: string, start: number, end: number): Token[] {
  const sentence = text.slice(start, end);
  const tokens: Token[] = [];
  let cursor = 0;
  const doc = nlp.tokenize(sentence).compute(TAGGING);
  doc.compute('root');
  for (const part of doc.json({ offset: true }) as { terms: CompromiseTerm[] }[]) {
    for (const term of part.terms) {
      if (term.text === '') continue;
      // compromise's offsets are UTF-16 indices of the string it was given; fall back to a search if one is off.
      let at = term.offset.start;
      if (sentence.slice(at, at + term.text.length) !== term.text) at = sentence.indexOf(term.text, cursor);
      if (at === -1) continue;
      cursor = at + term.text.length;
      tokens.push({ text: term.text, start: start + at, end: start + cursor, pre: term.pre, post: term.post, tags: new Set(term.tags), lemma: (term.root || term.normal || term.text).toLowerCase() });
    }
  }
  return tokens;
}

/** Stop words: natural's English list. */
const STOP_WORDS = new Set((createRequire(import.meta.url)('natural/lib/natural/util/stopwords.js') as { words: string[] }).words);

/**
 * The content lemmas of a sentence, in order, with "/" where words were left out (stop words, numbers,
 * punctuation), so that bigrams are only made of words that stand next to each other.
 */
export function contentLemmas(tokens: Token[]): string[] {
  const lemmas: string[] = [];
  for (const token of tokens) {
    const lemma = token.lemma.replace(/[’']s$/, '');
    const content = /^\p{L}[\p{L}-]*\p{L}$/u.test(lemma) && lemma.length >= 3 && !STOP_WORDS.has(lemma);
    if (content) lemmas.push(lemma);
    if ((!content || /[,.;:!?()“”"]/.test(token.post)) && lemmas.at(-1) !== '/' && lemmas.length > 0) lemmas.push('/');
  }
  if (lemmas.at(-1) === '/') lemmas.pop();
  return lemmas;
}

export function parseDocument(doc: Doc): Parse {
  const text = textOf(doc);
  return {
    sentences: doc.data.segment!.sentences.map((sentence) => ({
      ordinal: sentence.ordinal,
      start: sentence.start,
      end: sentence.end,
      tokens: parseSpan(text, sentence.start, sentence.end),
    })),
  };
}

export const parse = defineDocumentStage({
  name: 'parse',
  scope: 'document',
  version: '2',
  needs: ['segment'],
  provides: 'parse',
  run: parseDocument,
});
