/**
 * resolve-entities: one canonical entity per real thing across the whole corpus. Brings the store's
 * mention groups up to date (groups.ts), groups them into entities (cluster.ts) and writes what changed:
 * entities that are new or different, entities gone, and the mentions of groups whose entity changed.
 * Grouping runs over all groups on every run, so a document added later can join or merge entities;
 * the reads of mentions and the writes are proportional to what changed.
 */
import type Database from 'better-sqlite3';
import type { StoredEntity } from '../../pipeline/db/documents.ts';
import type { CorpusStage } from '../../pipeline/stage.ts';
import { mentionKey, resolveEntities, type MentionRow, type ResolvedEntity } from './cluster.ts';
import { readGroups, readGroupsAhead, updateGroups, type StoredGroup } from './groups.ts';
import { CORPUS_STAGE_VERSIONS } from '../versions.ts';
import { formatNumber } from '../../pipeline/format.ts';

const sameRow = (a: StoredEntity, b: StoredEntity) => a.name === b.name && a.type === b.type && a.aliases === b.aliases && a.roles === b.roles && a.mention_count === b.mention_count && a.document_count === b.document_count;

/** The stored entities, read ahead (see readAhead), by connection. */
const entitiesAhead = new WeakMap<Database.Database, StoredEntity[]>();

/** Each group as resolution reads it, kept with the group object: a group read ahead is parsed and keyed before the run. */
const rowOfGroup = new WeakMap<StoredGroup, MentionRow>();

function mentionRowOf(group: StoredGroup): MentionRow {
  let row = rowOfGroup.get(group);
  if (!row) {
    row = { id: group.first_mention, count: group.mention_count, text: group.text, role: group.role, place: group.place, acronym: group.acronym, evidence: JSON.parse(group.evidence) as MentionRow['evidence'] };
    rowOfGroup.set(group, row);
  }
  return row;
}

/** Above this many entities to count documents for, one pass over all mentions beats a query per entity. */
const COUNT_ALL_ABOVE = 500;

/**
 * How many documents name each entity of `changed`; the others keep their stored count (their groups,
 * and the mentions of those groups, are as they were).
 */
function documentCounts(db: Database.Database, entities: ResolvedEntity[], changed: Set<string>, groupOf: Map<MentionRow, StoredGroup>): Map<string, number> {
  const counts = new Map<string, number>();
  const recount = entities.filter((entity) => changed.has(entity.id));
  if (recount.length > COUNT_ALL_ABOVE) {
    const entityOfGroup = new Map(entities.flatMap((entity) => entity.rows.map((row) => [groupOf.get(row)!.id, entity.id] as const)));
    const documents = new Map<string, Set<string>>();
    for (const [group, document] of db.prepare('SELECT DISTINCT group_id, document_id FROM mentions').raw().iterate() as Iterable<[number, string]>) {
      const entity = entityOfGroup.get(group)!;
      documents.set(entity, (documents.get(entity) ?? new Set()).add(document));
    }
    for (const entity of recount) counts.set(entity.id, documents.get(entity.id)?.size ?? 0);
    return counts;
  }
  const count = db.prepare('SELECT count(DISTINCT document_id) FROM mentions WHERE group_id IN (SELECT value FROM json_each(?))').pluck();
  for (const entity of recount) counts.set(entity.id, count.get(JSON.stringify(entity.rows.map((row) => groupOf.get(row)!.id))) as number);
  return counts;
}

/**
 * Entities whose documents may have changed: new ones, those with a group that changed or came from
 * another entity, and those that lost a group. The others have the groups they had, with the mentions
 * they had, so they name the documents they named.
 */
function changedEntities(entities: ResolvedEntity[], groupOf: Map<MentionRow, StoredGroup>, before: Map<string, StoredEntity>, dropped: Set<string>): Set<string> {
  const changed = new Set(dropped);
  for (const entity of entities) {
    if (!before.has(entity.id)) changed.add(entity.id);
    for (const row of entity.rows) {
      const group = groupOf.get(row)!;
      if (group.dirty || group.entity_id !== entity.id) {
        changed.add(entity.id);
        if (group.entity_id !== null) changed.add(group.entity_id);
      }
    }
  }
  return changed;
}

