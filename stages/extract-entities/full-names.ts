/**
 * A surname or a first name alone stands for the full name it belongs to in the same document: in an
 * article that names "Tony Blair", "Blair" and "Mr Blair" are him, and in one that names "Hua Chunying",
 * "Hua" is her. Across articles the same word may be someone else ("Cherie Blair"), so the link is made
 * here, within the document, and resolve-entities groups the mention under that full name.
 */
import { lexiconTags } from '../parse/lexicon.ts';
import { lookupPlace } from './gazetteer.ts';
import type { EntityMention } from './mentions.ts';
import { isWordNotName, withoutPossessive } from './tokens.ts';
import { HONORIFICS, MINOR_WORDS, STRONG_VOTE, SURNAME_PARTICLES } from './vocabulary.ts';

/** A word of a person's name: "Hua", "O'Driscoll", "Buckingham-Jones", "J." */
const NAME_WORD = /^\p{Lu}(?:[\p{L}’'-]*\p{L})?\.?$/u;

/**
 * A person's name: two to four name words and nothing else, so that "Jonathan Kaplan - England" or
 * "Angel Gambino of the BBC" lend no word to a family, and not opened by a demonym or a common word
 * ("American Andy Roddick", "Senior Tories", "Said Williams").
 */
export function isPersonName(display: string): boolean {
  const words = display.split(' ');
  if (words.length < 2 || words.length > 4 || !words.every((word) => NAME_WORD.test(word) && !MINOR_WORDS.has(word.toLowerCase()))) return false;
  const first = words[0]!;
  const tags = lexiconTags(first.toLowerCase());
  return lookupPlace(first) === undefined && !(tags.length > 0 && tags.every((tag) => !/Noun|Name|Person|Place|Organization/.test(tag)));
}

/** An initial and a surname: "G Jenkins", "S. Murray". */
export const INITIALLED = /^(\p{Lu})\.? (\p{Lu}[\p{L}’'-]*)$/u;


/** A surname alone, its particles aside: "Pompeo", "da Silva", "Di Canio" ("Van" capitalised is also a first name: "Van Morrison"). */
export function isSurnameAlone(name: string): boolean {
  const words = name.split(' ');
  return words.slice(0, -1).every((word) => SURNAME_PARTICLES.has(word.toLowerCase()) && word !== 'Van');
}

/** Typed as a person by a first name or a title (strong votes), not by a verb after it. */
const isStronglyPerson = (mention: EntityMention) => Boolean(mention.role) || (mention.evidence.person ?? 0) >= STRONG_VOTE;
const isStronglyOther = (mention: EntityMention) => mention.place !== undefined || (mention.evidence.organization ?? 0) >= STRONG_VOTE;

/**
 * Sets `fullName` on each one-word mention that is the first or last word of exactly one person's full
 * name in the document; else gives it the one office the document gives that word (withTheirTitle).
 */
export function linkFullNames(mentions: EntityMention[]): EntityMention[] {
  // The full names of people, and every name shaped like one that anything hints is a person's: "Mr Smith"
  // is no one's where the article names Alan Smith and Doug Smith, though only Alan is a first name the lexicon knows.
  const byWord = new Map<string, Set<string>>();
  const shapedByWord = new Map<string, Set<string>>();
  const add = (into: Map<string, Set<string>>, word: string, name: string) => {
    if (!into.has(word)) into.set(word, new Set());
    into.get(word)!.add(name);
  };
  for (const mention of mentions) {
    const name = withoutPossessive(mention.text);
    if (mention.place !== undefined || !isPersonName(name)) continue;
    const words = name.split(' ');
    const strong = isStronglyPerson(mention);
    // ("Rocker Doherty", "Broadcaster Chris Evans": a common word opening it is no first name.)
    const shaped = strong || ((mention.evidence.person ?? 0) > 0 && !isStronglyOther(mention) && !isWordNotName(words[0]!.toLowerCase()));
    for (const word of new Set([words[0]!, words.at(-1)!])) {
      if (shaped) add(shapedByWord, word, name);
      if (strong) add(byWord, word, name);
    }
  }
  for (const mention of mentions) {
    const word = withoutPossessive(mention.text);
    if (isStronglyOther(mention) || mention.notPerson) continue;
    // "G Jenkins" stands for the one full name of its surname whose first name has that initial.
    const initialled = INITIALLED.exec(word);
    if (!initialled && word.includes(' ')) continue;
    const candidates = initialled ? [...(byWord.get(initialled[2]!) ?? [])].filter((name) => name.startsWith(initialled[1]!) && !INITIALLED.test(name)) : [...(byWord.get(word) ?? [])];
    // "Mr Howard" is a surname: Michael Howard's, not Howard Flight's ("Mr Xie" is Xie Xuren's, the one name of the word).
    const bySurname = SURNAME_TITLES.has(mention.role?.toLowerCase() ?? '') ? candidates.filter((name) => isLastWord(name, word)) : [];
    const names = candidates.length > 1 && bySurname.length === 1 ? bySurname : candidates;
    if (names.length !== 1) continue;
    // Rivals hold the word where the full name does: "Beckham Windows" is no rival of "David Beckham" for "Mr Beckham".
    const rivals = [...shapedByWord.get(initialled ? initialled[2]! : word)!].filter((name) => isLastWord(name, word) === isLastWord(names[0]!, word));
    if (initialled || peopleAmong(rivals) === 1) mention.fullName = names[0]!;
  }
  return withTheirTitle(mentions);
}

const isLastWord = (name: string, word: string) => name.endsWith(` ${word}`);
/** Honorifics a surname follows ("Sir" and "Dame" take a first name: "Sir Edward"). */
const SURNAME_TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr']);

/**
 * How many people the names are: "Broadcaster Chris Evans" is Chris Evans, a word before his name taken
 * into it, and "K Holmes" Kelly Holmes.
 */
function peopleAmong(names: string[]): number {
  const within = (name: string, other: string) => {
    const initialled = INITIALLED.exec(name);
    if (initialled) return other !== name && other.startsWith(initialled[1]!) && isLastWord(other, initialled[2]!);
    return name !== other && (name.endsWith(` ${other}`) || name.startsWith(`${other} `));
  };
  return names.filter((name) => !names.some((other) => within(name, other))).length;
}

const isOffice = (role: string | undefined): role is string => role !== undefined && !HONORIFICS.has(role.toLowerCase());

/**
 * In a document that gives a surname with an office but no first name ("US Secretary of State Pompeo
 * announced …"), the surname alone ("Pompeo said") is that office holder: it takes the one office the
 * document gives that name, and is grouped with it.
 */
function withTheirTitle(mentions: EntityMention[]): EntityMention[] {
  const offices = new Map<string, Set<string>>();
  for (const mention of mentions) {
    if (mention.fullName || mention.text.includes(' ') || !isOffice(mention.role)) continue;
    const word = withoutPossessive(mention.text);
    if (!offices.has(word)) offices.set(word, new Set());
    offices.get(word)!.add(mention.role);
  }
  for (const mention of mentions) {
    if (mention.fullName || mention.text.includes(' ') || isOffice(mention.role) || isStronglyOther(mention) || mention.notPerson) continue;
    const office = offices.get(withoutPossessive(mention.text));
    if (office?.size === 1) mention.role = [...office][0]!;
  }
  return mentions;
}
