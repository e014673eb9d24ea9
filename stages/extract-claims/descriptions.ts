/**
 * Descriptions the text itself ties to a name: "The UN refugee agency (UNHCR)", "Ofcom, the media
 * regulator,", "the public spending watchdog, the National Audit Office". A later "the refugee agency"
 * then means that name; a description the text never ties to one is not guessed from world knowledge.
 */
import type { EntityMention } from '../extract-entities/mentions.ts';

export interface DescribedName {
  /** The description's words, lower case, its head last ("un", "refugee", "agency"). */
  words: string[];
  head: string;
  /** Where the tie is made: only later descriptions may use it. */
  start: number;
  mention: EntityMention;
}

/** Heads of descriptions that name a body. */
const HEADS = 'agency|watchdog|regulator|company|firm|group|giant|union|body|organisation|organization|charity|broadcaster|station|department|ministry|carmaker|automaker|bank|network|authority';
const WORDS = String.raw`((?:[\p{L}’'-]+\s+){0,3}?(?:${HEADS}))`;
/** "the X agency (ABC)" / "the X agency, ABC," / "ABC, the X agency," (exported for the ReDoS check). */
export const BRACKETED = new RegExp(String.raw`\b[Tt]he\s+${WORDS}\s*\((\p{Lu}[\p{L}&.]{1,12})\)`, 'gu');
export const NAME_AFTER = new RegExp(String.raw`\b[Tt]he\s+${WORDS},\s+(?=\p{Lu})`, 'gu');
export const NAME_BEFORE = new RegExp(String.raw`(?<=\p{L}),\s+the\s+${WORDS}[,.]`, 'gu');

export function describedNames(text: string, mentions: readonly EntityMention[]): DescribedName[] {
  const found: DescribedName[] = [];
  const add = (description: string, start: number, mention: EntityMention | undefined) => {
    if (!mention || mention.place || (mention.evidence.person ?? 0) > (mention.evidence.organization ?? 0)) return;
    const words = description.toLowerCase().replace(/[’']s\b/g, '').split(/\s+/).filter(Boolean);
    found.push({ words, head: words.at(-1)!, start, mention });
  };
  for (const match of text.matchAll(BRACKETED)) {
    const bracket = match.index + match[0].lastIndexOf('(');
    add(match[1]!, match.index, mentions.find((mention) => mention.start > bracket && mention.end <= match.index + match[0].length) ?? mentions.find((mention) => mention.acronym === match[2]));
  }
  for (const match of text.matchAll(NAME_AFTER)) {
    const after = match.index + match[0].length;
    add(match[1]!, match.index, mentions.find((mention) => mention.start === after));
  }
  for (const match of text.matchAll(NAME_BEFORE)) add(match[1]!, match.index, mentions.find((mention) => mention.end === match.index));
  return found.sort((a, b) => a.start - b.start);
}
