/**
 * The parse stage's tagger (stages/parse/tagger.ts) on the seed articles: wink-nlp's tags in
 * compromise's words and tag names, and the context rules written out for the extractors.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tagRanges, winkTokens } from '../stages/parse/tagger.ts';
import { segmentText } from '../stages/segment/index.ts';
import { processDocument } from '../pipeline/process-document.ts';
import { sha256 } from '../pipeline/hash.ts';
import { BBC_DIR, CORPUS_DIR, SEED_FILES } from './helpers.ts';

const seeds = SEED_FILES.map((file) => readFileSync(`${CORPUS_DIR}${file}`, 'utf8'));
const tagged = seeds.map((text) => {
  const { sentences } = segmentText(text);
  return { text, sentences, words: tagRanges(text, sentences) };
});

/** The tagged words of the seed sentence that contains `phrase`. */
function sentenceWith(phrase: string) {
  for (const { text, sentences, words } of tagged) {
    const index = sentences.findIndex((sentence) => text.slice(sentence.start, sentence.end).includes(phrase));
    if (index !== -1) return words[index]!;
  }
  throw new Error(`no seed sentence has "${phrase}"`);
}

/** The tags and lemma of the `nth` word spelt `word` in the sentence containing `phrase`. */
function word(phrase: string, text: string, nth = 0) {
  const found = sentenceWith(phrase).filter((candidate) => candidate.text === text)[nth];
  if (!found) throw new Error(`"${text}" is not a word of the sentence with "${phrase}"`);
  return { tags: [...found.tags], lemma: found.lemma };
}

describe('tagger on the seeds', () => {
  it('gives every word offsets that slice back to it, with compromise’s punctuation in pre and post', () => {
    let count = 0;
    for (const { text, words } of tagged) {
      for (const word of words.flat()) {
        expect(text.slice(word.start, word.end)).toBe(word.text);
        expect(text.slice(word.start - word.pre.length, word.start)).toBe(word.pre);
        count += 1;
      }
    }
    expect(count).toBeGreaterThan(7000);
    expect(sentenceWith('its weakest link').find((w) => w.text === 'link')?.post).toBe(',” ');
  });

  it('keeps a possessive and a contraction one word: "Huawei’s", "can’t"', () => {
    expect(word('vaunted 90 deals', 'Huawei’s').tags).toEqual(expect.arrayContaining(['ProperNoun', 'Possessive']));
    expect(word('We can’t allow', 'can’t').tags).toEqual(expect.arrayContaining(['Modal', 'Negative']));
  });

  it('does not take a capitalised common word opening a sentence for a name', () => {
    const participants = word('Participants are required', 'Participants');
    expect(participants.tags).toContain('Plural');
    expect(participants.tags).not.toContain('ProperNoun');
  });

  it('tags names from compromise’s lexicon, a last name after a first name, and multi-word places', () => {
    expect(word('Augusto Lins', 'Augusto').tags).toContain('FirstName');
    expect(word('Augusto Lins', 'Lins').tags).toEqual(expect.arrayContaining(['LastName', 'Person']));
    expect(word('excludes members from utilising', 'Huawei').tags).toContain('ProperNoun');
    expect(word('in the United States and participating', 'United').tags).toContain('Country');
    expect(word('in the United States and participating', 'States').tags).toContain('Country');
  });

  it('makes a capitalised verb inside a capitalised run part of the name: "Lend-Lease Act", "Paris Coordinating Committee"', () => {
    for (const [phrase, name] of [['under the Lend-Lease Act', 'Lease'], ['Paris Coordinating Committee', 'Coordinating']] as const) {
      const { tags } = word(phrase, name);
      expect(tags, name).toContain('ProperNoun');
      expect(tags, name).not.toContain('Verb');
    }
  });

  it('gives the noun heads the figure extractor needs: "the world’s total", "monthly active users", "Technology-savvy"', () => {
    expect(word("almost two-thirds of the world's total", 'total').tags).toContain('Noun');
    expect(word('500 million monthly active users', 'monthly').tags).toContain('Adjective');
    expect(word('Technology-savvy nations', 'Technology').tags).toEqual(expect.arrayContaining(['Adjective', 'Hyphenated']));
  });

  it('lemmatises plurals and verb forms, but not short forms into long ones', () => {
    expect(word('significant threats to the personal data', 'threats')).toEqual({ tags: expect.arrayContaining(['Plural']), lemma: 'threat' });
    expect(word('has exaggerated the security threats', 'exaggerated').lemma).toBe('exaggerate');
    expect(word('has exaggerated the security threats', 'exaggerated').tags).toEqual(expect.arrayContaining(['Verb', 'PastTense']));
    // wink-nlp reads "app" as "application", and leaves "apps" alone.
    expect(word('remove their apps from Huawei’s app store', 'apps')).toEqual({ tags: expect.arrayContaining(['Plural']), lemma: 'app' });
    expect(word('remove their apps from Huawei’s app store', 'app').lemma).toBe('app');
    expect(word('Krach said at a press conference', 'said').tags).toEqual(expect.arrayContaining(['Verb', 'PastTense']));
  });

  it('gives a document the same words and extractions whatever the thread read before it', () => {
    // wink learns unseen words into its lexicon: after "Men's." anywhere, BBC's "Men's tennis is
    // exciting" became one wink token, tagged a proper noun, and the entity "Men" appeared or not
    // depending on the order a worker happened to read the corpus in.
    const extract = (path: string) => {
      const raw = readFileSync(`${BBC_DIR}${path}`);
      return processDocument({ path, raw, fileHash: sha256(raw), meta: {}, maxBytes: 5_000_000 }).processed!.extracted;
    };
    const sentence = "Men's tennis is exciting as well.";
    const tokens = () => winkTokens(sentence, 0, sentence.length, [0]).map((token) => `${token.text}/${token.pos}`);
    const before = { tokens: tokens(), extracted: extract('sport/438.txt') };
    expect(before.tokens.slice(0, 3)).toEqual(['Men/NOUN', "'s/PART", 'tennis/NOUN']);
    const teacher = "They reached the final of the Men's.";
    winkTokens(teacher, 0, teacher.length, [0]);
    expect(tokens()).toEqual(before.tokens);
    expect(extract('sport/438.txt')).toEqual(before.extracted);
  });
});
