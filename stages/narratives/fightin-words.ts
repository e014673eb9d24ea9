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
  /** Each side's count of all its terms. */
  sizes: Map<string, number>;
  /** A term's count over all sides: looked up, not tabulated (a corpus's vocabulary is hundreds of thousands of terms, and its top terms need only one side's). */
  totalOf(term: string): number;
}

export function vocabularyOf(counts: Map<string, Map<string, number>>): Vocabulary {
  const sides = [...counts.values()];
  const sizes = new Map<string, number>();
  for (const [side, terms] of counts) {
    let size = 0;
    for (const count of terms.values()) size += count;
    sizes.set(side, size);
  }
  return {
    counts,
    sizes,
    totalOf: (term) => {
      let total = 0;
      for (const terms of sides) total += terms.get(term) ?? 0;
      return total;
    },
  };
}

/** Scores a term for `side` against the other sides together (its count over all sides being `all`). */
function scorer(vocabulary: Vocabulary, side: string): (term: string, all: number) => TermScore {
  const { counts, sizes } = vocabulary;
  const corpusSize = [...sizes.values()].reduce((sum, count) => sum + count, 0);
  const alpha0 = Math.max(100, corpusSize * 0.1);
  const own = counts.get(side) ?? new Map<string, number>();
  const ownSize = sizes.get(side) ?? 0;
  const restSize = corpusSize - ownSize;
  return (term, all) => {
    const alpha = (alpha0 * all) / corpusSize;
    const y = own.get(term) ?? 0;
    const rest = all - y;
    const logOdds = Math.log((y + alpha) / (ownSize + alpha0 - y - alpha)) - Math.log((rest + alpha) / (restSize + alpha0 - rest - alpha));
    const variance = 1 / (y + alpha) + 1 / (rest + alpha);
    return { term, count: y, otherCount: rest, logOdds, z: logOdds / Math.sqrt(variance) };
  };
}

/** Highest z first, ties by term. */
const byZ = (a: Pick<TermScore, 'term' | 'z'>, b: Pick<TermScore, 'term' | 'z'>) => b.z - a.z || (a.term < b.term ? -1 : 1);

/**
 * z-scores of every term for `side` against the other sides together. Terms seen fewer than `minCount`
 * times in the whole corpus are left out.
 */
export function fightinWords(vocabulary: Vocabulary, side: string, minCount = 3): TermScore[] {
  const score = scorer(vocabulary, side);
  const terms = new Set<string>();
  for (const sideTerms of vocabulary.counts.values()) for (const term of sideTerms.keys()) terms.add(term);
  const scores: TermScore[] = [];
  for (const term of terms) {
    const all = vocabulary.totalOf(term);
    if (all >= minCount) scores.push(score(term, all));
  }
  return scores.sort(byZ);
}

/** Keeps `top` the first `limit` of its items and `candidate` in `before` order (an insertion into a short sorted list). */
function keepTop<T>(top: T[], candidate: T, limit: number, before: (a: T, b: T) => number): void {
  if (top.length === limit && before(candidate, top[limit - 1]!) >= 0) return;
  let at = top.length;
  top.push(candidate);
  for (; at > 0 && before(candidate, top[at - 1]!) < 0; at -= 1) top[at] = top[at - 1]!;
  top[at] = candidate;
  if (top.length > limit) top.pop();
}

/**
 * The first `limit` scores of fightinWords among the terms `side` uses (count above 0), in its order:
 * only the side's own terms are scored, and only the best kept in order, instead of sorting a
 * corpus-wide vocabulary (hundreds of thousands of terms) to read its top.
 *
 * A side with many more terms than the others (the BBC corpus beside one added article) scores only
 * the terms it shares with them and its most used others: a term no other side uses scores higher the
 * more the side uses it, while its score is above 0 (its log-odds grows with its count, and its variance
 * falls), so below the `limit` most used ones none can enter the top.
 */
export function topFightinWords(vocabulary: Vocabulary, side: string, limit: number, minCount = 3): TermScore[] {
  const own = vocabulary.counts.get(side) ?? new Map<string, number>();
  const others = [...vocabulary.counts].filter(([name]) => name !== side).map(([, terms]) => terms);
  if (others.reduce((sum, terms) => sum + terms.size, 0) < own.size) {
    const shared = new Set<string>();
    for (const terms of others) for (const term of terms.keys()) if (own.has(term)) shared.add(term);
    const mostUsed: [term: string, count: number][] = [];
    const byCount = (a: [string, number], b: [string, number]) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1);
    for (const entry of own) {
      if (entry[1] < minCount || (mostUsed.length === limit && entry[1] < mostUsed[limit - 1]![1]) || shared.has(entry[0])) continue;
      keepTop(mostUsed, entry, limit, byCount);
    }
    const top = topOf(vocabulary, side, [...shared].map((term) => [term, own.get(term)!] as [string, number]).concat(mostUsed), limit, minCount);
    const score = scorer(vocabulary, side);
    // Exact while the least used term kept scores above 0 (else the scores of unused terms are not in count order).
    if (mostUsed.length < limit || score(mostUsed[limit - 1]![0], mostUsed[limit - 1]![1]).z > 0) return top;
  }
  return topOf(vocabulary, side, own, limit, minCount);
}

/** The first `limit` scores among `terms` (with `side`'s counts), as topFightinWords gives them. */
function topOf(vocabulary: Vocabulary, side: string, terms: Iterable<[string, number]>, limit: number, minCount: number): TermScore[] {
  const score = scorer(vocabulary, side);
  const top: TermScore[] = [];
  for (const [term, count] of terms) {
    if (count <= 0) continue;
    const all = vocabulary.totalOf(term);
    if (all < minCount) continue;
    keepTop(top, score(term, all), limit, byZ);
  }
  return top;
}
