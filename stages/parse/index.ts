/**
 * parse: the words of each sentence with their part-of-speech tags, lemmas and absolute offsets into
 * the stored text, shared by every extractor: compromise's words, tagged by one wink-nlp pass over the
 * document (stages/parse/tagger.ts). Needs `segment`; provides `parse`. Emits nothing.
 */
import { createRequire } from 'node:module';
import { textOf, type Doc } from '../../pipeline/doc.ts';
import { defineDocumentStage } from '../../pipeline/stage.ts';
import { tagRanges } from './tagger.ts';
import { DOCUMENT_STAGE_VERSIONS } from '../versions.ts';

/** A word with its tags and where it is in the stored text. `pre` and `post` are the punctuation and spaces around it. */
export interface Token {
  text: string;
  start: number;
  end: number;
  pre: string;
  post: string;
  tags: ReadonlySet<string>;
  /** The word's lemma, lower case: "threats" → "threat", "exaggerated" → "exaggerate". */
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

/** Tokens of `text[start, end)`, with absolute offsets. */
export function parseSpan(text: string, start: number, end: number): Token[] {
  return tagRanges(text, [{ start, end }])[0]!;
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
  const { sentences } = doc.data.segment!;
  return {
    sentences: tagRanges(text, sentences).map((tokens, index) => ({ ordinal: sentences[index]!.ordinal, start: sentences[index]!.start, end: sentences[index]!.end, tokens })),
  };
}

export const parse = defineDocumentStage({
  name: 'parse',
  scope: 'document',
  version: DOCUMENT_STAGE_VERSIONS.parse,
  needs: ['segment'],
  provides: 'parse',
  run: parseDocument,
});
