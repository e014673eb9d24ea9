/**
 * resolve-entities: one canonical entity per real thing across the whole corpus. Reads every stored
 * mention, groups them (see cluster.ts), rewrites the entities table and points each mention at its
 * entity. Runs on every run over all mentions, so a document added later can join or merge entities.
 */
import type { CorpusStage } from '../../pipeline/stage.ts';
import { resolveEntities, type MentionRow } from './cluster.ts';

export const resolveEntitiesStage: CorpusStage = {
  name: 'resolve-entities',
  scope: 'corpus',
  version: '1',
  run({ db }) {
    const rows = (db.prepare('SELECT id, text, role, place, acronym, evidence FROM mentions ORDER BY id').all() as (Omit<MentionRow, 'evidence'> & { evidence: string })[]).map((row) => ({
      ...row,
      evidence: JSON.parse(row.evidence) as MentionRow['evidence'],
    }));
    const entities = resolveEntities(rows);
    db.transaction(() => {
      db.prepare('UPDATE mentions SET entity_id = NULL').run();
      db.prepare('DELETE FROM entities').run();
      const insert = db.prepare('INSERT INTO entities (id, name, type, aliases, roles, mention_count, document_count) VALUES (?, ?, ?, ?, ?, ?, 0)');
      const point = db.prepare('UPDATE mentions SET entity_id = ? WHERE id = ?');
      for (const entity of entities) {
        insert.run(entity.id, entity.name, entity.type, JSON.stringify(entity.aliases), JSON.stringify(entity.roles), entity.mentionIds.length);
        for (const mention of entity.mentionIds) point.run(entity.id, mention);
      }
      db.prepare('UPDATE entities SET document_count = (SELECT count(DISTINCT document_id) FROM mentions WHERE entity_id = entities.id)').run();
    }).immediate();
    return { written: entities.length };
  },
};
