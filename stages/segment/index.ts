/**
 * segment: paragraphs and sentences with offsets into the stored text. Needs `ingest`; provides
 * `segment`. Paragraphs are the blank-line-separated blocks ingest stored. Sentences come from
 * compromise's tokenizer (which knows "U.S.", "Nov." and "Mr." are not sentence ends), corrected where
 * it misses a boundary: a full stop with no space after it ("Nov. 25.Huawei") and a sentence that ends
 * inside a closing quote ("… principles.” Next …"). Emits nothing.
 */
import nlp from 'compromise/one';
import type { Segment, Segmentation } from '../../pipeline/doc.ts';
import { textOf } from '../../pipeline/doc.ts';
import { trimRange } from '../../pipeline/provenance.ts';
import { defineDocumentStage } from '../../pipeline/stage.ts';

/** A full stop, ! or ? glued to the next sentence: "25.Huawei". Not initials ("U.S.A") nor domains ("site.com"). */
const GLUED_BOUNDARY = /(?<=[a-z0-9%)]{2})[.!?](?=[A-Z][a-z])/g;
/** End punctuation inside a closing quote, then a new sentence. */
const QUOTED_BOUNDARY = /[.!?][”"’]+(?=\s+[“"‘(]?[A-Z0-9])/g;

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

/** Sentence ranges inside `text[start, end)`, as absolute offsets. */
export function sentenceRanges(text: string, start: number, end: number): { start: number; end: number }[] {
  const paragraph = text.slice(start, end);
  const ends = new Set<number>();
  let cursor = 0;
  for (const sentence of nlp.tokenize(paragraph).out('array') as string[]) {
    const trimmed = sentence.trim();
    const at = trimmed ? paragraph.indexOf(trimmed, cursor) : -1;
    if (at === -1) continue;
    cursor = at + trimmed.length;
    ends.add(cursor);
  }
  for (const pattern of [GLUED_BOUNDARY, QUOTED_BOUNDARY]) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(paragraph); match; match = pattern.exec(paragraph)) ends.add(match.index + match[0].length);
  }
  ends.add(paragraph.length);

  const ranges: { start: number; end: number }[] = [];
  let from = 0;
  for (const to of [...ends].sort((a, b) => a - b)) {
    const range = trimRange(paragraph, from, to);
    if (range.end > range.start) ranges.push({ start: start + range.start, end: start + range.end });
    from = to;
  }
  return ranges;
}

/** Splits a stored text into numbered paragraphs and sentences. */
export function segmentText(text: string): Segmentation {
  const paragraphs: Segment[] = [];
  const sentences: Segmentation['sentences'] = [];
  paragraphRanges(text).forEach((range, index) => {
    const paragraph = { ordinal: index + 1, ...range };
    paragraphs.push(paragraph);
    for (const sentence of sentenceRanges(text, range.start, range.end)) {
      sentences.push({ ordinal: sentences.length + 1, paragraph: paragraph.ordinal, ...sentence });
    }
  });
  return { paragraphs, sentences };
}

export const segment = defineDocumentStage({
  name: 'segment',
  scope: 'document',
  version: '1',
  needs: ['ingest'],
  provides: 'segment',
  run: (doc) => segmentText(textOf(doc)),
});
