/**
 * The language of a text when its page does not say: franc-min (trigram profiles of the 82 most spoken
 * languages) names it in ISO 639-3, stored as the two-letter ISO 639-1 code pages declare in `lang`.
 */
import { franc } from 'franc-min';
// The two-letter codes alone (2.5 KB): the whole table (780 KB) was compiled by every thread that ingests.
import { iso6393To1 } from 'iso-639-3';

/** Shorter texts are too little for trigram statistics to tell closely related languages apart. */
const MIN_LENGTH = 200;
/** franc reads this much; more only costs time. */
const SAMPLE = 5_000;

/** The ISO 639-1 code of the text's language, or undefined when the text is too short or undecided. */
export function detectLanguage(text: string): string | undefined {
  if (text.length < MIN_LENGTH) return undefined;
  const code = franc(text.slice(0, SAMPLE), { minLength: MIN_LENGTH });
  if (code === 'und') return undefined;
  return Object.hasOwn(iso6393To1, code) ? iso6393To1[code]! : code;
}
