/**
 * WordNet synonyms as one reconcile run looks them up: from the store's _wordnet_synonyms, where earlier
 * runs kept them (a look-up there is a tenth of one in WordNet's files: a binary search and a synset
 * read), else from the files (wordnet.ts). What the store lacked is kept for the stage's writing.
 */
import type Database from 'better-sqlite3';
import { lemmaOf, synonymsOf, WORDNET_SOURCE } from './wordnet.ts';

export interface RunSynonyms {
  /** The lemmas of the first sense of `word` (wordnet.ts synonymsOf). */
  of(word: string): Set<string>;
  /** The words the store lacked, with their synonyms as stored (a JSON array), for storeSynonyms. */
  found: Map<string, string>;
}

/** Looks synonyms up for one run, reading the store only. */
export function runSynonyms(db: Database.Database): RunSynonyms {
  const read = db.prepare('SELECT synonyms FROM _wordnet_synonyms WHERE word = ? AND source = ?').pluck();
  const known = new Map<string, Set<string>>();
  const found = new Map<string, string>();
  const of = (word: string) => {
    const key = lemmaOf(word);
    let synonyms = known.get(key);
    if (synonyms) return synonyms;
    const stored = read.get(key, WORDNET_SOURCE) as string | undefined;
    if (stored !== undefined) synonyms = new Set(JSON.parse(stored) as string[]);
    else {
      synonyms = synonymsOf(key);
      found.set(key, JSON.stringify([...synonyms]));
    }
    known.set(key, synonyms);
    return synonyms;
  };
  return { of, found };
}

/** Keeps the synonyms a run found in the files. */
export function storeSynonyms(db: Database.Database, found: Map<string, string>): void {
  const store = db.prepare('INSERT OR REPLACE INTO _wordnet_synonyms (word, source, synonyms) VALUES (?, ?, ?)');
  for (const [word, synonyms] of found) store.run(word, WORDNET_SOURCE, synonyms);
}
