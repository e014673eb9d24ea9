/**
 * The declared author of a party's own document: a statement, letter or answer that says whose it is
 * ("Statement attributable to Jim Farley", "Letter From Mark Stewart", "answered … by Tom Pursglove",
 * "(Facebook statement, reproduced)", "I am Mel Silva, Managing Director of Google Australia"). Its
 * narrated sentences are that author's statements, not a writer's.
 */
import type { EntityMention } from '../extract-entities/mentions.ts';

/** A name as the declarations give it: capitalised words. */
const NAME = String.raw`(\p{Lu}[\p{L}.’'-]{0,30}(?:\s\p{Lu}[\p{L}.’'-]{0,30}){0,4})`;
/** "Statement attributable to X", "Letter From X", "Opening statement by X", "answered 6 June 2022 by X". */
const DECLARED_BY = new RegExp(String.raw`(?:\b[Ss]tatement|\b[Ll]etter|\b[Rr]emarks|\b[Tt]estimony|\b[Aa]nswer(?:ed\s[\w ]{0,30}?)?)\s(?:attributable\sto|[Bb]y|[Ff]rom)\s${NAME}`, 'u');
/** "I am X": a speaker introducing themselves, outside any quotation. */
const SELF_INTRODUCTION = new RegExp(String.raw`(?:^|[.!?:]\s+|\n)I\s+am\s${NAME}`, 'u');
/** A title naming a document as X's own: "Facebook statement", "Home Office answer", "Stellantis' Response". */
const TITLE_OWNER = new RegExp(String.raw`${NAME}(?:[’']s?)?\s(?:[Ss]tatement|[Aa]nswer|[Rr]esponse|[Ll]etter)\b`, 'u');
/** Only the opening lines of a text declare its author; later "a statement by X" is reported speech. */
const HEADER_LENGTH = 600;
/** First person outside quotations: the document speaks as someone. */
const FIRST_PERSON = /\b(?:I|[Ww]e|[Oo]ur|[Mm]y)\b/;

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
  if (!FIRST_PERSON.test(text.replace(/[“"][^“”"]{0,2000}[”"]/g, ' '))) return undefined;
  const candidates: { name: string; from: number }[] = [];
  const introduced = SELF_INTRODUCTION.exec(text);
  if (introduced) candidates.push({ name: introduced[1]!, from: introduced.index });
  const header = DECLARED_BY.exec(text.slice(0, HEADER_LENGTH));
  if (header) candidates.push({ name: header[1]!, from: header.index });
  for (const pattern of [DECLARED_BY, TITLE_OWNER]) {
    const titled = meta.title ? pattern.exec(meta.title) : null;
    if (titled) candidates.push({ name: titled[1]!, from: 0 });
  }
  for (const { name, from } of candidates) {
    const mention = mentionNaming(name, mentions);
    if (mention) return { mention, from };
  }
  return undefined;
}

/** The mention of the text that a declaration's name names: the longest whose words stand in it, a person first. */
function mentionNaming(name: string, mentions: readonly EntityMention[]): EntityMention | undefined {
  const words = (value: string) => ` ${value.toLowerCase().replace(/[’']s?\b/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
  const named = words(name);
  const fits = mentions.filter((mention) => !mention.place && words(mention.text).trim() !== '' && named.includes(words(mention.text)));
  const isPerson = (mention: EntityMention) => (mention.evidence.person ?? 0) > 0 || Boolean(mention.role);
  return fits.sort((a, b) => b.text.length - a.text.length || Number(isPerson(b)) - Number(isPerson(a)) || a.start - b.start)[0];
}
