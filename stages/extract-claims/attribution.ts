/**
 * Who says what: quotation spans, reporting verbs and their subjects. A speaker is a mention in the
 * sentence ("Krach said"), a pronoun or definite description resolved to an earlier mention ("he
 * said", "the company stated", "according to the department"), or the author of a report the
 * document summarises ("Fudan University released an analysis report …").
 */
import type { EntityMention } from '../extract-entities/mentions.ts';
import type { MentionIndex } from './mention-index.ts';
import { ORGANIZATION_HEADS } from '../extract-entities/vocabulary.ts';

/** Verbs that attribute a statement, in the forms news text uses. */
export const REPORTING_VERBS = [
  'said', 'says', 'say', 'added', 'adds', 'stated', 'states', 'explained', 'tweeted', 'announced', 'announces', 'mentioned', 'noted',
  'told', 'wrote', 'argued', 'argues', 'claimed', 'claims', 'believe', 'believes', 'believed', 'denied', 'denies', 'insisted', 'warned',
  'stressed', 'urged', 'called', 'confirmed', 'reported', 'reports', 'analyzes', 'analyses', 'points out', 'pointed out', 'emphasized',
  'emphasised', 'suggested', 'suggests', 'concluded', 'concludes', 'described', 'describes', 'accused', 'alleged', 'acknowledged',
];
const VERB = REPORTING_VERBS.map((verb) => verb.replace(' ', '\\s+')).join('|');

export interface QuoteSpan {
  start: number;
  end: number;
}

/**
 * Quotation spans of a paragraph: double quote marks of any direction paired in order (the seeds mix
 * “ and ” freely). A quote of fewer than four words is a scare quote or a name, not a statement.
 */
export function quoteSpans(text: string, start: number, end: number): QuoteSpan[] {
  const marks: number[] = [];
  for (let i = start; i < end; i += 1) if ('“”"'.includes(text[i]!)) marks.push(i);
  const spans: QuoteSpan[] = [];
  for (let k = 0; k + 1 < marks.length; k += 2) {
    const inner = { start: marks[k]! + 1, end: marks[k + 1]! };
    if (text.slice(inner.start, inner.end).trim().split(/\s+/).length >= 4) spans.push(inner);
  }
  return spans;
}

export interface Attribution {
  /** The reporting verb, or "according to". */
  verb: string;
  /** Offsets of the speaker's words in the text (a name, a pronoun, a description). */
  speakerStart: number;
  speakerEnd: number;
  /** Where the attributed content is, within the sentence. */
  contentStart: number;
  contentEnd: number;
}

const SUBJECT = String.raw`((?:[Tt]he\s+)?(?:\p{Lu}[\p{L}.’'-]*(?:\s+(?:of|for|and|the)?\s*\p{Lu}[\p{L}.’'-]*){0,6})|he|she|they|it|[Tt]he\s+(?:company|firm|department|ministry|agency|report|government|university|statement|press release|spokesperson|spokesman|official|officials|researchers|analysts))`;

/** Attribution patterns over one sentence, most specific first. Offsets are relative to the sentence. */
export const ATTRIBUTION_PATTERNS: { pattern: RegExp; speaker: number; content: (m: RegExpExecArray, length: number) => [number, number] }[] = [
  // “…,” Krach said.  / “…,” the company stated.  / “…,” he said.
  { pattern: new RegExp(String.raw`[”"“]\s*,?\s*${SUBJECT}\s+(?:also\s+)?(${VERB})\b`, 'u'), speaker: 1, content: (m) => [0, m.index + 1] },
  // …, Krach said.  (no quotation marks)
  { pattern: new RegExp(String.raw`,\s*${SUBJECT}\s+(?:also\s+)?(${VERB})\s*[.!]?$`, 'u'), speaker: 1, content: (m) => [0, m.index] },
  // “…,” tweeted Pompeo.
  { pattern: new RegExp(String.raw`[”"“]\s*,?\s*(${VERB})\s+${SUBJECT}`, 'u'), speaker: 2, content: (m) => [0, m.index + 1] },
  // According to a poll released Wednesday by the think tank X, …
  // (the speaker is whoever the "by" phrase names; resolveSpeaker picks the organisation in it)
  { pattern: /,?\s*[Aa]ccording\s+to\s+(?:(?:a|an|the)\s+)?(?:poll|survey|report|study|statement|analysis|information|data|figures)\s+(?:released|published|issued|conducted|compiled)?[^,]*?\bby\s+([^,]+)/u, speaker: 1, content: (m, length) => (m.index === 0 ? [m.index + m[0].length, length] : [0, m.index]) },
  // …, according to the department.  / According to X, …  / according to an Aug. 5 press release
  { pattern: new RegExp(String.raw`,?\s*[Aa]ccording\s+to\s+(?:a\s+|an\s+)?((?:the\s+|an?\s+)?(?:[\p{L}\d.]+\s+){0,3}(?:press release|statement|report|poll|survey|study)\b|${SUBJECT.slice(1, -1)})`, 'u'), speaker: 1, content: (m, length) => (m.index === 0 ? [m.index + m[0].length, length] : [0, m.index]) },
  // Krach said that … / Pompeo announced that … / The United States and its allies believe that … / X said: “…”
  { pattern: new RegExp(String.raw`^(?:[\p{L}\s,]{0,40}?,\s*)?${SUBJECT}(?:\s+and\s+its\s+allies)?\s+(?:(?:has|have|had|also|then|always|later|previously|repeatedly)\s+)*(${VERB})\b`, 'u'), speaker: 1, content: (m, length) => [m.index + m[0].length, length] },
  // Krach also visited Chile and said that …
  { pattern: new RegExp(String.raw`^${SUBJECT}\s+(?:[\p{L}’'-]+\s+){1,6}and\s+(${VERB})\b`, 'u'), speaker: 1, content: (m, length) => [m.index + m[0].length, length] },
];

