import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readCoreModel } from '../stages/parse/wink-model.ts';

const require = createRequire(import.meta.url);

describe('wink’s core model', () => {
  it('is made as wink-eng-lite-web-model’s core() makes it', () => {
    const theirs = (require('wink-eng-lite-web-model') as { core(): unknown }).core();
    const ours = readCoreModel();
    // Compared whole (the packed lexicon, every feature's list and look-up, the part-of-speech clusters).
    expect(isDeepStrictEqual(ours, theirs)).toBe(true);
    const stored = require('wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json') as { lexicon: string };
    expect(ours.lexicon.length * 4).toBe(Buffer.from(stored.lexicon, 'base64').length);
    expect(Object.keys(ours.features.lexeme!.hash!).length).toBe(ours.features.lexeme!.list.length);
  });

  it('is made anew each time: words wink adds to one model are not in the next', () => {
    const first = readCoreModel();
    first.features.lexeme!.list.push('zzyzxq');
    first.features.lexeme!.hash!['zzyzxq'] = first.features.lexeme!.list.length - 1;
    const second = readCoreModel();
    expect(second.features.lexeme!.list).not.toContain('zzyzxq');
    expect(second.features.lexeme!.hash!['zzyzxq']).toBeUndefined();
  });
});
