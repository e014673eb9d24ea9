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
  const at = new MentionsAt(mentions);
  for (const match of text.matchAll(BRACKETED)) {
    const bracket = match.index + match[0].lastIndexOf('(');
    add(match[1]!, match.index, at.firstWithin(bracket + 1, match.index + match[0].length) ?? at.firstWithAcronym(match[2]!));
  }
  for (const match of text.matchAll(NAME_AFTER)) add(match[1]!, match.index, at.firstStartingAt(match.index + match[0].length));
  for (const match of text.matchAll(NAME_BEFORE)) add(match[1]!, match.index, at.firstEndingAt(match.index));
  return found.sort((a, b) => a.start - b.start);
}

/**
 * The first mention (in the document's order) at a position: looked up in maps, since searching every
 * mention for each description made a text full of descriptions quadratic in its length.
 */
class MentionsAt {
  private readonly byStart = new Map<number, number[]>();
  private readonly byEnd = new Map<number, number>();
  private readonly byAcronym = new Map<string, number>();

  constructor(private readonly mentions: readonly EntityMention[]) {
    mentions.forEach((mention, index) => {
      const starting = this.byStart.get(mention.start);
      if (starting) starting.push(index);
      else this.byStart.set(mention.start, [index]);
      if (!this.byEnd.has(mention.end)) this.byEnd.set(mention.end, index);
      if (mention.acronym !== undefined && !this.byAcronym.has(mention.acronym)) this.byAcronym.set(mention.acronym, index);
    });
  }

  firstStartingAt(start: number): EntityMention | undefined {
    return this.mentions[this.byStart.get(start)?.[0] ?? -1];
  }

  firstEndingAt(end: number): EntityMention | undefined {
    return this.mentions[this.byEnd.get(end) ?? -1];
  }

  firstWithAcronym(acronym: string): EntityMention | undefined {
    return this.mentions[this.byAcronym.get(acronym) ?? -1];
  }

  /** The first mention inside [from, to): a bracket of a few characters, so each position is looked up. */
  firstWithin(from: number, to: number): EntityMention | undefined {
    let first = Infinity;
    for (let start = from; start <= to; start += 1) {
      for (const index of this.byStart.get(start) ?? []) if (index < first && this.mentions[index]!.end <= to) first = index;
    }
    return this.mentions[first];
  }
}
