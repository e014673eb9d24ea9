/**
 * A document's mentions, looked up by position in logarithmic time: resolving each claim's speaker by
 * filtering every mention of the document made claims quadratic in the document's length.
 */
import type { EntityMention } from '../extract-entities/mentions.ts';

/** The number of items of `sorted` whose key is below `limit` (binary search). */
function countBelow(sorted: readonly number[], key: (item: number) => number, limit: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (key(sorted[middle]!) < limit) low = middle + 1;
    else high = middle;
  }
  return low;
}

export class MentionIndex {
  readonly mentions: readonly EntityMention[];
  private readonly positions = new Map<EntityMention, number>();
  /** Mention indexes ordered by start, and by end. */
  private readonly byStart: number[];
  private readonly byEnd: number[];
  /** For each named filter: the largest index of a passing mention among the first k of `byEnd`, at k. */
  private readonly lastPassing = new Map<string, Int32Array>();
  private readonly firstPassing = new Map<string, number>();

  constructor(mentions: readonly EntityMention[]) {
    this.mentions = mentions;
    mentions.forEach((mention, index) => this.positions.set(mention, index));
    const indexes = mentions.map((_, index) => index);
    this.byStart = [...indexes].sort((a, b) => mentions[a]!.start - mentions[b]!.start || a - b);
    this.byEnd = [...indexes].sort((a, b) => mentions[a]!.end - mentions[b]!.end || a - b);
  }

  /** The mention's index in the document's mentions. */
  indexOf(mention: EntityMention): number {
    return this.positions.get(mention) ?? -1;
  }

  /** The mentions inside [start, end), in document order. */
  inside(start: number, end: number): EntityMention[] {
    const found: number[] = [];
    for (let k = countBelow(this.byStart, (index) => this.mentions[index]!.start, start); k < this.byStart.length; k += 1) {
      const mention = this.mentions[this.byStart[k]!]!;
      if (mention.start >= end) break;
      if (mention.end <= end) found.push(this.byStart[k]!);
    }
    return found.sort((a, b) => a - b).map((index) => this.mentions[index]!);
  }

  /** The last mention, in document order, that ends by `position` and passes `filter` (named, so its table is made once). */
  lastEndingBy(position: number, name: string, filter: (mention: EntityMention) => boolean): EntityMention | undefined {
    let table = this.lastPassing.get(name);
    if (!table) {
      table = new Int32Array(this.byEnd.length + 1).fill(-1);
      this.byEnd.forEach((index, k) => (table![k + 1] = filter(this.mentions[index]!) ? Math.max(table![k]!, index) : table![k]!));
      this.lastPassing.set(name, table);
    }
    const index = table[countBelow(this.byEnd, (item) => this.mentions[item]!.end, position + 1)]!;
    return index === -1 ? undefined : this.mentions[index];
  }

  /** The first mention of the document that passes `filter` (named, so it is looked for once). */
  first(name: string, filter: (mention: EntityMention) => boolean): EntityMention | undefined {
    if (!this.firstPassing.has(name)) this.firstPassing.set(name, this.mentions.findIndex(filter));
    const index = this.firstPassing.get(name)!;
    return index === -1 ? undefined : this.mentions[index];
  }
}
