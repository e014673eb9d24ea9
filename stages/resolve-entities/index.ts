/**
 * resolve-entities: one canonical entity per real thing across the whole corpus. Reads every stored
 * mention, groups them (see cluster.ts), and writes what changed: entities that are new or different,
 * entities gone, and mentions whose entity changed. Grouping runs over all mentions on every run, so a
 * document added later can join or merge entities; the writes are proportional to what it changed.
 */
import type { StoredEntity } from '../../pipeline/db/documents.ts';
import type { CorpusStage } from '../../pipeline/stage.ts';
import { resolveEntities, type MentionRow } from './cluster.ts';
import { CORPUS_STAGE_VERSIONS } from '../versions.ts';

interface StoredMention extends Omit<MentionRow, 'evidence'> {
  evidence: string;
  document_id: string;
  entity_id: string | null;
}

const sameRow = (a: StoredEntity, b: StoredEntity) => a.name === b.name && a.type === b.type && a.aliases === b.aliases && a.roles === b.roles && a.mention_count === b.mention_count && a.document_count === b.document_count;

export const resolveEntitiesStage: CorpusStage = {
  name: 'resolve-entities',
  scope: 'corpus',
  version: CORPUS_STAGE_VERSIONS['resolve-entities'],
  needs: [],
  run({ db }) {
    const stored = db.prepare('SELECT id, document_id, entity_id, text, role, place, acronym, evidence FROM mentions ORDER BY id').all() as StoredMention[];
    const entities = resolveEntities(stored.map(({ document_id: _document, entity_id: _entity, ...row }) => ({ ...row, evidence: JSON.parse(row.evidence) as MentionRow['evidence'] })));
    const documentOf = new Map(stored.map((mention) => [mention.id, mention.document_id]));
    const rows: StoredEntity[] = entities.map((entity) => ({
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
      const kept = new Set(rows.map((row) => row.id));
      for (const id of before.keys()) if (!kept.has(id)) remove.run(id);
      for (const row of rows) {
        const old = before.get(row.id);
        if (old && sameRow(old, row)) continue;
        (old ? update : insert).run(row);
        written += 1;
      }
      for (const mention of stored) {
        const entity = entityOf.get(mention.id) ?? null;
        if (mention.entity_id !== entity) point.run(entity, mention.id);
      }
    }).immediate();
    return { written };
  },
};
