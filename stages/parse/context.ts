/**
 * What compromise's post-tagger infers from a word's neighbours, written out for the words and tags
 * the extractors read: names inside capitalised runs, last names after first names and titles, noun
 * heads, hyphenated compounds, multi-word names from the lexicon.
 */
import { addWithParents, infinitiveOf, lexiconTags, MULTI_WORD, PROPER_FAMILY } from './lexicon.ts';
import type { TaggedWord, Word } from './tagger.ts';

/** A tagged word with wink's Universal Dependencies tag, while the context rules run. */
export type PositionedWord = TaggedWord & { pos: string };

const CAPITALISED = /^\p{Lu}/u;
const ALL_CAPITALS = /^\p{Lu}+$/u;
const isCapitalised = (word: Word) => CAPITALISED.test(word.text);
const normal = (word: Word) => word.text.toLowerCase().replace(/[’']s$/, '');

const VERB_FORMS = ['Verb', 'PastTense', 'PresentTense', 'Infinitive', 'Gerund', 'Auxiliary', 'Copula', 'Adjective'];
const NAME_CONNECTORS = new Set(['of', 'for', 'and', 'on', 'the']);

/**
 * A capitalised verb or adjective inside a run of capitalised words, not opening the sentence, is part
 * of a name: "Paris Coordinating Committee", "Code of Conduct", "Lend-Lease Act".
 */
function insideName(words: PositionedWord[], i: number): boolean {
  const word = words[i]!;
  if (i === 0 || !isCapitalised(word) || !['VERB', 'ADJ'].includes(word.pos) || /[“"‘(]/.test(word.pre) || ALL_CAPITALS.test(word.text)) return false;
  const previous = words[i - 1]!;
  const capitalisedBefore = (isCapitalised(previous) && !/[,;:.!?]/.test(previous.post)) || (NAME_CONNECTORS.has(previous.text) && i >= 2 && isCapitalised(words[i - 2]!));
  const next = words[i + 1];
  const capitalisedAfter = next !== undefined && isCapitalised(next) && !/[,;:.!?]/.test(word.post);
  return word.pos === 'VERB' ? capitalisedBefore || capitalisedAfter : capitalisedBefore && capitalisedAfter;
}

function retagAsName(word: TaggedWord & { pos: string }): void {
  for (const tag of VERB_FORMS) word.tags.delete(tag);
  for (const tag of ['Noun', 'ProperNoun', 'Singular']) word.tags.add(tag);
  word.pos = 'PROPN';
}

/** The capitalised proper nouns from word `from` on, up to punctuation: the name after a title. */
function nameAfter(words: PositionedWord[], from: number): TaggedWord[] {
  const name: TaggedWord[] = [];
  for (let k = from; k < words.length && isCapitalised(words[k]!) && words[k]!.pos === 'PROPN'; k += 1) {
    name.push(words[k]!);
    if (/[,;:.]/.test(words[k]!.post)) break;
  }
  return name;
}

/** True when the nouns and adjectives before word `i` follow a determiner or possessive: "the world total". */
function opensWithDeterminer(words: PositionedWord[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && ['NOUN', 'PROPN', 'ADJ'].includes(words[k]!.pos) && !/[,;:]/.test(words[k]!.post)) k -= 1;
  return k >= 0 && (words[k]!.pos === 'DET' || words[k]!.tags.has('Possessive')) && !/[,;:]/.test(words[k]!.post);
}

/** What compromise's post-tagger infers from a word's neighbours, as far as the extractors read it. */
export function tagInContext(words: PositionedWord[]): TaggedWord[] {
  for (let i = 0; i < words.length; i += 1) if (insideName(words, i)) retagAsName(words[i]!);
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i]!;
    const next = words[i + 1];
    // "five-year": both halves of a hyphenated word.
    if (word.post === '-' && next) {
      word.tags.add('Hyphenated');
      next.tags.add('Hyphenated');
      // "Technology-savvy", "state-owned": the compound is an adjective.
      if (next.pos === 'ADJ' || (next.pos === 'VERB' && /(?:ed|ing)$/.test(next.text))) word.tags.add('Adjective');
    }
    // "the total;", "the world total at the time": an adjective that ends a determined phrase is its head noun.
    if (word.pos === 'ADJ' && !(next && ['NOUN', 'PROPN', 'ADJ', 'NUM'].includes(next.pos)) && opensWithDeterminer(words, i)) {
      word.tags.add('Noun');
      word.tags.add('Singular');
    }
    // "monthly active users": an adverb the lexicon also knows as an adjective, before a noun or adjective.
    if (word.pos === 'ADV' && next && ['NOUN', 'ADJ'].includes(next.pos) && lexiconTags(normal(word)).includes('Adjective')) {
      word.tags.delete('Adverb');
      word.tags.add('Adjective');
    }
    // "has exaggerated the threats": a participle wink took for an adjective, after a form of "have".
    const previous = words[i - 1];
    if (word.pos === 'ADJ' && /ed$/.test(word.text) && previous?.lemma === 'have' && previous.pos === 'AUX') {
      word.tags.delete('Adjective');
      for (const tag of ['Verb', 'PastTense']) word.tags.add(tag);
      word.lemma = infinitiveOf(word.text.toLowerCase()) || word.lemma;
    }
    // "is" before a participle or gerund is an auxiliary ("is required"), else a copula only ("is part").
    if (word.pos === 'AUX' && word.tags.has('Copula') && !(next && next.pos === 'VERB')) word.tags.delete('Auxiliary');
    // A capitalised name after a first name or an honorific is a last name: "Augusto Lins", "Mr. Pompeo".
    if (next && isCapitalised(next) && next.pos === 'PROPN' && (word.tags.has('FirstName') || lexiconTags(normal(word).replace(/\.$/, '')).includes('Honorific'))) addWithParents(next.tags, 'LastName');
    // "Actor Christian Slater", "Chancellor Gordon Brown": capitalised names after a title word are a person.
    const name = nameAfter(words, i + 1);
    if (name.length >= 2 && lexiconTags(normal(word)).includes('Actor') && !word.tags.has('Plural')) for (const part of name) addWithParents(part.tags, 'Person');
    // Multi-word names in the lexicon: "United States", "Labour Party".
    const longest = isCapitalised(word) ? MULTI_WORD[normal(word)] : undefined;
    for (let n = Math.min(longest ?? 0, words.length - i); n >= 2; n -= 1) {
      const span = words.slice(i, i + n);
      const found = lexiconTags(span.map(normal).join(' ')).filter((tag) => PROPER_FAMILY.has(tag));
      if (found.length === 0) continue;
      for (const part of span) for (const tag of found) addWithParents(part.tags, tag);
      break;
    }
  }
  return words.map(({ pos: _pos, ...word }) => word);
}
