/**
 * Lists of named things (three or more of one type, joined by commas and "and"): the same list in
 * two sources corroborates; two sources enumerating the same set differently (sharing members and
 * what the sentence says about them, e.g. "joined the initiative") are a list mismatch. The lists
 * are found as each document is read (entity-lists.ts).
 */
import type { EntityList, MentionRow } from '../entity-lists.ts';
import { defineRule, type DraftFinding, type FindingItem } from '../rule.ts';
import { addTo } from '../../../pipeline/collections.ts';

export const rule = defineRule({
  id: 'compare-lists',
  kind: 'list_mismatch',
  conflict: true,
  label: 'Lists that differ',
  uses: ['corroboration'],
  run: ({ input }) => compareLists(input.lists, input.sentences),
});

function item(list: EntityList, text: string, sentenceStart: number): FindingItem {
  return { doc: list.doc, start: list.start, end: list.end, quote: text.slice(list.start - sentenceStart, list.end - sentenceStart), role: 'list' };
}

/**
 * Pairs of lists, compared. Pairs that say the same thing (the same kind and the same two quotes: an
 * article and its copies, syndicated versions of one report) are one finding with every source among
 * its items; pairs of copies once made findings that grew with the square of the number of copies.
 */
export function compareLists(lists: EntityList[], sentenceText: Map<string, { text: string; start: number }>): DraftFinding[] {
  const bySaying = new Map<string, { draft: DraftFinding; sides: [Map<string, FindingItem>, Map<string, FindingItem>] }>();
  const add = (draft: DraftFinding) => {
    const [first, second] = draft.items as [FindingItem, FindingItem];
    // A pair met the other way round says the same: each item goes to the side that quotes what it quotes.
    const sayings = [first.quote.toLowerCase(), second.quote.toLowerCase()];
    const key = `${draft.kind}|${draft.measure}|${[...sayings].sort().join('|')}`;
    const statement = (item: FindingItem) => `${item.doc}:${item.quote.toLowerCase()}`;
    const group = bySaying.get(key) ?? { draft, sides: [new Map(), new Map()] };
    bySaying.set(key, group);
    const groupSayings = [group.draft.items[0]!.quote.toLowerCase(), group.draft.items[1]!.quote.toLowerCase()];
    [first, second].forEach((item, index) => {
      const side = groupSayings[0] === groupSayings[1] ? index : groupSayings.indexOf(sayings[index]!);
      if (!group.sides[0].has(statement(item)) && !group.sides[1].has(statement(item))) group.sides[side]!.set(statement(item), item);
    });
  };
  const quote = (list: EntityList) => {
    const { text, start } = sentenceText.get(list.sentence)!;
    return item(list, text, start);
  };
  // Both findings need two members in common (a corroboration, all of them, and lists have three or
  // more): each list is compared only with the later lists that share two of its members, found through
  // the lists each entity is in, in the order all pairs were once compared in.
  const listsOf = new Map<string, number[]>();
  lists.forEach((list, index) => {
    for (const entity of new Set(list.members.map((member) => member.entity))) addTo(listsOf, entity, index);
  });
  for (let i = 0; i < lists.length; i += 1) {
    const sharing = new Map<number, number>();
    for (const entity of new Set(lists[i]!.members.map((member) => member.entity))) {
      for (const j of listsOf.get(entity)!) if (j > i) sharing.set(j, (sharing.get(j) ?? 0) + 1);
    }
    const candidates = [...sharing].filter(([, count]) => count >= 2).map(([j]) => j).sort((x, y) => x - y);
    for (const j of candidates) {
      const [a, b] = [lists[i]!, lists[j]!];
      if (a.doc === b.doc || a.members[0]!.type !== b.members[0]!.type) continue;
      const setA = new Set(a.members.map((member) => member.entity));
      const setB = new Set(b.members.map((member) => member.entity));
      const shared = [...setA].filter((entity) => setB.has(entity));
      const names = (members: MentionRow[], only: Set<string>) => members.filter((member) => only.has(member.entity)).map((member) => member.name);
      if (shared.length === setA.size && shared.length === setB.size) {
        add({
          kind: 'corroboration',
          summary: `Two sources list the same ${shared.length} ${a.members[0]!.type === 'place' ? 'places' : 'names'}: ${a.members.map((member) => member.name).join(', ')}.`,
          measure: `list: ${[...setA].sort().join(', ')}`,
          severity: 'info',
          items: [quote(a), quote(b)],
          evidence: ['the same members in both lists'],
        });
        continue;
      }
      const otherContext = new Set(b.context);
      const sharedContext = a.context.filter((word) => otherContext.has(word)).sort();
      if (shared.length < 2 || sharedContext.length === 0) continue;
      const onlyA = names(a.members, new Set([...setA].filter((entity) => !setB.has(entity))));
      const onlyB = names(b.members, new Set([...setB].filter((entity) => !setA.has(entity))));
      add({
        kind: 'list_mismatch',
        summary: `Two sources list different ${a.members[0]!.type === 'place' ? 'places' : 'names'} for the same thing (“${sharedContext.join('”, “')}”): both name ${names(a.members, new Set(shared)).join(', ')}; only one names ${[...onlyA, ...onlyB].join(', ')}.`,
        measure: `list: ${sharedContext.join(' ')} (${a.members[0]!.type})`,
        severity: 'medium',
        items: [quote(a), quote(b)],
        evidence: [`${shared.length} members in common`, `both sentences say: ${sharedContext.join(', ')}`],
      });
    }
  }
  return [...bySaying.values()].map(({ draft, sides }) => {
    const items = [...sides[0].values(), ...sides[1].values()];
    const sources = new Set(items.map((item) => item.doc)).size;
    return { ...draft, items, summary: sources === 2 ? draft.summary : draft.summary.replace(/^Two sources/, `${sources} sources`) };
  });
}