export const resolveEntitiesStage: CorpusStage = {
  name: 'resolve-entities',
  scope: 'corpus',
  version: CORPUS_STAGE_VERSIONS['resolve-entities'],
  needs: [],
  // Only resolution writes groups' entities and the entities: what it reads of them can be read ahead.
  readAhead(db) {
    // A group read ahead is the same object at the run unless it turns dirty: its row and key are kept.
    for (const group of readGroupsAhead(db)) mentionKey(mentionRowOf(group));
    entitiesAhead.set(db, db.prepare('SELECT * FROM entities').all() as StoredEntity[]);
  },
  run({ db }) {
    let written = 0;
    let redone = '';
    db.transaction(() => {
      const { droppedEntities } = updateGroups(db);
      const groups = readGroups(db);
      const changedGroups = groups.filter((group) => group.dirty).length;
      const groupOf = new Map<MentionRow, StoredGroup>();
      const rows = groups.map((group) => {
        const row = mentionRowOf(group);
        groupOf.set(row, group);
        return row;
      });
      const entities = resolveEntities(rows);
      const before = new Map((entitiesAhead.get(db) ?? (db.prepare('SELECT * FROM entities').all() as StoredEntity[])).map((row) => [row.id, row]));
      entitiesAhead.delete(db);
      const changed = changedEntities(entities, groupOf, before, droppedEntities);
      const documentCount = documentCounts(db, entities, changed, groupOf);
      // An update, not INSERT OR REPLACE (a delete and an insert): the store's triggers mark the report
      // pages of an entity's documents stale only when its name changes, not its counts.
      const insert = db.prepare('INSERT INTO entities (id, name, type, aliases, roles, mention_count, document_count) VALUES (@id, @name, @type, @aliases, @roles, @mention_count, @document_count)');
      const update = db.prepare('UPDATE entities SET name = @name, type = @type, aliases = @aliases, roles = @roles, mention_count = @mention_count, document_count = @document_count WHERE id = @id');
      const remove = db.prepare('DELETE FROM entities WHERE id = ?');
      const point = db.prepare('UPDATE mentions SET entity_id = ? WHERE group_id = ? AND entity_id IS NOT ?');
      const settle = db.prepare('UPDATE mention_groups SET entity_id = ?, dirty = 0 WHERE id = ?');
      const kept = new Set(entities.map((entity) => entity.id));
      for (const id of before.keys()) if (!kept.has(id)) remove.run(id);
      for (const entity of entities) {
        const old = before.get(entity.id);
        // An entity with the groups it had (see changedEntities) has the name, aliases, roles and counts it
        // had, and its groups point at it already: only its type can differ (typeByFamily reads the others).
        if (old && !changed.has(entity.id)) {
          if (old.type !== entity.type) {
            update.run({ ...old, type: entity.type });
            written += 1;
          }
          continue;
        }
        const row: StoredEntity = {
          id: entity.id,
          name: entity.name,
          type: entity.type,
          aliases: JSON.stringify(entity.aliases),
          roles: JSON.stringify(entity.roles),
          mention_count: entity.mentionCount,
          document_count: changed.has(entity.id) ? documentCount.get(entity.id)! : old!.document_count,
        };
        if (!old || !sameRow(old, row)) {
          (old ? update : insert).run(row);
          written += 1;
        }
        for (const mentionRow of entity.rows) {
          const group = groupOf.get(mentionRow)!;
          if (!group.dirty && group.entity_id === entity.id) continue;
          point.run(entity.id, group.id, entity.id);
          settle.run(entity.id, group.id);
        }
      }
      redone = `${formatNumber(changedGroups)} of ${formatNumber(groups.length)} mention groups changed, all grouped again; ${formatNumber(written)} entities written`;
    }).immediate();
    return { written, redone };
  },
};
