/**
 * segment: paragraphs and sentences with offsets into the stored text. Needs `ingest`; provides
 * `segment`. Paragraphs are the blank-line-separated blocks ingest stored. Sentences come from
 * compromise's tokenizer (which knows "U.S.", "Nov." and "Mr." are not sentence ends), corrected where
 * it misses a boundary: a full stop with no space after it ("Nov. 25.Huawei") and a sentence that ends
 * inside a closing quote ("… principles.” Next …") or before citation marks ("… in 2019.[1] The …"). Emits nothing.
 */
import type { Segment, Segmentation } from '../../pipeline/doc.ts';
import { textOf } from '../../pipeline/doc.ts';
import { trimRange } from '../../pipeline/provenance.ts';
import { defineDocumentStage } from '../../pipeline/stage.ts';
import { DOCUMENT_STAGE_VERSIONS } from '../versions.ts';
import { nlpOne as nlp } from '../compromise.ts';

/** A full stop, ! or ? glued to the next sentence: "25.Huawei". Not initials ("U.S.A") nor domains ("site.com"). */
const GLUED_BOUNDARY = /(?<=[a-z0-9%)]{2})[.!?](?=[A-Z][a-z])/g;
/** End punctuation inside a closing quote, then a new sentence. */
const QUOTED_BOUNDARY = /[.!?][”"’]+(?=\s+[“"‘(]?[A-Z0-9])/g;
/** End punctuation followed by citation marks, then a new sentence: "in 2019.[1] The", "daily.[2][3] It". The marks stay with their sentence. */
const CITED_BOUNDARY = /[.!?](?:\[\d{1,3}\]){1,5}(?=\s+[“"‘(]?[A-Z0-9])/g;

/** Paragraph ranges: the runs of text between blank lines. */
export function paragraphRanges(text: string): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  const separator = /\n\s*\n/g;
  let start = 0;
  for (let match = separator.exec(text); match; match = separator.exec(text)) {
    ranges.push(trimRange(text, start, match.index));
    start = match.index + match[0].length;
  }
  ranges.push(trimRange(text, start, text.length));
  return ranges.filter((range) => range.end > range.start);
}

/**
 * compromise's sentence splitter on its own: `nlp.tokenize(text)` splits sentences the same way and then
 * builds every word, which made it 40 times slower for the sentence texts alone.
 */
const world = (nlp as unknown as { world(): { methods: { one: { tokenize: { splitSentences(text: string, world: unknown): string[] } } } } }).world();
const splitSentences = (text: string): string[] => world.methods.one.tokenize.splitSentences(text, world);

/** The longest sentence kept whole: longer runs (a list with no full stop, a 1 MB line) are cut, so every extractor sees bounded input. */
export const MAX_SENTENCE = 1000;
/** Paragraphs are handed to compromise's tokenizer in pieces no longer than this, cut at sentence ends where possible (it is superlinear on pathological text). */
const MAX_PIECE = 5000;

/**
 * Where to cut `text[from, to)` into pieces of at most `limit` characters: after the last sentence
 * end (". ") in the second half of each window, else at its last space, else at the limit itself
 * (never inside a surrogate pair). Each window is scanned once, so this is linear.
 */
export function cutPoints(text: string, from: number, to: number, limit: number): number[] {
  const cuts: number[] = [];
  let start = from;
  while (to - start > limit) {
    let space = -1;
    let sentenceEnd = -1;
    for (let index = start + limit; index > start + limit / 2 && sentenceEnd === -1; index -= 1) {
      if (!/\s/.test(text[index]!)) continue;
      if (space === -1) space = index;
      if (/[.!?;:]/.test(text[index - 1]!)) sentenceEnd = index;
    }
    let cut = sentenceEnd !== -1 ? sentenceEnd : space !== -1 ? space : start + limit;
    if (/[\udc00-\udfff]/.test(text[cut] ?? '')) cut -= 1;
    cuts.push(cut);
    start = cut;
  }
  return cuts;
}

/** Sentence ranges inside `text[start, end)`, as absolute offsets. */
export function sentenceRanges(text: string, start: number, end: number): { start: number; end: number }[] {
  const paragraph = text.slice(start, end);
  const ends = new Set<number>();
  let pieceStart = 0;
  for (const pieceEnd of [...cutPoints(paragraph, 0, paragraph.length, MAX_PIECE), paragraph.length]) {
    const piece = paragraph.slice(pieceStart, pieceEnd);
    let cursor = 0;
    for (const sentence of splitSentences(piece)) {
      const trimmed = sentence.trim();
      const at = trimmed ? piece.indexOf(trimmed, cursor) : -1;
      if (at === -1) continue;
      cursor = at + trimmed.length;
      ends.add(pieceStart + cursor);
    }
    ends.add(pieceEnd);
    pieceStart = pieceEnd;
  }
  for (const pattern of [GLUED_BOUNDARY, QUOTED_BOUNDARY, CITED_BOUNDARY]) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(paragraph); match; match = pattern.exec(paragraph)) ends.add(match.index + match[0].length);
  }

  const ranges: { start: number; end: number }[] = [];
  let from = 0;
  for (const to of [...ends].sort((a, b) => a - b)) {
    for (const cut of [...cutPoints(paragraph, from, to, MAX_SENTENCE), to]) {
      const range = trimRange(paragraph, from, cut);
      if (range.end > range.start) ranges.push({ start: start + range.start, end: start + range.end });
      from = cut;
    }
  }
  return ranges;
}

/**
 * The longest paragraph kept whole: a longer block (a file that is one 2 MB line) becomes paragraphs
 * of whole sentences no longer than this, so the extractors that look across a paragraph (quotations
 * that run over several sentences) see bounded input. Real paragraphs stay far below it.
 */
export const MAX_PARAGRAPH = 20_000;

/** Consecutive sentences grouped into runs that span at most MAX_PARAGRAPH characters (each sentence is far shorter). */
function paragraphsOfSentences(sentences: { start: number; end: number }[]): { start: number; end: number }[][] {
  const groups: { start: number; end: number }[][] = [];
  for (const sentence of sentences) {
    const group = groups.at(-1);
    if (group && sentence.end - group[0]!.start <= MAX_PARAGRAPH) group.push(sentence);
    else groups.push([sentence]);
  }
  return groups;
}

/** Splits a stored text into numbered paragraphs and sentences. */
export function segmentText(text: string): Segmentation {
  const paragraphs: Segment[] = [];
  const sentences: Segmentation['sentences'] = [];
  for (const block of paragraphRanges(text)) {
    const ranges = sentenceRanges(text, block.start, block.end);
    const groups = block.end - block.start <= MAX_PARAGRAPH ? [ranges] : paragraphsOfSentences(ranges);
    for (const group of groups) {
      const range = groups.length === 1 ? block : { start: group[0]!.start, end: group.at(-1)!.end };
      const paragraph = { ordinal: paragraphs.length + 1, ...range };
      paragraphs.push(paragraph);
      for (const sentence of group) sentences.push({ ordinal: sentences.length + 1, paragraph: paragraph.ordinal, ...sentence });
    }
  }
  return { paragraphs, sentences };
}

export const segment = defineDocumentStage({
  name: 'segment',
  scope: 'document',
  version: DOCUMENT_STAGE_VERSIONS.segment,
  needs: ['ingest'],
  provides: 'segment',
  run: (doc) => segmentText(textOf(doc)),
});
