/**
 * What the tagger takes from compromise without parsing: its word splitter, its lexicon (names,
 * places, modals, multi-word names), its tag hierarchy and its inflectors, each called as a function.
 * The splitter comes from compromise's small build, the lexicon and hierarchy from compromise-data.ts,
 * and the inflectors from compromise's sources: none of them needs the full library loaded.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { COMPROMISE_ROOT, nlpOne } from '../compromise.ts';
import { COMPROMISE_DATA, type InflectionModel } from './compromise-data.ts';

interface TokenizerWorld {
  methods: { one: { tokenize: { splitTerms(text: string, model: unknown): string[]; splitWhitespace(term: string, model: unknown): { text: string; pre: string; post: string } } } };
  model: unknown;
}
const tokenizer = (nlpOne as unknown as { world(): TokenizerWorld }).world();
export const { splitTerms, splitWhitespace } = tokenizer.methods.one.tokenize;
/** The model the splitter reads: the small build's, whose tokenizer settings are the full library's (a test compares them). */
export const MODEL = tokenizer.model;
const LEXICON = COMPROMISE_DATA.lexicon;
/** First words of the lexicon's multi-word entries ("united states", "labour party"), with the longest entry's length. */
export const MULTI_WORD = COMPROMISE_DATA.multiWord;
const TAG_PARENTS = COMPROMISE_DATA.tagParents;

/** The lexicon's tags for a lower-case word or phrase. */
export const lexiconTags = (word: string): string[] => {
  const entry = LEXICON[word];
  return entry === undefined ? [] : Array.isArray(entry) ? entry : [entry];
};
/** The lexicon tags that name a kind of proper noun or refine a word class; these are kept over wink's guess. */
export const PROPER_FAMILY = new Set(['Person', 'FirstName', 'MaleName', 'FemaleName', 'LastName', 'Honorific', 'Place', 'Country', 'City', 'Region', 'Organization', 'Company', 'School', 'SportsTeam', 'Demonym']);

// compromise's own inflectors, from its sources (ES modules): the package exports only its whole builds.
const transform = (path: string) => import(pathToFileURL(join(COMPROMISE_ROOT, 'src/2-two/preTagger/methods/transform', path)).href);
const [toSingular, toInfinitive] = (await Promise.all([transform('nouns/toSingular/index.js'), transform('verbs/toInfinitive/index.js')])).map((module) => module.default) as [
  (word: string, model: InflectionModel) => string,
  (word: string, model: InflectionModel, tense: string) => string,
];

/** A plural noun's singular, by compromise's inflector (the function alone: a parse per word costs 1,000 times more). */
export function singularOf(word: string): string {
  return toSingular(word, COMPROMISE_DATA.inflection);
}

/** A past participle's infinitive: "exaggerated" → "exaggerate". */
export function infinitiveOf(word: string): string {
  return toInfinitive(word, COMPROMISE_DATA.inflection, 'PastTense');
}

/** Adds `tag` and the tags it implies in compromise's hierarchy (a MaleName is a FirstName, a Person, a ProperNoun…). */
export function addWithParents(tags: Set<string>, tag: string): void {
  tags.add(tag);
  for (const parent of TAG_PARENTS[tag] ?? []) tags.add(parent);
}
