/**
 * parse: the words of each sentence with their part-of-speech tags, lemmas and absolute offsets into
 * the stored text, shared by every extractor: compromise's words, tagged by one wink-nlp pass over the
 * document (stages/parse/tagger.ts). Needs `segment`; provides `parse`. Emits nothing.
 */
import { createRequire } from 'node:module';
import { textOf, type Doc, type Segmentation } from '../../pipeline/doc.ts';
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

type Sentence = Segmentation['sentences'][number];

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

/**
 * The most text one wink call reads. A longer document is tagged in chunks of whole paragraphs (each
 * at most MAX_PARAGRAPH), so wink's memory stays bounded; an article is far shorter, and is read in one
 * call, as words wink learns early in a document change how it splits them later ("Alzheimer's").
 */
export const MAX_TAGGED_SPAN = 200_000;

/** The document's sentences in chunks of whole paragraphs: a chunk takes paragraphs while it spans at most MAX_TAGGED_SPAN characters, and always finishes the paragraph it is in. */
export function taggingChunks(sentences: readonly Sentence[]): Sentence[][] {
  const chunks: Sentence[][] = [];
  for (const sentence of sentences) {
    const chunk = chunks.at(-1);
    const sameParagraph = chunk !== undefined && chunk.at(-1)!.paragraph === sentence.paragraph;
    if (chunk && (sameParagraph || sentence.end - chunk[0]!.start <= MAX_TAGGED_SPAN)) chunk.push(sentence);
    else chunks.push([sentence]);
  }
  return chunks;
}

export function parseDocument(doc: Doc): Parse {
  const text = textOf(doc);
  return {
    sentences: taggingChunks(doc.data.segment!.sentences).flatMap((chunk) =>
      tagRanges(text, chunk).map((tokens, index) => ({ ordinal: chunk[index]!.ordinal, start: chunk[index]!.start, end: chunk[index]!.end, tokens })),
    ),
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
