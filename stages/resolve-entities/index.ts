/**
 * resolve-entities: one canonical entity per real thing across the whole corpus. Reads every stored
 * mention (those alike in all the grouping reads as one row), groups them (see cluster.ts), and writes
 * what changed: entities that are new or different, entities gone, and mentions whose entity changed.
 * Grouping runs over all mentions on every run, so a document added later can join or merge entities;
 * the writes are proportional to what it changed.
 */
import type { StoredEntity } from '../../pipeline/db/documents.ts';
import type { CorpusStage } from '../../pipeline/stage.ts';
import { resolveEntities, type MentionRow } from './cluster.ts';
import { CORPUS_STAGE_VERSIONS } from '../versions.ts';

/**
 * Mentions alike in everything the grouping reads, one row each (BBC: 67,000 mentions, 22,000 rows):
 * each mention as id@document@entity, the first (smallest) id first, so rows come in mention order.
 */
const MENTION_ROWS = `SELECT text, role, place, acronym, evidence, group_concat(id || '@' || document_id || '@' || coalesce(entity_id, ''), ' ') AS mentions
  FROM mentions GROUP BY text, role, place, acronym, evidence ORDER BY min(id)`;

interface StoredRow {
  text: string;
  role: string | null;
  place: string | null;
  acronym: string | null;
  evidence: string;
  mentions: string;
}

const sameRow = (a: StoredEntity, b: StoredEntity) => a.name === b.name && a.type === b.type && a.aliases === b.aliases && a.roles === b.roles && a.mention_count === b.mention_count && a.document_count === b.document_count;

export const resolveEntitiesStage: CorpusStage = {
  name: 'resolve-entities',
  scope: 'corpus',
  version: CORPUS_STAGE_VERSIONS['resolve-entities'],
  needs: [],
  run({ db }) {
    const documentOf = new Map<string, string>();
    const entityBefore = new Map<string, string | null>();
    const rows = (db.prepare(MENTION_ROWS).all() as StoredRow[]).map(({ mentions, evidence, ...row }): MentionRow => {
      const ids = mentions.split(' ').map((mention) => {
        const [id, document, entity] = mention.split('@') as [string, string, string];
        documentOf.set(id, document);
        entityBefore.set(id, entity || null);
        return id;
      }).sort();
      return { ...row, id: ids[0]!, sameAs: ids.slice(1), evidence: JSON.parse(evidence) as MentionRow['evidence'] };
    });
    const entities = resolveEntities(rows);
    const entityRows: StoredEntity[] = entities.map((entity) => ({
      id: entity.id,
      name: entity.name,
      type: entity.type,
      aliases: JSON.stringify(entity.aliases),
      roles: JSON.stringify(entity.roles),
      mention_count: entity.mentionIds.length,
      document_count: new Set(entity.mentionIds.map((id) => documentOf.get(id))).size,
    }));
    const before = new Map((db.prepare('SELECT * FROM entities').all() as StoredEntity[]).map((row) => [row.id, row]));
    const entityOf = new Map(entities.flatMap((entity) => entity.mentionIds.map((id) => [id, entity.id] as const)));
    let written = 0;
    db.transaction(() => {
      // An update, not INSERT OR REPLACE (a delete and an insert): the store's triggers mark the report
      // pages of an entity's documents stale only when its name changes, not its counts.
      const insert = db.prepare('INSERT INTO entities (id, name, type, aliases, roles, mention_count, document_count) VALUES (@id, @name, @type, @aliases, @roles, @mention_count, @document_count)');
      const update = db.prepare('UPDATE entities SET name = @name, type = @type, aliases = @aliases, roles = @roles, mention_count = @mention_count, document_count = @document_count WHERE id = @id');
      const remove = db.prepare('DELETE FROM entities WHERE id = ?');
      const point = db.prepare('UPDATE mentions SET entity_id = ? WHERE id = ?');
      const kept = new Set(entityRows.map((row) => row.id));
      for (const id of before.keys()) if (!kept.has(id)) remove.run(id);
      for (const row of entityRows) {
        const old = before.get(row.id);
        if (old && sameRow(old, row)) continue;
        (old ? update : insert).run(row);
        written += 1;
      }
      for (const [mention, entity] of entityBefore) {
        const now = entityOf.get(mention) ?? null;
        if (entity !== now) point.run(now, mention);
      }
    }).immediate();
    return { written };
  },
};
