/** Sentences: is each a check-worthy claim as the annotator judged, and is its speaker the one named? */
import type { Export } from '../../pipeline/export.ts';
import type { SentenceItem } from './items.ts';
import { locate } from './locate.ts';

/**
 * Speakers agree when both are absent, or when the shorter name's words stand together in the longer
 * ("Blair" in "Tony Blair", "Ford" in "Ford Motor Company"): one names the same speaker more briefly.
 */
export function sameSpeaker(gold: string | null, system: string | null): boolean {
  if (gold === null || system === null) return gold === system;
  const words = (name: string) => name.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, ' ').split(/\s+/).filter(Boolean);
  const [a, b] = [words(gold), words(system)];
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length === 0) return long.length === 0;
  return long.some((_, at) => short.every((word, offset) => long[at + offset] === word));
}

export interface ClaimScores {
  items: number;
  located: number;
  precision: number;
  recall: number;
  speakerAccuracy: number;
  errors: string[];
}

export function scoreClaims(data: Export, items: SentenceItem[]): ClaimScores {
  let located = 0, truePositives = 0, predicted = 0, gold = 0, speakers = 0, speakersRight = 0;
  const errors: string[] = [];
  for (const item of items) {
    const label = item.label;
    if (!label) continue;
    const place = locate(data, item.file, item.text, 0, item.text.length);
    if (!place) {
      errors.push(`${item.file} "${item.text.slice(0, 60)}": not located in the stored text`);
      continue;
    }
    located += 1;
    // A claim over most of the sentence is its claim (the pipeline's sentences may be split differently).
    const claim = data.claims.find((candidate) => candidate.doc === place.document.id && Math.min(candidate.end, place.end) - Math.max(candidate.start, place.start) > (place.end - place.start) / 2);
    if (claim) predicted += 1;
    if (label.claim) gold += 1;
    if (claim && label.claim) truePositives += 1;
    if (Boolean(claim) !== label.claim) errors.push(`claim ${item.file} "${item.text.slice(0, 80)}": ${label.claim ? 'a claim, not found' : `not a claim, got one`}`);
    if (!claim || !label.claim) continue;
    speakers += 1;
    if (sameSpeaker(label.speaker, claim.speaker)) speakersRight += 1;
    else errors.push(`speaker ${item.file} "${item.text.slice(0, 60)}": ${label.speaker ?? '(writer)'}, got ${claim.speaker ?? '(none)'}`);
  }
  return { items: items.length, located, precision: truePositives / predicted, recall: truePositives / gold, speakerAccuracy: speakersRight / speakers, errors };
}
