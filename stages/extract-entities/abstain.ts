/**
 * Names the document gives no reason to believe in. Each rule here drops mentions after the finder has
 * seen the whole document: an uncertain name is better left out than stored as an entity of no kind.
 */
import { lexiconTags } from '../parse/lexicon.ts';
import { sensesOf } from '../reconcile/wordnet.ts';
import { lookupPlace } from './gazetteer.ts';
import type { EntityMention } from './mentions.ts';
import { isWordNotName, withoutPossessive } from './tokens.ts';
import { isAnyHead, NAME_CONNECTORS, NOT_NAMES, ROLE_HEADS, ROLE_MODIFIERS, STRONG_VOTE } from './vocabulary.ts';

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
 * Unsupported common word: a one-word name that no mention in the document types (no gazetteer entry,
 * head word, role, tag or context), that shares no word with a name that is typed ("Fain" beside
 * "Shawn Fain" stays), that is a dictionary word and that the document also writes in lower case
 * ("Traffic", "Inflation", "Families") is that word capitalised by its place in a line, not a name. A
 * coined word ("ByteDance") and a name never written in lower case ("Labor") stay; so do longer runs
 * of dictionary words, which are mostly real names ("Interactive Media Player", "New Year").
 */
export function withoutUnsupportedNames(mentions: EntityMention[], text: string): EntityMention[] {
  const lowerCase = lowerCaseWords(text);
  const supportedNames = new Set(mentions.filter(typed).map((mention) => mention.text.toLowerCase()));
  const supportedWords = new Set([...supportedNames].flatMap(wordsOf));
  const supported = (mention: EntityMention) => supportedNames.has(mention.text.toLowerCase()) || wordsOf(mention.text).some((word) => supportedWords.has(word));
  const commonWord = (mention: EntityMention) => !/\s/.test(mention.text) && lowerCase.has(mention.text.toLowerCase()) && isDictionaryWord(mention.text.toLowerCase());
  return mentions.filter((mention) => supported(mention) || !commonWord(mention));
}

/** The words a text writes in lower case. */
const lowerCaseWords = (text: string) => new Set(text.match(/(?<![\p{L}\p{N}])\p{Ll}+(?![\p{L}\p{N}])/gu) ?? []);

/**
 * Credit slashes: a name with a slash between two capitalised words ("Brendon Thorne/Getty Images",
 * "NCA NewsWire/Gary Ramage") is a photo credit, two names glued by the page; which part names what is
 * unsure, so neither is kept.
 */
export function withoutCreditSlashes(mentions: EntityMention[]): EntityMention[] {
  return mentions.filter((mention) => !/\p{L}\/\p{Lu}/u.test(mention.text));
}

/**
 * Glued words: "Gartner,downloaded the Google" is two sentences' words run together where a space is
 * missing; a name never holds a semicolon, nor a comma but one a space follows inside a body's listed
 * fields ("Department for Culture, Media and Sport": mentions.ts).
 */
function withoutGluedPunctuation(mentions: EntityMention[]): EntityMention[] {
  return mentions.filter((mention) => !/;|,(?! )/.test(mention.text));
}

/**
 * Bylines glued to the next line of a page: "Paul FletcherPaul Fletcher", "Sam Buckingham-JonesMedia".
 * A person's name whose word runs three lower-case letters straight into a capital is two texts
 * run together ("MacDonald", "DiCaprio" have fewer before their capital).
 */
function withoutGluedNames(mentions: EntityMention[]): EntityMention[] {
  return mentions.filter((mention) => !((mention.evidence.person ?? 0) >= STRONG_VOTE && /\p{Ll}{3}\p{Lu}/u.test(mention.text)));
}

/**
 * Head words that name one body by themselves when capitalised: "Congress", "the Pentagon", "The Times".
 */
const STANDALONE_HEADS = new Set(['pentagon', 'congress', 'senate', 'parliament', 'olympics', 'times', 'post', 'news', 'press', 'journal', 'tribune', 'navy', 'army', 'police']);

