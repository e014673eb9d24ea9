/**
 * compromise, loaded from its single-file CommonJS builds. Its ES module entry is 456 source files,
 * which Node resolves and links one by one, slower than the single-file build for every process and
 * worker thread that parses. The builds are the same version's code.
 * The full library is loaded only when asked for: the document stages read its data from the file the
 * build writes (parse/compromise-data.ts), and its tokenizer from the small build (`compromise/one`).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type nlpTokenizer from 'compromise/one';
import type nlpThree from 'compromise';

const require = createRequire(import.meta.url);

/** The tokenizer alone, which loads several times faster than the full library. */
export const nlpOne = require('compromise/one') as typeof nlpTokenizer;

/** The installed package's folder (its exports name only the builds; its sources and version are read from here). */
export const COMPROMISE_ROOT = join(dirname(require.resolve('compromise/one')), '..', '..');

let full: typeof nlpThree | undefined;

/** The full library: lexicon, tagger, number parsing (slow to load: its lexicon is expanded and its tagger set up). */
export function compromise(): typeof nlpThree {
  return (full ??= require('compromise') as typeof nlpThree);
}
