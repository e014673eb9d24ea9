/**
 * Number phrases in a sentence: digits with their currency, scale and percent sign, number words and
 * fractions. The value of word forms ("two-thirds", "five", "14.51 billion") comes from compromise's
 * number parser (as the build wrote it for every phrase in words this module can find); this module
 * only finds where a number phrase is and what surrounds it.
 */
import { compromise } from '../compromise.ts';
import { COMPROMISE_DATA } from '../parse/compromise-data.ts';

export interface NumberPhrase {
  /** Offsets in the sentence string. */
  start: number;
  end: number;
  text: string;
  value: number;
  /** `count`, `percent`, a currency code, or `ratio` (filled in by the caller for "N times"). */
  unit: string;
  /** The phrase was written in words ("five", "two-thirds"). */
  words: boolean;
}

const CURRENCY_PREFIX: Record<string, string> = { 'US$': 'USD', $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', RMB: 'CNY', 'HK$': 'HKD', 'A$': 'AUD', 'C$': 'CAD' };
const CURRENCY_WORD: Record<string, string> = { dollar: 'USD', dollars: 'USD', yen: 'JPY', euro: 'EUR', euros: 'EUR', pound: 'GBP', pounds: 'GBP', yuan: 'CNY', renminbi: 'CNY', won: 'KRW', rupees: 'INR' };

const SMALL_WORDS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred', 'dozen'];
const SCALE_WORDS = ['thousand', 'million', 'billion', 'trillion'];
const FRACTION_COUNTS = ['one', 'two', 'three', 'four', 'a'];
const FRACTION_PARTS = ['half', 'halves', 'third', 'thirds', 'quarter', 'quarters', 'fifth', 'fifths', 'tenth', 'tenths'];
const SMALL = SMALL_WORDS.join('|');
const FRACTION = `(?:${FRACTION_COUNTS.join('|')})[- ](?:${FRACTION_PARTS.join('|')})|half`;

/**
 * One pattern for every number phrase. Alternatives, in order: currency-prefixed digits; digits (with
 * thousands separators, decimals, a scale word or suffix, a percent sign or word); fractions in words;
 * numbers in words (with a scale word). Bounded repetitions only, so no input can make it backtrack
 * without limit.
 */
export const NUMBER = new RegExp(
  [
    String.raw`(?<currency>US\$|HK\$|A\$|C\$|RMB ?|[$€£¥])\s?(?<cnum>\d{1,3}(?:,\d{3}){1,6}(?:\.\d{1,6})?|\d{1,15}(?:\.\d{1,6})?)(?:\s?(?<cscale>thousand|million|billion|trillion|bn|mn|m|k)\b)?`,
    // Not a time of day ("21:00"), nor either half of one.
    String.raw`(?<![\w.$€£¥:-])(?<num>\d{1,3}(?:,\d{3}){1,6}(?:\.\d{1,6})?|\d{1,15}(?:\.\d{1,6})?)(?:\s?(?<scale>thousand|million|billion|trillion|bn|mn)\b)?(?<pct>\s?%|\s(?:percent|per cent)\b)?(?![\w.]?\w|:\d)`,
    String.raw`\b(?<fraction>${FRACTION})\b`,
    String.raw`\b(?<words>(?:${SMALL})(?:[- ](?:${SMALL}|one))?)(?:\s(?<wscale>${SCALE_WORDS.join('|')}))?\b`,
  ].join('|'),
  'gi',
);

const SCALE: Record<string, number> = { thousand: 1e3, k: 1e3, million: 1e6, mn: 1e6, m: 1e6, billion: 1e9, bn: 1e9, trillion: 1e12 };

/**
 * Every phrase in words the pattern finds, in lower case with single spaces: numbers in words with a
 * scale word or without, and fractions. Other spaces (a line break before "million") are left to compromise.
 */
export function numberWordPhrases(): string[] {
  const separated = (first: string, seconds: string[]) => seconds.flatMap((second) => [`${first}-${second}`, `${first} ${second}`]);
  const numbers = SMALL_WORDS.flatMap((first) => [first, ...separated(first, [...SMALL_WORDS, 'one'])]);
  return [
    ...numbers.flatMap((number) => [number, ...SCALE_WORDS.map((scale) => `${number} ${scale}`)]),
    ...FRACTION_COUNTS.flatMap((count) => separated(count, FRACTION_PARTS)),
    'half',
  ];
}

/** compromise's value of a number phrase in words, from a parse. */
function parsedValue(phrase: string): number | undefined {
  const doc = compromise()(phrase);
  const fraction = (doc as unknown as { fractions(): { get(): { decimal: number }[] } }).fractions().get()[0];
  const number = (doc.numbers().get() as number[])[0];
  return fraction ? fraction.decimal : typeof number === 'number' ? number : undefined;
}

/** compromise's value of every phrase of numberWordPhrases, null for none: what the build writes. */
export function numberWordValues(): Record<string, number | null> {
  return Object.fromEntries(numberWordPhrases().map((phrase) => [phrase, parsedValue(phrase) ?? null]));
}

const valueCache = new Map<string, number | undefined>();

/** The value of a number written in words or digits with a scale word, by compromise: as the build wrote it, else parsed (and cached). */
export function wordValue(text: string): number | undefined {
  const key = text.toLowerCase();
  const built = COMPROMISE_DATA.numberWords;
  if (Object.hasOwn(built, key)) return built[key] ?? undefined;
  if (!valueCache.has(key)) valueCache.set(key, parsedValue(key));
  return valueCache.get(key);
}

/** Number phrases in `sentence`, left to right. */
export function findNumbers(sentence: string): NumberPhrase[] {
  const found: NumberPhrase[] = [];
  NUMBER.lastIndex = 0;
  for (const match of sentence.matchAll(NUMBER)) {
    const groups = match.groups!;
    const start = match.index;
    const text = match[0];
    let value: number | undefined;
    let unit = 'count';
    let words = false;
    if (groups.cnum !== undefined) {
      value = Number(groups.cnum.replace(/,/g, '')) * (groups.cscale ? SCALE[groups.cscale.toLowerCase()]! : 1);
      unit = CURRENCY_PREFIX[groups.currency!.trim()] ?? 'USD';
    } else if (groups.num !== undefined) {
      value = Number(groups.num.replace(/,/g, '')) * (groups.scale ? SCALE[groups.scale.toLowerCase()]! : 1);
      if (groups.pct) unit = 'percent';
    } else if (groups.fraction !== undefined) {
      value = wordValue(groups.fraction);
      unit = 'fraction';
      words = true;
    } else if (groups.words !== undefined) {
      value = wordValue(text);
      words = true;
    }
    if (value === undefined || !Number.isFinite(value)) continue;
    // A currency named after the number: "10 billion yen", "500 dollars".
    const after = /^\s(\w+)/.exec(sentence.slice(start + text.length))?.[1]?.toLowerCase();
    if (unit === 'count' && after && CURRENCY_WORD[after]) {
      found.push({ start, end: start + text.length + 1 + after.length, text: sentence.slice(start, start + text.length + 1 + after.length), value, unit: CURRENCY_WORD[after]!, words });
      continue;
    }
    found.push({ start, end: start + text.length, text, value, unit, words });
  }
  return found;
}
