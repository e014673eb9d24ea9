/**
 * Provenance: every located item points at a half-open `[start, end)` range of UTF-16 code units
 * in its document's stored text (what `String#slice` takes). Offsets are converted only here.
 */
import { addTo } from './collections.ts';

/** A half-open range of a document's stored text. */
export interface Span {
  /** The document id. */
  doc: string;
  /** First code unit of the range. */
  start: number;
  /** One past the last code unit of the range. */
  end: number;
}

/** Makes a span for `[start, end)` of `text`, checking the range is inside it. */
export function spanIn(doc: string, text: string, start: number, end: number): Span {
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length)) {
    throw new RangeError(`span [${start}, ${end}) lies outside the ${text.length} characters of document ${doc}`);
  }
  return { doc, start, end };
}

/** Turns a span relative to a segment (e.g. a sentence handed to an NLP library) into a document span. */
export function shiftSpan(segmentStart: number, relative: { start: number; end: number }, doc: string): Span {
  return { doc, start: segmentStart + relative.start, end: segmentStart + relative.end };
}

/** The exact text a span covers. */
export function quoteOf(text: string, span: { start: number; end: number }): string {
  return text.slice(span.start, span.end);
}

/** Line and column (both 1-based) of an offset, for display only. */
export function toPoint(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Shrinks `[start, end)` of `text` so that it neither starts nor ends with white space. */
export function trimRange(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start]!)) start += 1;
  while (end > start && /\s/.test(text[end - 1]!)) end -= 1;
  return { start, end };
}

/**
 * The positions of items in `items`, grouped by the sentence they are in, so that work done per
 * sentence looks only at that sentence's items (scanning the whole document each time is quadratic).
 */
export function groupBySentence<T extends { sentence: number }>(items: readonly T[]): (sentence: number) => number[] {
  const groups = new Map<number, number[]>();
  items.forEach((item, index) => addTo(groups, item.sentence, index));
  return (sentence) => groups.get(sentence) ?? [];
}
