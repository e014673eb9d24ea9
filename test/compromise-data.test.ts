import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { compromise, nlpOne } from '../stages/compromise.ts';
import { deriveCompromiseData, INSTALLED_VERSION, loadCompromiseData } from '../stages/parse/compromise-data.ts';
import { infinitiveOf, singularOf } from '../stages/parse/lexicon.ts';
import { splitWords } from '../stages/parse/tagger.ts';
import { NUMBER, numberWordPhrases, numberWordValues, wordValue } from '../stages/extract-figures/numbers.ts';
import { BBC_DIR, SEED_FILES, readSeed } from './helpers.ts';

/** The seeds' text and one BBC section's: real words for the inflectors and number phrases. */
const TEXTS = [
  ...SEED_FILES.map((name) => readSeed(name).toString('utf8')),
  ...readdirSync(join(BBC_DIR, 'business')).map((name) => readFileSync(join(BBC_DIR, 'business', name), 'latin1')),
];

interface FullWorld {
  model: { one: Record<string, unknown> };
  methods: { two: { transform: { noun: { toSingular(word: string, model: unknown): string }; verb: { toInfinitive(word: string, model: unknown, tense: string): string } } } };
}
const full = () => (compromise() as unknown as { world(): FullWorld }).world();

describe("compromise's data, read without loading the full library", () => {
  it('survives being written as JSON whole', () => {
    const data = deriveCompromiseData({ 'twenty-one': 21 });
    expect(Object.keys(data.lexicon).length).toBeGreaterThan(20_000);
    expect(data.tagParents['MaleName']).toEqual(expect.arrayContaining(['FirstName', 'Person']));
    expect(isDeepStrictEqual(JSON.parse(JSON.stringify(data)), data)).toBe(true);
  });

  it('is read from the built file only when it was written for the installed compromise', () => {
    const folder = mkdtempSync(join(tmpdir(), 'compromise-data-'));
    const file = join(folder, 'compromise-data.json');
    const written = { ...deriveCompromiseData(), lexicon: { marker: 'Noun' } };
    writeFileSync(file, JSON.stringify(written));
    expect(loadCompromiseData(new URL(`file://${file}`)).lexicon).toEqual({ marker: 'Noun' });
    writeFileSync(file, JSON.stringify({ ...written, version: `${INSTALLED_VERSION}-other` }));
    expect(loadCompromiseData(new URL(`file://${file}`)).lexicon['marker']).toBeUndefined();
    expect(loadCompromiseData(new URL(`file://${join(folder, 'missing.json')}`)).version).toBe(INSTALLED_VERSION);
  });

  it("splits words with the small build's settings, which are the full library's", () => {
    const small = (nlpOne as unknown as { world(): FullWorld }).world().model.one;
    for (const setting of ['prefixes', 'suffixes', 'prePunctuation', 'postPunctuation', 'emoticons']) expect(small[setting], setting).toEqual(full().model.one[setting]);
    expect(splitWords('“The U.S.-led Clean Network,” he said.').map((word) => word.text)).toEqual(['The', 'U.S.-led', 'Clean', 'Network', 'he', 'said']);
  });

  it("inflects as the full library's inflectors do, on every plural and past form of the seeds and a BBC section", () => {
    const { noun, verb } = full().methods.two.transform;
    const words = [...new Set(TEXTS.flatMap((text) => text.toLowerCase().match(/\b[a-z]{3,}(?:s|ed)\b/g) ?? []))];
    expect(words.length).toBeGreaterThan(3_000);
    const differ = words.filter((word) => singularOf(word) !== noun.toSingular(word, full().model) || infinitiveOf(word) !== verb.toInfinitive(word, full().model, 'PastTense'));
    expect(differ).toEqual([]);
    expect([singularOf('networks'), singularOf('children'), infinitiveOf('exaggerated'), infinitiveOf('went')]).toEqual(['network', 'child', 'exaggerate', 'go']);
  });

  it('lists every number phrase in words the pattern finds in the seeds and a BBC section', () => {
    const listed = new Set(numberWordPhrases());
    const found = TEXTS.flatMap((text) => [...text.matchAll(NUMBER)].flatMap((match) => (match.groups!['fraction'] ?? (match.groups!['words'] !== undefined ? match[0] : undefined)) ?? []));
    const plain = found.map((phrase) => phrase.toLowerCase()).filter((phrase) => !/\s/.test(phrase.replaceAll(' ', '')));
    expect(plain.length).toBeGreaterThan(500);
    expect(plain.filter((phrase) => !listed.has(phrase))).toEqual([]);
    for (const phrase of listed) expect([...phrase.matchAll(NUMBER)].map((match) => match[0]), phrase).toEqual([phrase]);
  });

  it("gives every listed phrase compromise's value", () => {
    const values = numberWordValues();
    expect(Object.keys(values)).toHaveLength(numberWordPhrases().length);
    expect([values['twenty-one'], values['two hundred million'], values['two-thirds'], values['three quarters'], values['half'], values['dozen']]).toEqual([21, 200_000_000, 0.667, 0.75, null, null]);
    for (const phrase of ['five', 'forty million', 'a quarter', 'three-fifths', 'ninety-nine billion']) expect(values[phrase], phrase).toBe(wordValue(phrase) ?? null);
  });
});
