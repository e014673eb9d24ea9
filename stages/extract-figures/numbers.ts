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
  /** The second number of a pair written with a dash ("19-13", "14-16", "1998-99"). */
  paired?: number;
  /** Written with a slash ("2/3", "9/11"). */
  slashed?: boolean;
  /** A unit written onto the digits ("6.2km", "80GB", "25lb"). */
  glued?: boolean;
}

const CURRENCY_PREFIX: Record<string, string> = { 'US$': 'USD', $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', RMB: 'CNY', 'HK$': 'HKD', 'A$': 'AUD', AU$: 'AUD', 'AU $': 'AUD', 'NZ$': 'NZD', 'S$': 'SGD', 'C$': 'CAD' };
const CURRENCY_WORD: Record<string, string> = { dollar: 'USD', dollars: 'USD', yen: 'JPY', euro: 'EUR', euros: 'EUR', pound: 'GBP', pounds: 'GBP', yuan: 'CNY', renminbi: 'CNY', won: 'KRW', rupees: 'INR', rupiah: 'IDR', reais: 'BRL', roubles: 'RUB', rubles: 'RUB', pence: 'GBX', p: 'GBX', cents: 'USc', francs: 'CHF', kronor: 'SEK', krona: 'SEK', rand: 'ZAR', pesos: 'MXN' };
/** Units written onto digits ("6.2km", "80GB", "5¢"), as the unit stored. */
const GLUED_UNIT: Record<string, string> = { km: 'km', kg: 'kg', gb: 'GB', mb: 'MB', tb: 'TB', kb: 'KB', lb: 'lb', lbs: 'lb', mbps: 'Mbps', gbps: 'Gbps', kbps: 'kbps', mph: 'mph', cm: 'cm', mm: 'mm', ft: 'ft', in: 'inch', mw: 'MW', gw: 'GW', ghz: 'GHz', mhz: 'MHz', p: 'GBX', '¢': 'USc' };
/** Race distances in metres: "the 60m hurdles", "800m" (any other "Nm" is millions: "1.5m users"). */
const RACE_METRES = new Set([50, 60, 100, 110, 200, 400, 800, 1500, 3000, 5000, 10000]);

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
    String.raw`(?<currency>US\$|HK\$|AU ?\$|NZ\$|S\$|A\$|C\$|RMB ?|[$€£¥])\s?(?<cnum>\d{1,3}(?:,\d{3}){1,6}(?:\.\d{1,6})?|\d{1,15}(?:\.\d{1,6})?)(?:\s?(?<cscale>thousand|million|billion|trillion|bn|mn|m|k|b)\b)?`,
    // Two numbers joined by a dash, as a score, a range or a span of years: "19-13", "14-16", "1998-99".
    String.raw`(?<![\w.$€£¥:/-])(?<pairA>\d{1,4})\s?[-–]\s?(?<pairB>\d{1,4})(?<pairPct>%)?(?![\w.]?\w|[-–:/]\d)`,
    // A fraction or a date with a slash: "2/3", "9/11" (not "12/03/2020", which extract-dates reads).
    String.raw`(?<![\w.$€£¥:/-])(?<slashA>\d{1,3})\/(?<slashB>\d{1,3})(?![\w.]?\w|\/\d)`,
    // Not a time of day ("21:00"), nor either half of one.
    String.raw`(?<![\w.$€£¥:-])(?<num>\d{1,3}(?:,\d{3}){1,6}(?:\.\d{1,6})?|\d{1,15}(?:\.\d{1,6})?)(?:\s?(?<scale>thousand|million|billion|trillion|bn|mn)\b|(?<glued>(?:km|kg|GB|MB|TB|KB|lbs?|Mbps|Gbps|kbps|mph|cm|mm|ft|MW|GW|GHz|MHz|m|p)\b|¢))?(?<pct>\s?%|\s(?:percent|per cent)\b)?(?![\w.]?\w|:\d)`,
    // "a million", "one hundred", "a dozen": a scale word after "a" or "one".
    String.raw`\b(?<ascale>(?:a|one)\s(?:hundred|thousand|million|billion|trillion|dozen))\b`,
    String.raw`\b(?<fraction>${FRACTION})\b`,
    String.raw`\b(?<words>(?:${SMALL})(?:[- ](?:${SMALL}|one))?)(?:\s(?<wscale>${SCALE_WORDS.join('|')}))?\b`,
  ].join('|'),
  'gi',
);

const SCALE: Record<string, number> = { thousand: 1e3, k: 1e3, million: 1e6, mn: 1e6, m: 1e6, billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12 };

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

