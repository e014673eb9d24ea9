/**
 * Ranges: two number phrases of a sentence that state one quantity between a low and a high end
 * ("two to three years", "between $40 and $50", "four or five", "14-16 year olds"). A range is one
 * phrase from the first number to the second, valued at its low end, with both ends kept.
 */
import type { NumberPhrase } from './numbers.ts';

export interface RangedPhrase extends NumberPhrase {
  /** Both ends, when the phrase states a range. */
  low?: number;
  high?: number;
}

/** Words that make "X to Y" a change of one quantity rather than a range: "rose from 1.8% to 0.8%", "fell $28.63 to $38.65". */
const CHANGE_LEAD = /\b(?:from|rose|rise|rises|risen|fell|fall|falls|fallen|up|down|increased?|decreased?|cut|raised?|lowered?|dropped|climbed|jumped|slipped|declined|grew|edged|boosted|reduced|lifted|by|went|gone|moved)\s+(?:(?:by|about|around|nearly|almost|some|more than|less than|over)\s+)?$/i;
/** A verb of ranging before "from X to Y": then it is a range after all ("range in price from £1 or £2", "range from two to four megapixels"). */
const RANGING = /\b(?:ranges?|ranging|ranged|varies|vary|varying|varied)\b[^,.;]{0,20}\bfrom\s+$/i;

function sameKind(a: NumberPhrase, b: NumberPhrase): boolean {
  if (a.paired !== undefined || b.paired !== undefined || a.slashed || b.slashed) return false;
  // "two to three years": a bare first number takes the second's unit, when it is of the same order ("1938 to $20.08 billion" is not a range).
  return a.unit === b.unit || (a.unit === 'count' && !(a.value >= 1500 && a.value <= 2099 && /^\d{4}$/.test(a.text)) && b.value / a.value < 100);
}

/** The connector between two phrases that makes them a range, or undefined. */
function rangeBetween(sentence: string, a: NumberPhrase, b: NumberPhrase): boolean {
  const between = sentence.slice(a.end, b.start);
  const before = sentence.slice(Math.max(0, a.start - 60), a.start);
  if (!sameKind(a, b) || !(b.value > a.value)) return false;
  if (/^\s*(?:-|–|to)\s*$/i.test(between)) return RANGING.test(before) || !CHANGE_LEAD.test(before);
  if (/^\s+or\s+$/i.test(between)) return b.value - a.value <= Math.max(2, a.value);
  // "between 18 and 24", "between the ages of six and 11".
  if (/^\s+and\s+$/i.test(between)) return /\bbetween\s+(?:(?:the\s+)?ages?\s+of\s+)?$/i.test(before);
  return false;
}

/** The phrases with each range joined into one ("three, four or five" counts from three). */
export function joinRanges(sentence: string, phrases: NumberPhrase[]): RangedPhrase[] {
  const joined: RangedPhrase[] = [];
  for (let i = 0; i < phrases.length; i += 1) {
    const a = phrases[i]!;
    const b = phrases[i + 1];
    if (b && rangeBetween(sentence, a, b)) {
      // "three, four or five": a list of numbers before the "or" starts the range.
      let first: NumberPhrase = a;
      const previous = joined.at(-1);
      if (previous && previous.high === undefined && /^,\s+$/.test(sentence.slice(previous.end, a.start)) && previous.unit === a.unit && previous.value < a.value) first = joined.pop()!;
      joined.push({ ...b, start: first.start, text: sentence.slice(first.start, b.end), value: first.value, low: first.value, high: b.value, words: first.words || b.words });
      i += 1;
      continue;
    }
    if (a.paired !== undefined && a.paired > a.value && !(a.value >= 1500 && a.value <= 2099)) {
      joined.push({ ...a, low: a.value, high: a.paired });
      continue;
    }
    joined.push(a);
  }
  return joined;
}
