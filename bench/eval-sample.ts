/**
 * Draws the evaluation samples that are then annotated by hand (test/fixtures/eval/). It reads only the
 * texts, never the pipeline's output, so no expected label can come from the code under test. The
 * draw is fixed by its seed: run it again and the same items come out. It writes skeletons with empty
 * labels and refuses to overwrite a fixture that exists (labels are never redrawn).
 *
 *   npx tsx bench/eval-sample.ts figures-bbc|claims-bbc|figures-events|claims-events
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED, textFiles } from './eval/files.ts';
import { random } from './eval/random.ts';

const BBC = join(SHARED, 'bench', 'bbc');
const EVENTS = join(SHARED, 'eval', 'events');
const OUT = join(import.meta.dirname, '..', 'test', 'fixtures', 'eval');
const SECTIONS = ['business', 'entertainment', 'politics', 'sport', 'tech'];

function shuffled<T>(items: T[], next: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** A number as written: digits (with separators and decimals) or a spelled-out cardinal or scale word. */
const NUMBER = /(?<![\w.])(?:\d[\d,]*(?:\.\d+)?|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen|half)(?![\w-]))/gi;

/** The sentence around an offset: from the last sentence end or line break before it to the next. */
function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  let from = start;
  while (from > 0 && text[from - 1] !== '\n' && !/[.!?]["”’]?\s$/.test(text.slice(Math.max(0, from - 3), from))) from -= 1;
  let to = end;
  while (to < text.length && text[to] !== '\n' && !(/[.!?]/.test(text[to]!) && /\s/.test(text[to + 1] ?? ' ') && !/\d/.test(text[to - 1] ?? '') )) to += 1;
  return { start: from, end: Math.min(text.length, to + 1) };
}

/** A snippet around [start, end), within its line, that occurs once in the text, to find the place again in the stored text. */
function uniqueContext(text: string, start: number, end: number): string {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end) === -1 ? text.length : text.indexOf('\n', end);
  let snippet = text.slice(start, end);
  for (let pad = 12; pad < 400; pad += 6) {
    snippet = text.slice(Math.max(lineStart, start - pad), Math.min(lineEnd, end + pad));
    if (text.indexOf(snippet) === text.lastIndexOf(snippet)) return snippet;
  }
  return snippet;
}

interface Candidate { file: string; start: number; end: number; text: string; context: string; sentence: string }

function candidatesIn(file: string, text: string): Candidate[] {
  return [...text.matchAll(NUMBER)].map((match) => {
    const start = match.index!;
    const end = start + match[0].length;
    const sentence = sentenceAround(text, start, end);
    return { file, start, end, text: match[0], context: uniqueContext(text, start, end), sentence: text.slice(sentence.start, sentence.end).trim() };
  });
}

function read(path: string): string {
  return readFileSync(path, 'utf8');
}

/**
 * `perSection` items from each BBC section: files in a seeded shuffle, one item drawn at random from
 * each file that has any (files with undecodable bytes are passed over), until the section has its share.
 */
function drawPerSection<T>(seed: number, perSection: number, itemsOf: (file: string, text: string) => T[]): T[] {
  const next = random(seed);
  const items: T[] = [];
  for (const section of SECTIONS) {
    const files = readdirSync(join(BBC, section)).filter((name) => name.endsWith('.txt')).sort();
    let taken = 0;
    for (const name of shuffled(files, next)) {
      if (taken === perSection) break;
      const text = read(join(BBC, section, name));
      if (text.includes('\ufffd')) continue;
      const candidates = itemsOf(`${section}/${name}`, text);
      if (candidates.length === 0) continue;
      items.push(candidates[Math.floor(next() * candidates.length)]!);
      taken += 1;
    }
  }
  return items;
}

/** 60 numbers per BBC section. The title line is a headline, not a sentence of the article: numbers are drawn from the body. */
function figuresBbc(): unknown {
  return drawPerSection(22, 60, (file, text) => candidatesIn(file, text).filter((candidate) => candidate.start > text.indexOf('\n')).map((candidate) => ({ ...candidate, label: null })));
}

/** Sentences of the body, split at a sentence end followed by a space and a capital, or a line break. */
function sentencesOf(text: string): { start: number; end: number; text: string }[] {
  const sentences: { start: number; end: number; text: string }[] = [];
  const pattern = /[^\n]+?(?:[.!?]["”’]?(?=\s+["“‘A-Z])|$)/gm;
  for (const match of text.matchAll(pattern)) {
    const raw = match[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed.length < 20) continue;
    sentences.push({ start: match.index! + lead, end: match.index! + lead + trimmed.length, text: trimmed });
  }
  return sentences;
}

/** 20 sentences per BBC section, never the headline. */
function claimsBbc(): unknown {
  return drawPerSection(2201, 20, (file, text) => sentencesOf(text).filter((sentence) => sentence.start > text.indexOf('\n')).map((sentence) => ({ file, ...sentence, label: null })));
}

/** Every number in every event text: the texts are short, so nothing is sampled. */
function figuresEvents(): unknown {
  return textFiles(EVENTS).flatMap((file) => candidatesIn(file, read(join(EVENTS, file))).map((candidate) => ({ ...candidate, label: null })));
}

/** Every sentence of every event text. */
function claimsEvents(): unknown {
  return textFiles(EVENTS).flatMap((file) => sentencesOf(read(join(EVENTS, file))).map((sentence) => ({ file, ...sentence, label: null })));
}

const SETS: Record<string, () => unknown> = { 'figures-bbc': figuresBbc, 'claims-bbc': claimsBbc, 'figures-events': figuresEvents, 'claims-events': claimsEvents };
const name = process.argv[2] ?? '';
const draw = SETS[name];
if (!draw) {
  console.error(`usage: npx tsx bench/eval-sample.ts ${Object.keys(SETS).join('|')}`);
  process.exit(2);
}
const path = join(OUT, `${name}.json`);
if (existsSync(path)) {
  console.error(`${path} exists: its labels are never redrawn`);
  process.exit(1);
}
const items = draw() as unknown[];
writeFileSync(path, `${JSON.stringify({ set: name, drawnBy: 'bench/eval-sample.ts', items }, null, 1)}\n`);
console.log(`${path}: ${items.length} items`);
