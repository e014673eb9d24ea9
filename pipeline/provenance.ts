/**
 * Provenance: every located item points at a half-open `[start, end)` range of UTF-16 code units
 * in its document's stored text (what `String#slice` takes). Helpers for such ranges and the items in them.
 */
import { addTo } from './collections.ts';

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
