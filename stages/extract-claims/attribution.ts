/**
 * Who says what: quotation spans, reporting verbs and their subjects. A speaker is a mention in the
 * sentence ("Krach said"), a pronoun or definite description resolved to an earlier mention ("he
 * said", "the company stated", "according to the department"), or the author of a report the
 * document summarises ("Fudan University released an analysis report …").
 */
import type { EntityMention } from '../extract-entities/mentions.ts';
import { ORGANIZATION_HEADS } from '../extract-entities/vocabulary.ts';

/** Verbs that attribute a statement, in the forms news text uses. */
export const REPORTING_VERBS = [
  'said', 'says', 'say', 'added', 'adds', 'stated', 'states', 'explained', 'tweeted', 'announced', 'announces', 'mentioned', 'noted',
  'told', 'wrote', 'argued', 'argues', 'claimed', 'claims', 'believe', 'believes', 'believed', 'denied', 'denies', 'insisted', 'warned',
  'stressed', 'urged', 'called', 'confirmed', 'reported', 'reports', 'analyzes', 'analyses', 'points out', 'pointed out', 'emphasized',
  'emphasised', 'suggested', 'suggests', 'concluded', 'concludes', 'described', 'describes', 'accused', 'alleged', 'acknowledged',
  'revealed', 'reveals', 'estimated', 'estimates', 'expressed', 'condemned', 'demanded', 'echoed', 'conceded', 'threatened', 'voiced',
  'criticised', 'criticized', 'admitted', 'predicted', 'tells', 'documented', 'found', 'finds',
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
  // A paragraph that opens a quotation and has no other mark continues it in the next paragraph (the
  // news convention): the quotation runs to the paragraph's end.
  if (marks.length === 1 && /^\s*$/.test(text.slice(start, marks[0]))) marks.push(end);
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

/** Nouns for a named body or its people, after its name: "Ministry of Defence lawyers", "Meta’s local policy team", "the UN refugee agency". */
const GROUP_NOUNS = String.raw`(?:[\p{Ll}-]+\s+){0,2}(?:lawyers|team|spokesman|spokeswoman|spokesperson|officials|executives|bosses|researchers|analysts|agency|government|poll|survey|study|report|statement)`;
/** Heads of a description that points back to a body or a person named before ("the company", "the refugee agency"). */
const DESCRIPTIONS = 'company|firm|carmaker|automaker|department|ministry|agency|giant|union|watchdog|regulator|station|broadcaster|report|government|university|statement|press release|spokesperson|spokesman|spokeswoman|official|officials|researchers|analysts';

/** Lower-case words describing a name that follows ("the data analytics company Chartbeat"); a preposition would make the name a complement ("the chairman of Barclays"). */
const DESCRIBING = String.raw`(?:(?!(?:of|in|at|for|from|with|on|by|to|about)\s)[\p{Ll}-]+\s+){1,5}`;

/**
 * Who a reporting verb's subject names: capitalised words, with up to two lower-case words between
 * them ("Australian treasurer Josh Frydenberg", "DZ bank economist Bernd Weidensteiner", "GM on
 * Tuesday"), after "the" or a title's "new"/"former", and before a group or role noun ("Ministry of
 * Defence lawyers"); or a pronoun; or a description ("the company", "the tech giant").
 */
const SUBJECT = String.raw`((?:[Tt]he\s+(?:${DESCRIBING})?|(?:new|former|then|acting)\s+)?(?:\p{Lu}[\p{L}.’'-]*(?:\s+(?:\p{Ll}[\p{L}-]*\s+){0,2}\p{Lu}[\p{L}.’'-]*){0,9})(?:\s+(?:${GROUP_NOUNS}))?(?:\s\(\p{Lu}{2,8}\))?|he|she|they|it|[Tt]he\s+(?:${DESCRIPTIONS}|(?:[\p{Ll}-]+\s+){1,2}(?:${DESCRIPTIONS})))`;

/** A dateline opening a report ("MICHIGAN (WNEM) - ", "LONDON — "): where it was filed, not who speaks. */
const DATELINE = String.raw`(?:\p{Lu}{2,}[\p{Lu}\s,.]*(?:\s\([^)]{1,20}\))?\s+[-–—]\s+)?`;
/** A conjunction before the subject ("But she claimed", "As Mr Kok's report noted"): it joins the clause, it names no one. */
const LEAD = String.raw`(?:(?:But|And|Yet|As|So)\s+|However,\s+)?`;
/** An appositive after the subject ("Gillian Triggs, assistant high commissioner at UNHCR, says"): it describes the speaker. */
const APPOSITIVE = String.raw`(?:,\s+(?:the\s+|an?\s+)?\p{Ll}[^,;:“”"]{0,80},)?`;
/** Words between a subject and its verb that say when or how often ("GM on Tuesday said", "on Sept. 2 documented"). */
const WHEN = String.raw`(?:has|have|had|also|then|always|later|previously|repeatedly|today|yesterday|earlier\s+this\s+(?:week|month|year)|last\s+(?:week|month|year)|on\s+\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2})`;
/** What a source publishes, and the verbs that report what it says. */
const SOURCE_NOUN = String.raw`(?:report|study|survey|research|analysis|statement|poll|audit|review|data|figures|story|investigation)`;
const SOURCE_VERB = String.raw`(?:shows?|showed|found|finds|revealed|reveals|suggested|suggests|said|says|concluded|concludes|estimated|estimates|noted|warned|documented|stated)`;
/** Auxiliaries before a source's verb ("has also found"): a verb group has at most three, and a bound keeps a run of them from being re-read at every word before it. */
const AUXILIARIES = String.raw`(?:(?:has|have|had|also)\s+){0,3}`;
/**
 * Content after the verb, or before the clause when nothing follows the verb ("…, a report by X shows.");
 * a source inside the sentence's own clause ("The figures echo research from X which suggested …")
 * leaves the whole sentence its statement.
 */
function AFTER_OR_BEFORE(m: RegExpExecArray, length: number, sentence = ''): [number, number] {
  if (/^\s*(?:[.!]\s*)?$/.test(sentence.slice(m.index + m[0].length))) return [0, m.index];
  return m.index === 0 || /^,/.test(m[0]) || /,\s*$/.test(sentence.slice(0, m.index)) ? [m.index + m[0].length, length] : [0, length];
}

/** Attribution patterns over one sentence, most specific first. Offsets are relative to the sentence. */
export const ATTRIBUTION_PATTERNS: { pattern: RegExp; speaker: number; trailing?: boolean; described?: boolean; verb?: string; content: (m: RegExpExecArray, length: number, sentence?: string) => [number, number] }[] = [
  // “…,” Krach said.  / “…,” the company stated.  / “…,” he said.
  { pattern: new RegExp(String.raw`[”"“]\s*(?:,\s*)?${SUBJECT}\s+(?:also\s+)?(${VERB})\b`, 'u'), speaker: 1, content: (m) => [0, m.index + 1] },
  // …, Krach said.  (no quotation marks)
  { pattern: new RegExp(String.raw`,\s*${SUBJECT}\s+(?:also\s+)?(${VERB})\s*[.!]?$`, 'u'), speaker: 1, trailing: true, content: (m) => [0, m.index] },
  // …, the platform's owner, Meta says, in its first defence …: the reporting clause set off inside the sentence.
  { pattern: new RegExp(String.raw`,\s*${SUBJECT}\s+(says|said|claims|argues|insists|believes)\s*,\s+(?=\p{Ll})`, 'u'), speaker: 1, trailing: true, content: (m) => [0, m.index] },
  // “…,” said UNHCR’s assistant head, Gillian Triggs.  (the name after the title is the speaker)
  { pattern: new RegExp(String.raw`[”"“]\s*(?:,\s*)?(${VERB})\s+(?:[\p{L}’'.-]+\s+){1,5}?[\p{L}-]+,\s+(\p{Lu}[\p{L}’'.-]+(?:\s+\p{Lu}[\p{L}’'.-]+){0,3})\s*[.!]?$`, 'u'), speaker: 2, content: (m) => [0, m.index + 1] },
  // “…,” tweeted Pompeo.
  { pattern: new RegExp(String.raw`[”"“]\s*(?:,\s*)?(${VERB})\s+${SUBJECT}`, 'u'), speaker: 2, content: (m) => [0, m.index + 1] },
  // …, per Chartbeat.
  { pattern: new RegExp(String.raw`,\s*per\s+${SUBJECT}\s*[.!]?$`, 'u'), speaker: 1, trailing: true, verb: 'per', content: (m) => [0, m.index] },
  // According to a poll released Wednesday by the think tank X, … / according to data from Chartbeat / …, in a report by the National Audit Office.
  // (the speaker is whoever the "by" or "from" phrase names; resolveSpeaker picks the organisation in it)
  { pattern: new RegExp(String.raw`(?:,|(?<!\s))\s*[Aa]ccording\s+to\s+(?:(?:a|an|the)\s+)?(?:poll|survey|report|study|statement|analysis|information|data|figures)\s[^,]*?\b(?:by|from)\s+([^,]+)`, 'u'), speaker: 1, trailing: true, content: (m, length) => (m.index === 0 ? [m.index + m[0].length, length] : [0, m.index]) },
  { pattern: new RegExp(String.raw`(?:,|(?<!\s))\s+in\s+(?:an?|the|its)\s+(?:[\p{Ll}-]+\s+){0,2}${SOURCE_NOUN}\s+(?:(?:released|published|issued)\s+)?(?:by|from)\s+([^,;\s](?:[^,;]*?[^,;\s])??)\s*[.!]?$`, 'u'), speaker: 1, trailing: true, verb: 'according to', content: (m) => [0, m.index] },
  // …, according to the department.  / According to X, …  / according to an Aug. 5 press release
  { pattern: new RegExp(String.raw`(?:,|(?<!\s))\s*[Aa]ccording\s+to\s+(?:a\s+|an\s+)?((?:the\s+|an?\s+)?(?:[\p{L}\d.]+\s+){0,3}(?:press release|statement|report|poll|survey|study)\b|${SUBJECT.slice(1, -1)})`, 'u'), speaker: 1, trailing: true, content: (m, length) => (m.index === 0 ? [m.index + m[0].length, length] : [0, m.index]) },
  // A report by the public spending watchdog shows … / research from net analyst WebSideStory which suggested that …
  { pattern: new RegExp(String.raw`\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir|[Ss]imilar)\s+(?:[\p{Ll}-]+\s+){0,2}${SOURCE_NOUN}\s+(?:(?:issued|published|released|compiled)\s+)?(?:by|from)\s+([^,;:“”"\s](?:[^,;:“”"]*?[^,;:“”"\s])??)(?:\s+\(\p{Lu}{2,8}\))?\s+(?:(?:which|that)\s+)?${AUXILIARIES}(${SOURCE_VERB})\b`, 'u'), speaker: 1, content: AFTER_OR_BEFORE },
  // …, a watchdog report has revealed. / A watchdog report finds …: the body that wrote the report.
  { pattern: new RegExp(String.raw`(?:^|,\s*)(?:[Aa]n?\s+|[Tt]he\s+)?((?:(?!(?:[Aa]n?|[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Tt]his|[Tt]hat|[Nn]ew|[Ll]atest)\s)[\p{L}’'-]+\s+){1,2}?)${SOURCE_NOUN}\s+${AUXILIARIES}(${SOURCE_VERB})\b`, 'u'), speaker: 1, described: true, content: AFTER_OR_BEFORE },
  // Krach said that … / Pompeo announced that … / The United States and its allies believe that … / X said: “…”
  // A list item's bullet, a dateline, an opening phrase ("Speaking at a senate inquiry on Friday, …"), a
  // conjunction, an appositive and a time between subject and verb ("GM on Tuesday said") are not the subject.
  { pattern: new RegExp(String.raw`^(?:[•*–-]\s*)?${DATELINE}(?:[\p{L}\s,.’'“”"-]{0,80}?,\s*)?${LEAD}${SUBJECT}${APPOSITIVE}(?:\s+and\s+its\s+allies)?\s+(?:${WHEN}\s+)*(${VERB})\b`, 'u'), speaker: 1, content: (m, length) => [m.index + m[0].length, length] },
  // Krach also visited Chile and said that …
  { pattern: new RegExp(String.raw`^${SUBJECT}\s+(?:[\p{L}’'-]+\s+){1,6}and\s+(${VERB})\b`, 'u'), speaker: 1, content: (m, length) => [m.index + m[0].length, length] },
];

/**
 * Verbs whose object is a stance, not a reported clause ("voiced concerns about the euro", "urged the
 * UK to re-think"): the claim is the whole sentence, not the words after the verb.
 */
const STANCE_VERBS = new Set(['urged', 'voiced', 'expressed', 'condemned', 'echoed', 'demanded', 'criticised', 'criticized', 'accused', 'threatened', 'called', 'documented']);

/** Words that open a clause, and first- or second-person pronouns, are not a speaker: "Like I said", "As we stated". */
const CLAUSE_OPENING = /^(?:[Tt]he\s+)?(?:[Ll]ike|[Aa]s|[Bb]ut|[Aa]nd|[Ss]o|[Ii]f|[Ww]hen|[Tt]hen|[Bb]ecause|[Ww]hat|[Hh]ow|[Ww]hile|[Aa]lthough|[Yy]et|[Oo]r)\b/;
const FIRST_OR_SECOND_PERSON = /\b(?:I|[Ww]e|[Yy]ou|me|us|[Mm]y|[Oo]ur|[Yy]our)\b/;
/** A pronoun inside a longer phrase ("Both he and The Game") means the phrase is no name. */
const PRONOUN_IN_PHRASE = /\s(?:he|she|they|it|him|her|them)\b|\b(?:he|she|they|it)\s/;
/** People no name identifies: a first word capitalised only as the sentence's first, then lower-case words ("Some analysts"); a description after "The" is resolved instead. */
const UNNAMED_GROUP = /^\p{Lu}\p{Ll}+(?:\s\p{Ll}+)+$/u;
/** A group named by a common plural alone, capitalised only as the sentence's first word. */
const UNNAMED_PLURAL = /^(?:Ministers|Officials|Analysts|Critics|Experts|Economists|Officers|Lawyers|Sources|Insiders|Campaigners|Researchers|Scientists|Doctors|Residents|Witnesses|Observers|Executives|Investors|Protesters|Opponents|Supporters|Officers|Activists|Diplomats|Teachers|Parents|Workers|Staff|Employees|Unions|Bosses|Leaders|MPs)$/;
/** The head of a description that can point back to a body named in the text ("the refugee agency", "a watchdog report"). */
const DESCRIPTION_HEAD = /\b(?:company|firm|department|ministry|agency|giant|union|watchdog|regulator|government|university|station|broadcaster|carmaker|automaker|spokesman|spokeswoman|spokesperson)$/;
/** A time the subject's words ran into ("The union on Friday"): when, not who. */
const TRAILING_TIME = /\s(?:on|late on|early on)\s(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

/** The attribution of a sentence, if it has one. */
export function findAttribution(sentence: string): Attribution | undefined {
  const found = firstAttribution(sentence);
  if (!found?.trailing || found.attribution.contentStart !== 0) return found?.attribution;
  // "Last year, the company said that …, Axios reported": a source relaying another's statement; the
  // statement is the inner source's, who said it first.
  const inner = firstAttribution(sentence.slice(0, found.attribution.contentEnd));
  return inner && /\p{Lu}|^(?:he|she|it|they)$|^the\s/iu.test(sentence.slice(inner.attribution.speakerStart, inner.attribution.speakerEnd)) ? inner.attribution : found.attribution;
}

function firstAttribution(sentence: string): { attribution: Attribution; trailing: boolean } | undefined {
  for (const { pattern, speaker, content, trailing, described, verb: fixedVerb } of ATTRIBUTION_PATTERNS) {
    const match = pattern.exec(sentence);
    if (!match) continue;
    const who = match[speaker]!.trim().replace(/[.,;:]+$/, '').replace(TRAILING_TIME, '');
    if (CLAUSE_OPENING.test(who) || FIRST_OR_SECOND_PERSON.test(who) || PRONOUN_IN_PHRASE.test(who) || isUnnamedGroup(who)) continue;
    // A source named only by lower-case words must be a description that can point back ("a watchdog report"), not "a new report".
    if (described && !/\p{Lu}/u.test(who) && !DESCRIPTION_HEAD.test(who)) continue;
    const verbGroup = fixedVerb ?? (speaker === 1 ? match[2] : match[1]);
    if (!verbGroup && !/according/i.test(match[0])) continue;
    const speakerStart = match.index + match[0].indexOf(who);
    const verb = (verbGroup ?? 'according to').replace(/\s+/g, ' ').toLowerCase();
    const [contentStart, contentEnd] = STANCE_VERBS.has(verb) ? [0, sentence.length] : content(match, sentence.length, sentence);
    return { attribution: { verb, speakerStart, speakerEnd: speakerStart + who.length, contentStart, contentEnd }, trailing: Boolean(trailing) };
  }
  return undefined;
}

/** People no name identifies: "Some analysts", "Ministers", "Officials" (a description after "The" is resolved instead). */
function isUnnamedGroup(who: string): boolean {
  return (UNNAMED_GROUP.test(who) && !/^[Tt]he\s/.test(who)) || UNNAMED_PLURAL.test(who);
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