/** Words that open a clause, and first- or second-person pronouns, are not a speaker: "Like I said", "As we stated". */
const CLAUSE_OPENING = /^(?:[Tt]he\s+)?(?:[Ll]ike|[Aa]s|[Bb]ut|[Aa]nd|[Ss]o|[Ii]f|[Ww]hen|[Tt]hen|[Bb]ecause|[Ww]hat|[Hh]ow|[Ww]hile|[Aa]lthough|[Yy]et|[Oo]r)\b/;
const FIRST_OR_SECOND_PERSON = /\b(?:I|[Ww]e|[Yy]ou|me|us|[Mm]y|[Oo]ur|[Yy]our)\b/;

/** The attribution of a sentence, if it has one. */
export function findAttribution(sentence: string): Attribution | undefined {
  for (const { pattern, speaker, content } of ATTRIBUTION_PATTERNS) {
    const match = pattern.exec(sentence);
    if (!match) continue;
    const who = match[speaker]!.replace(/[.,;:]+$/, '');
    if (CLAUSE_OPENING.test(who) || FIRST_OR_SECOND_PERSON.test(who)) continue;
    const verbGroup = speaker === 1 ? match[2] : match[1];
    if (!verbGroup && !/according/i.test(match[0])) continue;
    const speakerStart = match.index + match[0].indexOf(who);
    const [contentStart, contentEnd] = content(match, sentence.length);
    return { verb: (verbGroup ?? 'according to').replace(/\s+/g, ' ').toLowerCase(), speakerStart, speakerEnd: speakerStart + who.length, contentStart, contentEnd };
  }
  return undefined;
}

/** "(hereinafter the "Report")", "X released an analysis report": the author of what the document summarises. */
export function reportAuthor(text: string, mentions: EntityMention[]): EntityMention | undefined {
  // Names start at a word's start and their words are bounded, so a long run of capitals is read in linear time.
  const match = /(?<!\p{L})(\p{Lu}\p{L}{0,40}(?:\s+\p{Lu}\p{L}{0,40}){0,5})\s+(?:released|published|issued)\s+(?:an?\s+|its\s+)?(?:\w+\s+){0,2}(?:report|study|paper|analysis)\b/u.exec(text);
  if (!match) return undefined;
  const at = match.index;
  return mentions.find((mention) => mention.start >= at && mention.end <= at + match[1]!.length);
}

/**
 * The organisation a press document speaks for: the organisation mentioned in the text whose name its
 * source gives ("Stellantis (stellantisnegotiations2023.com)" for a Stellantis statement). News and
 * critique speak for their writers, who are not named in the text.
 */
export function documentVoice(meta: { kind?: string; source?: string }, mentions: EntityMention[]): EntityMention | undefined {
  if (meta.kind !== 'press' || !meta.source) return undefined;
  const source = meta.source.toLowerCase();
  // The source names the organisation (what else the text says of the name is weak beside that); a head
  // word alone ("House" of "House of Representatives Hansard") names no one.
  const named = mentions.filter((mention) => !mention.place && !mention.role && (mention.evidence.person ?? 0) < 3 && !ORGANIZATION_HEADS.has(mention.text.toLowerCase()) && new RegExp(`(?<![\\p{L}])${escapeRegExp(mention.text.toLowerCase())}(?![\\p{L}])`, 'u').test(source));
  return named.sort((a, b) => b.text.length - a.text.length || a.start - b.start)[0];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function isMostly(mention: EntityMention, type: keyof EntityMention['evidence']): boolean {
  const weight = mention.evidence[type] ?? 0;
  return weight > 0 && !mention.place && Object.values(mention.evidence).every((other) => other <= weight);
}

const DESCRIPTION_HEADS: Record<string, (mention: EntityMention) => boolean> = {
  company: (mention) => isMostly(mention, 'organization'),
  firm: (mention) => isMostly(mention, 'organization'),
  department: (mention) => /department$/i.test(mention.text),
  ministry: (mention) => /^ministry/i.test(mention.text),
  agency: (mention) => /agency/i.test(mention.text),
  university: (mention) => /university/i.test(mention.text),
  government: (mention) => (mention.evidence.place ?? 0) > 0,
};

/**
 * The mention a speaker's words refer to: a mention inside them, else for a pronoun the last person
 * who spoke or was named before, else for a description the last mention that fits it.
 */
export function resolveSpeaker(
  words: string,
  start: number,
  end: number,
  mentions: MentionIndex,
  lastSpeaker: EntityMention | undefined,
): EntityMention | undefined {
  const inside = mentions.inside(start, end);
  if (inside.length > 0) {
    return inside.find((mention) => mention.role || isMostly(mention, 'person')) ?? inside.filter((mention) => isMostly(mention, 'organization')).at(-1) ?? inside.at(-1);
  }
  const lower = words.toLowerCase().replace(/^the\s+/, '');
  if (['he', 'she'].includes(lower)) {
    if (lastSpeaker && (lastSpeaker.evidence.person ?? 0) > 0) return lastSpeaker;
    return mentions.lastEndingBy(start, 'person', (mention) => (mention.evidence.person ?? 0) > 0 || Boolean(mention.role));
  }
  const fits = Object.hasOwn(DESCRIPTION_HEADS, lower) ? DESCRIPTION_HEADS[lower] : undefined;
  if (fits) return mentions.lastEndingBy(start, lower, fits) ?? mentions.first(lower, fits);
  return undefined;
}
