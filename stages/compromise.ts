/**
 * compromise, loaded from its single-file CommonJS build. Its ES module entry is 456 source files,
 * which Node resolves and links one by one: 300 ms against 180 for the build, paid by every process and
 * worker thread that parses. The build is the same version's code. (segment loads the tokenizer's build
 * the same way: 16 ms against 67.)
 */
import { createRequire } from 'node:module';
import type nlpThree from 'compromise';

/** The full library: lexicon, tagger, number parsing. */
export const nlp = createRequire(import.meta.url)('compromise') as typeof nlpThree;
