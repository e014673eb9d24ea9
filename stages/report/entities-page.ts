/** reports/entities.md: every canonical entity with its aliases, roles and where it is named, and who appears with whom. */
import { cell, escapeInline, formatNumber, link, page, table } from './markdown.ts';
import type { StoredEntity } from '../../pipeline/db/documents.ts';
import type { StoredDocument, readCooccurrences, readEntityMentions } from './read-store.ts';
import { GENERATED, documentPage, paragraphAnchor } from './shared.ts';
import { addTo } from '../../pipeline/collections.ts';

export function renderEntities(
  entities: StoredEntity[],
  mentions: ReturnType<typeof readEntityMentions>,
  pairs: ReturnType<typeof readCooccurrences>,
  documents: Map<string, StoredDocument>,
): string {
  const names = new Map(entities.map((entity) => [entity.id, entity.name]));
  const byEntity = new Map<string, typeof mentions>();
  // Grouped once, by pushing: copying a group on every mention, or filtering all pairs per entity, is quadratic.
  for (const mention of mentions) addTo(byEntity, mention.entity_id, mention);
  const pairsOf = new Map<string, typeof pairs>();
  for (const pair of pairs) for (const id of [pair.a, pair.b]) addTo(pairsOf, id, pair);
  const entityLink = (id: string) => link(names.get(id) ?? id, `#${id}`);

  const summary = table(
    ['Entity', 'Type', 'Aliases', 'Mentions', 'Documents'],
    entities.map((entity) => [entityLink(entity.id), cell(entity.type), cell((JSON.parse(entity.aliases) as string[]).join(', ')), cell(entity.mention_count), cell(entity.document_count)]),
  );
  const together = table(
    ['Entities', 'Sentences naming both'],
    pairs.slice(0, 15).map((pair) => [`${entityLink(pair.a)} and ${entityLink(pair.b)}`, cell(pair.sentences)]),
  );
  const sections = entities.map((entity) => {
    const roles = JSON.parse(entity.roles) as string[];
    const aliases = JSON.parse(entity.aliases) as string[];
    const where = new Map<string, string[]>();
    for (const mention of byEntity.get(entity.id) ?? []) {
      const document = documents.get(mention.document_id)!;
      const anchor = link(`¶${mention.paragraph}${mention.count > 1 ? ` ×${mention.count}` : ''}`, `${documentPage(document.id)}#${paragraphAnchor(mention.paragraph)}`);
      const anchors = where.get(document.id);
      if (anchors) anchors.push(anchor);
      else where.set(document.id, [anchor]);
    }
    const companions = (pairsOf.get(entity.id) ?? [])
      .slice(0, 5)
      .map((pair) => `${entityLink(pair.a === entity.id ? pair.b : pair.a)} (${pair.sentences})`);
    return [
      `### ${escapeInline(entity.name)}`,
      `<a id="${entity.id}"></a>${entity.type}${aliases.length ? ` · also ${escapeInline(aliases.join(', '))}` : ''}${roles.length ? ` · roles: ${escapeInline(roles.join('; '))}` : ''}`,
      '',
      [...where].map(([id, anchors]) => `- ${link(documents.get(id)!.title, documentPage(id))}: ${anchors.join(', ')}`).join('\n'),
      companions.length ? `\nNamed in the same sentence as: ${companions.join(', ')}.` : '',
    ].join('\n');
  });
  return page(
    GENERATED,
    '# Entities',
    `${formatNumber(entities.length)} people, organisations, places and initiatives, each once however it is named. Mentions link to the paragraph they are in.`,
    summary,
    '## Named together most often',
    together,
    '## Each entity',
    sections.join('\n\n'),
  );
}