/** The value of a number in words joined by "and" or spaces ("two hundred and fifty"), from each word's value. */
function chainValue(parts: string[]): number | undefined {
  let total = 0;
  let current = 0;
  for (const part of parts) {
    const value = part === 'dozen' ? 12 : wordValue(part);
    if (value === undefined) return undefined;
    if (value === 100) current = (current || 1) * 100;
    else if (value >= 1000) {
      total += (current || 1) * value;
      current = 0;
    } else current += value;
  }
  return total + current;
}

/** The phrase read from one match of NUMBER, before what follows it is looked at. */
function readMatch(groups: Record<string, string | undefined>, text: string): Omit<NumberPhrase, 'start' | 'end' | 'text'> | undefined {
  if (groups.cnum !== undefined) {
    const value = Number(groups.cnum.replace(/,/g, '')) * (groups.cscale ? SCALE[groups.cscale.toLowerCase()]! : 1);
    return { value, unit: CURRENCY_PREFIX[groups.currency!.trim()] ?? 'USD', words: false };
  }
  if (groups.pairA !== undefined) return { value: Number(groups.pairA), paired: Number(groups.pairB), unit: groups.pairPct ? 'percent' : 'count', words: false };
  if (groups.slashA !== undefined) return { value: Number(groups.slashA) / Number(groups.slashB), unit: 'fraction', words: false, slashed: true };
  if (groups.num !== undefined) {
    const number = Number(groups.num.replace(/,/g, ''));
    const glued = groups.glued;
    if (glued === 'm') return RACE_METRES.has(number) ? { value: number, unit: 'metre', words: false, glued: true } : { value: number * 1e6, unit: groups.pct ? 'percent' : 'count', words: false };
    const value = number * (groups.scale ? SCALE[groups.scale.toLowerCase()]! : 1);
    if (glued) return { value, unit: GLUED_UNIT[glued.toLowerCase()]!, words: false, glued: true };
    return { value, unit: groups.pct ? 'percent' : 'count', words: false };
  }
  if (groups.fraction !== undefined) return { value: (/^half$/i.test(groups.fraction) ? 0.5 : wordValue(groups.fraction)) ?? NaN, unit: 'fraction', words: true };
  if (groups.ascale !== undefined) return { value: chainValue([text.split(/\s/).at(-1)!.toLowerCase()]) ?? NaN, unit: 'count', words: true };
  if (groups.words !== undefined) return { value: (groups.words.toLowerCase() === 'dozen' ? 12 : wordValue(text)) ?? NaN, unit: 'count', words: true };
  return undefined;
}

/** Number words that continue a phrase in words: "two hundred | and fifty", "fifty nine | percent", "ten | thousand". */
export const WORD_CONTINUATION = new RegExp(String.raw`^(?:\s(?:and\s)?(?:${SMALL}|one)(?:[- ](?:${SMALL}|one))?)*(?:\s(?:${SCALE_WORDS.join('|')}))?`, 'i');

/** Number phrases in `sentence`, left to right. */
export function findNumbers(sentence: string): NumberPhrase[] {
  const found: NumberPhrase[] = [];
  NUMBER.lastIndex = 0;
  let skipTo = 0;
  for (const match of sentence.matchAll(NUMBER)) {
    const groups = match.groups!;
    const start = match.index;
    if (start < skipTo) continue;
    let text = match[0];
    const read = readMatch(groups, text);
    if (!read || !Number.isFinite(read.value)) continue;
    let { value, unit } = read;
    // "two hundred and fifty", "a million": the words that continue a phrase in words.
    if (read.words && unit === 'count') {
      const more = WORD_CONTINUATION.exec(sentence.slice(start + text.length))![0];
      if (more && /\S/.test(more) && !/^\s+and\s*$/.test(more)) {
        const parts = `${text}${more}`.toLowerCase().replace(/^(?:a|one)\s/, 'one ').split(/[\s-]+/).filter((word) => word !== 'and');
        const chained = chainValue(parts);
        if (chained !== undefined) {
          text += more;
          value = chained;
        }
      }
      const percent = /^\s(?:percent|per cent)\b/i.exec(sentence.slice(start + text.length));
      if (percent) {
        text += percent[0];
        unit = 'percent';
      }
    }
    let end = start + text.length;
    // A currency named after the number: "10 billion yen", "500 dollars", "2bn reais".
    const after = /^\s(\w+)/.exec(sentence.slice(end))?.[1]?.toLowerCase();
    if (unit === 'count' && !read.paired && after && CURRENCY_WORD[after] && after !== 'p') {
      end += 1 + after.length;
      unit = CURRENCY_WORD[after]!;
    }
    skipTo = end;
    found.push({ ...read, start, end, text: sentence.slice(start, end), value, unit });
  }
  return found;
}
