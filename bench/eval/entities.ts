/** Entities of the event texts: is each entity the pipeline finds in a text one the annotator listed, typed alike? */
import type { Export } from '../../pipeline/export.ts';
import type { EntityListItem } from './items.ts';

/** Names compare without case, a leading "the", possessives and punctuation. */
export const nameKey = (name: string) =>
  name.toLowerCase().replace(/[’']s\b/g, '').replace(/^the\s+/, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** The pipeline's finer types, as the annotation's four. */
const COARSE: Record<string, string> = { person: 'person', organization: 'organization', place: 'place' };

export interface EntityScores {
  documents: number;
  extracted: number;
  precision: number;
  recall: number;
  errors: string[];
}

export function scoreEntities(data: Export, items: EntityListItem[]): EntityScores {
  let extracted = 0, right = 0, gold = 0, goldFound = 0;
  const errors: string[] = [];
  for (const item of items) {
    if (!item.entities) continue;
    const document = data.documents.find((candidate) => candidate.paths.includes(item.file));
    if (!document) continue;
    const listed = item.entities.map((entity) => ({ ...entity, keys: new Set([entity.name, ...entity.aliases].map(nameKey)) }));
    const found = new Set<number>();
    for (const entity of data.entities) {
      const mentions = entity.mentions.filter((mention) => mention.doc === document.id);
      if (mentions.length === 0) continue;
      extracted += 1;
      const names = new Set([entity.name, ...mentions.map((mention) => mention.text)].map(nameKey));
      const match = listed.findIndex((gold) => [...names].some((name) => gold.keys.has(name)) && gold.type === (COARSE[entity.type] ?? 'other'));
      if (match >= 0) {
        right += 1;
        found.add(match);
      } else errors.push(`${item.file}: ${entity.name} (${entity.type}) is not a listed entity of that type`);
    }
    gold += listed.length;
    goldFound += found.size;
  }
  return { documents: items.length, extracted, precision: right / extracted, recall: goldFound / gold, errors };
}

/** A BBC entity drawn from a whole run, judged by hand: one real thing, named right, typed right. */
export interface JudgedEntity {
  id: string;
  name: string;
  type: string;
  /** How many mentions it had when drawn. */
  mentionCount: number;
  label: { one: boolean; name: boolean; type: boolean; note?: string } | null;
}

export interface JudgedScores {
  judged: number;
  /** Precision over every judged entity, as the rules of its draw made it. */
  asDrawn: number;
  present: number;
  precision: number;
  errors: string[];
}

/**
 * Precision over the judged entities the run still makes as they were judged (same id, name, type and
 * number of mentions); one made differently since is stale and left out, as its judgement is of
 * another entity. Precision as drawn counts every judgement: the rules of the draw's run.
 */
export function scoreJudgedEntities(data: Export, items: JudgedEntity[]): JudgedScores {
  const byId = new Map(data.entities.map((entity) => [entity.id, entity]));
  let present = 0, right = 0;
  const errors: string[] = [];
  const isRight = (label: NonNullable<JudgedEntity['label']>) => label.one && label.name && label.type;
  const labelled = items.filter((item) => item.label);
  for (const item of labelled) {
    const entity = byId.get(item.id);
    if (!entity || entity.name !== item.name || entity.type !== item.type || entity.mentions.length !== item.mentionCount) {
      errors.push(`stale: ${item.name} (${item.type}) is no longer made as judged`);
      continue;
    }
    present += 1;
    const { one, name, type } = item.label!;
    if (isRight(item.label!)) right += 1;
    else errors.push(`${item.name} (${item.type}): ${[!one && 'not one thing', !name && 'named wrong', !type && 'typed wrong'].filter(Boolean).join(', ')}`);
  }
  const asDrawn = labelled.length === 0 ? 0 : labelled.filter((item) => isRight(item.label!)).length / labelled.length;
  return { judged: labelled.length, asDrawn, present, precision: right / present, errors };
}
