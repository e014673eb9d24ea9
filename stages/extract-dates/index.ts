/**
 * extract-dates: every explicit date in the text ("On April 29, 2020", "Nov. 25", "in June 2020", "in
 * 1938") as a dated mention. A date without a year takes the year that makes it closest to the
 * document's publication date, and says so. Needs `segment` (and the document's metadata); provides
 * `dates`. Weekdays and relative dates ("on Wednesday", "this year") are not dates here. Emits nothing.
 */
// English only (what chrono.parse is): the other locales were 0.3 MB of every document worker's bundle.
import * as chrono from 'chrono-node/en';
import { textOf } from '../../pipeline/doc.ts';
import { defineDocumentStage } from '../../pipeline/stage.ts';
import { DOCUMENT_STAGE_VERSIONS } from '../versions.ts';

export interface DateMention {
  sentence: number;
  start: number;
  end: number;
  text: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  value: string;
  /** True when the text gave no year and it was inferred from the publication date. */
  yearInferred: boolean;
}

/** A bare year after a preposition: "in 1938", "since 2019", "from 1945 to 1969". */
const BARE_YEAR = /\b(?:in|since|by|from|to|until|till|between|and|of|before|after|during)\s+((?:1[5-9]|20)\d{2})\b(?![-–]\d|\s*(?:%|percent|per cent|million|billion))/g;

const MONTH_NAME = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s|,|$)|\d{1,4}[-/]\d{1,2}/i;

/** What chrono needs to see before it can find a date worth keeping: a month's name or abbreviation as a word, or a date in numbers. */
const MAY_HOLD_DATE = /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b|\d{1,4}[-/]\d{1,2}/i;

const pad = (n: number) => String(n).padStart(2, '0');

/** The reference point for dates without a year: the publication date's precision filled with its middle. */
export function referenceDate(published: string | undefined): Date | undefined {
  if (!published) return undefined;
  const [year, month = 7, day = 1] = published.split('-').map(Number);
  return new Date(Date.UTC(year!, month! - 1, day));
}

/** Dates in `text[start, end)`. */
export function findDates(text: string, sentence: number, start: number, end: number, reference: Date | undefined): DateMention[] {
  const slice = text.slice(start, end);
  const found: DateMention[] = [];
  // chrono is only asked about sentences that name a month or write a date in numbers: nothing else is kept.
  const candidates = MAY_HOLD_DATE.test(slice) ? chrono.parse(slice, reference ?? new Date(Date.UTC(2000, 0, 1))) : [];
  for (const result of candidates) {
    // Only dates written out: a month's name or numbers, not "six months ago" or "now".
    if (!result.start.isCertain('month') || !MONTH_NAME.test(result.text)) continue;
    const yearKnown = result.start.isCertain('year');
    if (!yearKnown && !reference) continue;
    const year = result.start.get('year')!;
    const month = result.start.get('month')!;
    const value = result.start.isCertain('day') ? `${year}-${pad(month)}-${pad(result.start.get('day')!)}` : `${year}-${pad(month)}`;
    const at = start + result.index;
    found.push({ sentence, start: at, end: at + result.text.length, text: result.text, value, yearInferred: !yearKnown });
  }
  for (const match of slice.matchAll(BARE_YEAR)) {
    const at = start + match.index + match[0].length - match[1]!.length;
    if (found.some((date) => at >= date.start && at < date.end)) continue;
    found.push({ sentence, start: at, end: at + 4, text: match[1]!, value: match[1]!, yearInferred: false });
  }
  return found.sort((a, b) => a.start - b.start);
}

export const extractDates = defineDocumentStage({
  name: 'extract-dates',
  scope: 'document',
  version: DOCUMENT_STAGE_VERSIONS['extract-dates'],
  needs: ['segment'],
  provides: 'dates',
  run(doc) {
    const text = textOf(doc);
    const reference = referenceDate(doc.meta.publishedEarliest ?? doc.meta.published ?? doc.data.ingest?.meta.published);
    return doc.data.segment!.sentences.flatMap((sentence) => findDates(text, sentence.ordinal, sentence.start, sentence.end, reference));
  },
});
