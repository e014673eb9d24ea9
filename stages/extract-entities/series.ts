/**
 * A series of names in one document: a document that names two or more programmes or laws by one
 * opening word ("Clean Network Initiative", "Clean Path project") names more of the series that way,
 * and "the so-called Clean Store" is one of them though nothing else in its sentence types it. Only
 * programmes and laws lend their kind: a company's name opens the names of its products too
 * ("Microsoft Word", "Sony PSP"), and a prize's opens other prizes' ("Golden Bear", "Golden Rose").
 * Within the document only: across articles a first word is shared by unrelated names.
 */
import type { EntityMention } from './mentions.ts';
import { withoutPossessive } from './tokens.ts';
import { STRONG_VOTE, strongTypesOf, type EntityType } from './vocabulary.ts';

const SERIES_KINDS: EntityType[] = ['initiative', 'law'];

const firstWord = (mention: EntityMention) => mention.text.split(' ')[0]!.toLowerCase();
const nameOf = (mention: EntityMention) => withoutPossessive(mention.text);
const strongTypes = (mention: EntityMention) => strongTypesOf(mention.evidence);

/** Gives an untyped name of two or more words the kind of its series, where two other names of the document share its first word and that one kind. */
export function shareSeriesKind(mentions: EntityMention[]): EntityMention[] {
  const kinds = new Map<string, Map<string, Set<EntityType>>>();
  for (const mention of mentions) {
    if (!mention.text.includes(' ')) continue;
    const names = kinds.get(firstWord(mention)) ?? new Map<string, Set<EntityType>>();
    kinds.set(firstWord(mention), names);
    const types = names.get(nameOf(mention)) ?? new Set<EntityType>();
    names.set(nameOf(mention), types);
    for (const type of strongTypes(mention)) types.add(type);
  }
  for (const mention of mentions) {
    if (!mention.text.includes(' ') || strongTypes(mention).length > 0 || mention.place || mention.role) continue;
    const others = [...(kinds.get(firstWord(mention)) ?? [])].filter(([name, types]) => name !== nameOf(mention) && types.size > 0).map(([, types]) => types);
    const kind = SERIES_KINDS.find((type) => others.filter((types) => types.has(type)).length >= 2);
    if (kind && others.every((types) => types.size === 1 && types.has(kind))) mention.evidence = { ...mention.evidence, [kind]: STRONG_VOTE };
  }
  return mentions;
}