/** "the G7 Group", "the Government": a head word alone is a common noun capitalised, not a name. */
function withoutLoneHeads(mentions: EntityMention[]): EntityMention[] {
  const loneHead = (word: string) => !STANDALONE_HEADS.has(word) && isAnyHead(word);
  return mentions.filter((mention) => /\s/.test(mention.text) || mention.place !== undefined || !loneHead(withoutPossessive(mention.text).toLowerCase()));
}

/**
 * Numbered names: "BBC Radio 4", "RBS 6 Nations", "Fathers 4 Justice", "Halo 2". A name written right
 * before a small number that is not a count of the next word ("London 12 months later") is cut from a
 * longer name whose end the finder does not know; which thing it names is unsure, so it is not kept.
 */
function withoutNumberedNames(mentions: EntityMention[], text: string): EntityMention[] {
  // ("Nations Championship" of "RBS 6 Nations Championship" is the same name's other end.)
  return mentions.filter((mention) => !NUMBER_AFTER.test(text.slice(mention.end, mention.end + 24)) && !NAME_NUMBER_BEFORE.test(text.slice(Math.max(0, mention.start - 24), mention.start)));
}
/** A space, one to three digits (with letters glued: "3G"; not a share, "Ohio 51%"), then no lower-case word. */
const NUMBER_AFTER = /^ \d{1,3}(?![\d,:/%-]|\.\d)(?!\p{L}* \p{Ll})/u;
/** A capitalised word, a space, one or two digits and a space, right before the name. */
const NAME_NUMBER_BEFORE = /\p{Lu}[\p{L}&]* \d{1,2} $/u;

/**
 * Title-case tails: "League Against Cruel Sports", "Consumer Protection Against Spyware Act", "Escape
 * From New York", "Andrew Taylor's The American Boy". Mid-sentence, a capitalised function word after
 * a capitalised word is inside a title or a long name whose start the finder cut off; the name after it
 * is the tail of that, so it is not kept.
 */
