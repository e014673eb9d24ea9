/**
 * Names the document gives no reason to believe in. Each rule here drops mentions after the finder has
 * seen the whole document: an uncertain name is better left out than stored as an entity of no kind.
 */
import { lexiconTags } from '../parse/lexicon.ts';
import { sensesOf } from '../reconcile/wordnet.ts';
import type { EntityMention } from './mentions.ts';
import { EVENT_HEADS, INITIATIVE_HEADS, LAW_HEADS, NAME_CONNECTORS, ORGANIZATION_HEADS } from './vocabulary.ts';

const wordsOf = (name: string) =>
  name
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .split(/[\s-]+/)
    .filter((word) => word.length > 1 && !NAME_CONNECTORS.has(word));

const typed = (mention: EntityMention) => mention.place !== undefined || mention.role !== undefined || Object.values(mention.evidence).some((weight) => weight > 0);

/** A word of the English dictionary (WordNet's nouns and adjectives, compromise's lexicon). */
const isDictionaryWord = (word: string) => sensesOf(word).length > 0 || lexiconTags(word).length > 0;

/**
 * Unsupported common words: a name that no mention in the document types (no gazetteer entry, head word,
 * role, tag or context), that shares no word with a name that is typed ("Fain" beside "Shawn Fain"
 * stays), and whose every word is a dictionary word ("Chart", "Traffic", "Inflation", "Second Reading")
 * is a capitalised common word, a heading or page furniture, not a name. A coined word ("ByteDance")
 * still reads as a name and stays.
 */
export function withoutUnsupportedNames(mentions: EntityMention[]): EntityMention[] {
  const supportedNames = new Set(mentions.filter(typed).map((mention) => mention.text.toLowerCase()));
  const supportedWords = new Set([...supportedNames].flatMap(wordsOf));
  const supported = (mention: EntityMention) => supportedNames.has(mention.text.toLowerCase()) || wordsOf(mention.text).some((word) => supportedWords.has(word));
  const commonWords = (mention: EntityMention) => wordsOf(mention.text).every(isDictionaryWord);
  return mentions.filter((mention) => supported(mention) || !commonWords(mention));
}

const HEADS = [ORGANIZATION_HEADS, INITIATIVE_HEADS, LAW_HEADS, EVENT_HEADS];
/** Heads that alone name one body of a country ("Senate inquiry", "Parliament voted"), whatever the case elsewhere. */
const BODIES = new Set(['senate', 'parliament', 'congress', 'pentagon', 'navy', 'army', 'police', 'government', 'house', 'court', 'treasury']);

/**
 * A head word alone: a one-word name that is a head word ("Technology", "News", "Union"), not after
 * "the", and that the same document also writes in lower case is that common noun, capitalised by its
 * place in a line, not a name: its head is what types a longer name. ("the Senate" names one.)
 */
export function withoutHeadWordsAlone(mentions: EntityMention[], text: string): EntityMention[] {
  const lowerCase = new Set(text.match(/\b\p{Ll}+\b/gu) ?? []);
  const alone = (mention: EntityMention) => {
    const word = mention.text.toLowerCase();
    const afterThe = /\bthe\s+$/i.test(text.slice(Math.max(0, mention.start - 5), mention.start));
    return !/\s/.test(mention.text) && !afterThe && !BODIES.has(word) && mention.place === undefined && HEADS.some((heads) => heads.has(word)) && lowerCase.has(word);
  };
  return mentions.filter((mention) => !alone(mention));
}

/**
 * Credit slashes: a name with a slash between two capitalised words ("Brendon Thorne/Getty Images",
 * "NCA NewsWire/Gary Ramage") is a photo credit, two names glued by the page; which part names what is
 * unsure, so neither is kept.
 */
export function withoutCreditSlashes(mentions: EntityMention[]): EntityMention[] {
  return mentions.filter((mention) => !/\p{L}\/\p{Lu}/u.test(mention.text));
}

/** The mentions of a whole document that the rules above keep. */
export function keptMentions(mentions: EntityMention[], text: string): EntityMention[] {
  return withoutUnsupportedNames(withoutHeadWordsAlone(withoutCreditSlashes(mentions), text));
}
