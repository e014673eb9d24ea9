/**
 * Distinctive vocabulary: the weighted log-odds ratio with an informative Dirichlet prior (Monroe,
 * Colaresi and Quinn 2008, "Fightin' Words", eq. 16–22). Each side is compared with all the others; the
 * prior is the corpus's own word distribution scaled to α0, which keeps rare words from dominating a
 * small corpus the way raw frequencies or plain log-odds would.
 */

export interface TermScore {
  term: string;
  count: number;
  otherCount: number;
  logOdds: number;
  z: number;
}

/** Unigrams and bigrams of a sentence's stored content lemmas ("/" marks a gap). */
export function termsOf(stored: string): string[] {
  const words = stored.split(' ').filter(Boolean);
  const terms: string[] = [];
  for (let i = 0; i < words.length; i += 1) {
    if (words[i] === '/') continue;
    terms.push(words[i]!);
    if (words[i + 1] && words[i + 1] !== '/') terms.push(`${words[i]} ${words[i + 1]}`);
  }
  return terms;
}

/** Term counts by side (side → term → count), with what the scores of every side need worked out once. */
export interface Vocabulary {
  counts: Map<string, Map<string, number>>;
  /** Each term's count over all sides. */
  total: Map<string, number>;
  /** Each side's count of all its terms. */
  sizes: Map<string, number>;
}

export function vocabularyOf(counts: Map<string, Map<string, number>>): Vocabulary {
  const total = new Map<string, number>();
  for (const sideCounts of counts.values()) for (const [term, count] of sideCounts) total.set(term, (total.get(term) ?? 0) + count);
  return { counts, total, sizes: new Map([...counts].map(([side, terms]) => [side, [...terms.values()].reduce((sum, count) => sum + count, 0)])) };
}

/**
 * z-scores of every term for `side` against the other sides together. Terms seen fewer than `minCount`
 * times in the whole corpus are left out.
 */
export function fightinWords(vocabulary: Vocabulary, side: string, minCount = 3): TermScore[] {
  const { counts, total, sizes } = vocabulary;
  const corpusSize = [...sizes.values()].reduce((sum, count) => sum + count, 0);
  const alpha0 = Math.max(100, corpusSize * 0.1);
  const own = counts.get(side) ?? new Map<string, number>();
  const ownSize = sizes.get(side) ?? 0;
  const restSize = corpusSize - ownSize;
  const scores: TermScore[] = [];
  for (const [term, all] of total) {
    if (all < minCount) continue;
    const alpha = (alpha0 * all) / corpusSize;
    const y = own.get(term) ?? 0;
    const rest = all - y;
    const logOdds = Math.log((y + alpha) / (ownSize + alpha0 - y - alpha)) - Math.log((rest + alpha) / (restSize + alpha0 - rest - alpha));
    const variance = 1 / (y + alpha) + 1 / (rest + alpha);
    scores.push({ term, count: y, otherCount: rest, logOdds, z: logOdds / Math.sqrt(variance) });
  }
  return scores.sort((a, b) => b.z - a.z || (a.term < b.term ? -1 : 1));
}
