/**
 * What the tagger takes from compromise without parsing: its word splitter, its lexicon (names,
 * places, modals, multi-word names), its tag hierarchy and its inflectors, each called as a function.
 */
import { nlp } from '../compromise.ts';

interface World {
  methods: { one: { tokenize: { splitTerms(text: string, model: unknown): string[]; splitWhitespace(term: string, model: unknown): { text: string; pre: string; post: string } } } };
  model: { one: { _multiCache: Record<string, number>; lexicon: Record<string, string | string[]>; tagSet: Record<string, { parents: string[] }> } };
}
const world = (nlp as unknown as { world(): World }).world();
export const { splitTerms, splitWhitespace } = world.methods.one.tokenize;
export const MODEL = world.model;
const LEXICON = world.model.one.lexicon;
/** First words of the lexicon's multi-word entries ("united states", "labour party"), with the longest entry's length. */
export const MULTI_WORD = world.model.one._multiCache;
const TAG_SET = world.model.one.tagSet;

/** The lexicon's tags for a lower-case word or phrase. */
export const lexiconTags = (word: string): string[] => {
  const entry = LEXICON[word];
  return entry === undefined ? [] : Array.isArray(entry) ? entry : [entry];
};
/** The lexicon tags that name a kind of proper noun or refine a word class; these are kept over wink's guess. */
export const PROPER_FAMILY = new Set(['Person', 'FirstName', 'MaleName', 'FemaleName', 'LastName', 'Honorific', 'Place', 'Country', 'City', 'Region', 'Organization', 'Company', 'School', 'SportsTeam', 'Demonym']);

interface Inflector {
  noun: { toSingular(word: string, model: unknown): string };
  verb: { toInfinitive(word: string, model: unknown, tense: string): string };
}
const { noun: NOUN_INFLECTOR, verb: VERB_INFLECTOR } = (world.methods as unknown as { two: { transform: Inflector } }).two.transform;

/** A plural noun's singular, by compromise's inflector (the function alone: a parse per word costs 1,000 times more). */
export function singularOf(word: string): string {
  return NOUN_INFLECTOR.toSingular(word, world.model);
}

/** A past participle's infinitive: "exaggerated" → "exaggerate". */
export function infinitiveOf(word: string): string {
  return VERB_INFLECTOR.toInfinitive(word, world.model, 'PastTense');
}

/** Adds `tag` and the tags it implies in compromise's hierarchy (a MaleName is a FirstName, a Person, a ProperNoun…). */
export function addWithParents(tags: Set<string>, tag: string): void {
  tags.add(tag);
  for (const parent of TAG_SET[tag]?.parents ?? []) tags.add(parent);
}
