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
