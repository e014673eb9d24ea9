/**
 * The declared author of a party's own document: a statement, letter or answer that says whose it is
 * ("Statement attributable to Jim Farley", "Letter From Mark Stewart", "answered … by Tom Pursglove",
 * "(Facebook statement, reproduced)", "I am Mel Silva, Managing Director of Google Australia"). Its
 * narrated sentences are that author's statements, not a writer's.
 */
import type { EntityMention } from '../extract-entities/mentions.ts';

/** "Statement attributable to X", "Letter From X", "Opening statement by X": the name follows. */
const DECLARED_BY = /(?:[Ss]tatement|[Ll]etter|[Rr]emarks|[Tt]estimony)\s(?:attributable\sto|[Bb]y|[Ff]rom)\s/u;
/** "answered 6 June 2022 by X": the name follows the first "by" after it. */
const ANSWERED = /[Aa]nswered\s/u;
/** "I am X": a speaker introducing themselves. */
const SELF_INTRODUCTION = /(?:^|[.!?:]\s|\n)I\sam\s/u;
/** A title naming a document as X's own: "Facebook statement", "Home Office answer", "Stellantis' Response": the name precedes. */
const TITLE_OWNER = /\s(?:[Ss]tatement|[Aa]nswer|[Rr]esponse|[Ll]etter)\b/u;
/** Only the opening lines of a text declare its author; later "a statement by X" is reported speech. */
const HEADER_LENGTH = 600;
/** First person outside quotations: the document speaks as someone. */
const FIRST_PERSON = /\b(?:I|[Ww]e|[Oo]ur|[Mm]y)\b/;
const QUOTATION = /[“"][^“”"]*[”"]/g;
/** At most this many capitalised words make the declared name. */
const NAME_WORDS = 5;

export interface DeclaredAuthor {
  mention: EntityMention;
  /** The author speaks from here on: what comes before the declaration is someone else's framing. */
  from: number;
}

/**
 * The author a press or critique document declares (a party's own document: news speaks for its
 * writer), as a mention of the text, when the document also speaks in the first person outside
 * quotations: a third-person text about a party (a factsheet, a summary) is narration.
 */
export function declaredAuthor(meta: { kind?: string; title?: string }, text: string, mentions: readonly EntityMention[]): DeclaredAuthor | undefined {
  if (meta.kind !== 'press' && meta.kind !== 'critique') return undefined;
  if (!FIRST_PERSON.test(text.replace(QUOTATION, ' '))) return undefined;
  const candidates: { name: string; from: number }[] = [];
  const after = (source: string, match: RegExpExecArray | null) => (match ? nameAt(source.slice(match.index + match[0].length).split(/\s+/)) : '');
  const introduced = SELF_INTRODUCTION.exec(text);
  if (introduced) candidates.push({ name: after(text, introduced), from: introduced.index });
  const header = text.slice(0, HEADER_LENGTH);
  const declared = DECLARED_BY.exec(header);
  if (declared) candidates.push({ name: after(header, declared), from: declared.index });
  const title = meta.title ?? '';
  candidates.push({ name: after(title, DECLARED_BY.exec(title)), from: 0 });
  const answered = ANSWERED.exec(title);
  const by = answered ? title.indexOf(' by ', answered.index) : -1;
  if (by >= 0) candidates.push({ name: nameAt(title.slice(by + 4).split(/\s+/)), from: 0 });
  const owner = TITLE_OWNER.exec(title);
  if (owner) candidates.push({ name: nameBefore(title.slice(0, owner.index)), from: 0 });
  for (const { name, from } of candidates) {
    const mention = name ? mentionNaming(name, mentions) : undefined;
    if (mention) return { mention, from: from > 0 ? from : Math.min(firstPersonParagraph(text), afterNameLine(text, mention.text)) };
  }
  return undefined;
}

/** After a line that is the author's name alone ("Answered by / Tom Pursglove"): a signature line opening what they wrote. */
function afterNameLine(text: string, name: string): number {
  const line = nameLinePattern(name).exec(text);
  return line ? line.index + line[0].length : text.length;
}

/** A line that is `name` alone, between spaces or tabs: the name as an escaped literal (exported for the ReDoS check). */
export function nameLinePattern(name: string): RegExp {
  return new RegExp(`(?:^|\\n)[ \\t]*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[ \\t]*\\n`, 'u');
}

/**
 * Where a document declared by its title starts speaking as its author: the first paragraph in the
 * first person outside quotations. A republisher's third-person lead before it ("Facebook today
 * announced that …") is the republisher's framing.
 */
function firstPersonParagraph(text: string): number {
  let start = 0;
  for (const paragraph of text.split(/(\n\s*\n)/)) {
    if (FIRST_PERSON.test(paragraph.replace(QUOTATION, ' '))) return start;
    start += paragraph.length;
  }
  return 0;
}

/** The mention of the text that a declaration's name names: the longest whose words stand in it, a person first. */
function mentionNaming(name: string, mentions: readonly EntityMention[]): EntityMention | undefined {
  const words = (value: string) => ` ${value.toLowerCase().replace(/[’']s?\b/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
  const named = words(name);
  const fits = mentions.filter((mention) => !mention.place && words(mention.text).trim() !== '' && named.includes(words(mention.text)));
  const isPerson = (mention: EntityMention) => (mention.evidence.person ?? 0) > 0 || Boolean(mention.role);
  return fits.sort((a, b) => b.text.length - a.text.length || Number(isPerson(b)) - Number(isPerson(a)) || a.start - b.start)[0];
}

/** The capitalised words that open `words` (a name; brackets and punctuation around it dropped), at most NAME_WORDS. */
function nameAt(words: string[]): string {
  const name: string[] = [];
  for (const word of words) {
    const opened = word.replace(/^[[(“"‘]+/u, '');
    let bare = opened;
    while (bare && '])”"’,;:.'.includes(bare.at(-1)!)) bare = bare.slice(0, -1);
    if (!/^\p{Lu}/u.test(bare) || name.length === NAME_WORDS) break;
    name.push(bare);
    if (bare !== opened) break;
  }
  return name.join(' ');
}

/** The capitalised words that end `text` within its last clause (after any bracket or punctuation), at most NAME_WORDS. */
function nameBefore(text: string): string {
  const clause = text.slice(Math.max(...[...'([“"—–:,;'].map((mark) => text.lastIndexOf(mark))) + 1);
  const words = clause.trim().split(/\s+/);
  let first = words.length;
  while (first > 0 && words.length - first < NAME_WORDS && /^\p{Lu}/u.test(words[first - 1]!)) first -= 1;
  return words.slice(first).join(' ').replace(/[’']s?$/u, '');
}