function withoutTitleCaseTails(mentions: EntityMention[], text: string): EntityMention[] {
  return mentions.filter((mention) => {
    const before = text.slice(Math.max(0, mention.start - 40), mention.start);
    if (TITLE_CASE_BEFORE.test(before)) return false;
    // "the station's Sold on Song initiative", "the 2003 Controlling the Assault of … Act": the same with a
    // lower-case function word, where the capitalised word before it is no name the finder kept.
    const lowerCase = LOWER_CONNECTOR_BEFORE.exec(before);
    const word = lowerCase?.[1]!.toLowerCase();
    // Nor a title's word ("Chief Executive of Hereford Hospitals NHS Trust").
    if (!lowerCase || NOT_NAMES.has(word!) || ROLE_HEADS.has(word!) || ROLE_MODIFIERS.has(word!)) return true;
    const wordStart = mention.start - lowerCase[0].length + 2;
    // "The Life of David Gale", "The Ballad of Jed Clampett": a lone dictionary word nothing types is a title's word, not a name.
    const aName = (other: EntityMention) => typed(other) || /\s/.test(other.text) || !isDictionaryWord(other.text.toLowerCase());
    return mentions.some((other) => other.start <= wordStart && other.end > wordStart && aName(other));
  });
}
/** A letter or a comma (so not a sentence's start), a capitalised word, a capitalised function word, each one space apart. */
const TITLE_CASE_BEFORE = /[\p{L},] \p{Lu}[\p{L}’'-]* (?:Against|In|Of|The|For|On|With|From|To|And|At|By|A|An|Out|My|Your|Our) $/u;
/**
 * A letter, a digit or a comma, a capitalised word (not a month's or a day's: "In March the Bank of
 * England"), then "on", "of" or "for", or "the" after a word in -ing ("Controlling the"). Not "in":
 * "against the All Blacks in Christchurch".
 */
const LOWER_CONNECTOR_BEFORE = /[\p{L}\p{N},] (\p{Lu}[\p{L}’'-]*) (?:on|of|for|(?<=ing )the) $/u;

/**
 * The other end: "Have I Got News For You", "Workers' Educational Association". A name before a
 * capitalised function word and a capitalised word is the start of a longer title, and one after a
 * capitalised plural possessive ("Workers'", "Black Gay Men's") that opens with a dictionary word is the end of one.
 */
function withoutTitleCaseHeads(mentions: EntityMention[], text: string): EntityMention[] {
  return mentions.filter((mention) => {
    if (TITLE_CASE_AFTER.test(text.slice(mention.end, mention.end + 24))) return false;
    if (!PLURAL_POSSESSIVE_BEFORE.test(text.slice(Math.max(0, mention.start - 24), mention.start))) return true;
    // A first name after it is a person's own ("Sky Networks' Sophie Turner Laing").
    return !isWordNotName(mention.text.split(' ')[0]!.toLowerCase());
  });
}
const TITLE_CASE_AFTER = /^ (?:Against|In|Of|For|On|With|From|To|And|At|By|Out) \p{Lu}/u;
const PLURAL_POSSESSIVE_BEFORE = /(?:\p{Lu}\p{Ll}+s[’']|\b(?:Men|Women|Children|People)[’']s) $/u;

/**
 * "A doctor treating the Belgian feared …", "the Belgian, who": "the" and a demonym that a comma or a
 * verb follows is a person of that country, not the country; who, the name does not say. Before a noun
 * or a title ("the Belgian government", "the French President Jacques Chirac") it is the country's.
 */
function withoutDemonymPeople(mentions: EntityMention[], text: string): EntityMention[] {
  return mentions.filter((mention) => {
    if (lookupPlace(mention.text)?.via !== 'demonym' || !/\bthe $/i.test(text.slice(Math.max(0, mention.start - 4), mention.start))) return true;
    return !PERSON_AFTER.test(text.slice(mention.end, mention.end + 12));
  });
}
/** A comma, a full stop, a possessive ("the Slovenian's runaway victory"), or a verb of what a person did or does, after "the Belgian". */
const PERSON_AFTER = /^(?:[,.;:!?)]|[’']s\b| (?:\p{Ll}+ed|has|had|is|was|won|lost|beat|said|says|will|would|could|can|who)\b)/u;

/**
 * Hyphenated adjectives: "UK-based", "NEC-backed" (a name and a lower-case participle), "German-US",
 * "Anglo-American" (two peoples' or places' names: their relations). A place's own name stays
 * ("Asia-Pacific", "Timor-Leste": the gazetteer's).
 */
function withoutHyphenatedAdjectives(mentions: EntityMention[]): EntityMention[] {
  const placeLike = (part: string) => lookupPlace(part) !== undefined || COMBINING_FORMS.has(part);
  return mentions.filter((mention) => {
    const parts = /^(\p{Lu}[\p{L}.]*)-(\p{L}+)$/u.exec(mention.text);
    if (!parts || mention.place) return true;
    const [, first, second] = parts as unknown as [string, string, string];
    const participle = /^\p{Ll}+$/u.test(second) && (/^\p{Lu}{2,6}$/u.test(first) || placeLike(first));
    return !participle && !(placeLike(first) && placeLike(second));
  });
}
/** Combining forms of peoples' names: "Anglo-", "Sino-", "Euro-". */
const COMBINING_FORMS = new Set(['Anglo', 'Sino', 'Euro', 'Franco', 'Indo', 'Afro', 'Russo', 'Greco', 'Italo', 'Judeo']);

/** The mentions of a whole document that the rules above keep. */
export function keptMentions(mentions: EntityMention[], text: string): EntityMention[] {
  const kept = withoutHyphenatedAdjectives(withoutLoneHeads(withoutGluedNames(withoutGluedPunctuation(withoutCreditSlashes(mentions)))));
  const cut = withoutTitleCaseHeads(withoutTitleCaseTails(withoutNumberedNames(kept, text), text), text);
  return withoutUnsupportedNames(withoutDemonymPeople(cut, text), text);
}
