/**
 * resolve-entities: one canonical entity per real thing across the whole corpus. Brings the store's
 * mention groups up to date (groups.ts), groups them into entities (cluster.ts, entity.ts) and writes
 * what changed: entities that are new or different, entities gone, and the mentions of groups whose
 * entity changed. Only the keys of changed groups are grouped again, with every key that their rules
 * reach and every key of the entities they had (keys.ts): so a document added later can join or merge
 * entities, and costs its own part of the corpus, not all of it. Ids are worked out over all the
 * entities in order, from the name, type and first mention each one keeps.
 */
import type Database from 'better-sqlite3';
import type { StoredEntity } from '../../pipeline/db/documents.ts';
import type { CorpusStage } from '../../pipeline/stage.ts';
import type { EntityType } from '../extract-entities/vocabulary.ts';
import { clusterRows, NOTHING_OUTSIDE, type MentionRow } from './cluster.ts';
import { byId, draftEntity, isNamedEntity, nameInOrder, namesNothing, type EntityDraft, type ResolvedEntity } from './entity.ts';
import { dropGroups, groupChanges, groupMentions, HAS_MENTIONS, mentionRowOf, readGroups, type StoredGroup } from './groups.ts';
import { keysKnown, outsideOf, seedsOf, storeKeyFacts, widen } from './keys.ts';
import type { CurrentEntity } from './current.ts';
import { CORPUS_STAGE_VERSIONS } from '../versions.ts';
import { formatNumber } from '../../pipeline/format.ts';

const sameRow = (a: StoredEntity, b: StoredEntity) =>
  a.name === b.name && a.type === b.type && a.aliases === b.aliases && a.roles === b.roles && a.mention_count === b.mention_count && a.document_count === b.document_count && a.evidence_type === b.evidence_type && a.first_mention === b.first_mention;

/** What naming reads of a stored entity, in the order of first mentions (and its aliases, to hand on: current.ts). */
interface EntityInOrder {
  id: string;
  name: string;
  type: EntityType;
  evidenceType: EntityType;
  firstMention: string;
  aliases: string;
}

const IN_ORDER = 'SELECT id, name, type, evidence_type AS evidenceType, first_mention AS firstMention, aliases FROM entities ORDER BY first_mention';

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
    const entityOfGroup = new Map(recount.flatMap((entity) => entity.rows.map((row) => [groupOf.get(row)!.id, entity.id] as const)));
    const documents = new Map<string, Set<string>>();
    for (const [group, document] of db.prepare('SELECT DISTINCT group_id, document_id FROM mentions').raw().iterate() as Iterable<[number, string]>) {
      const entity = entityOfGroup.get(group);
      if (entity !== undefined) documents.set(entity, (documents.get(entity) ?? new Set()).add(document));
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

/** The part of the corpus grouped again: its groups, the entities they make and the entities they had. */
interface Regrouping {
  groups: StoredGroup[];
  groupOf: Map<MentionRow, StoredGroup>;
  entities: ResolvedEntity[];
  /** The part's groups that make no entity (isNamedEntity): their mentions name none. */
  unnamed: StoredGroup[];
  /** The entities the part's groups had, and those of dropped groups. */
  entitiesBefore: Set<string>;
  /** Every entity, as the writes leave it, in id order. */
  current: CurrentEntity[];
  facts: ReturnType<typeof clusterRows>['facts'];
}

/**
 * Groups the keys of `scope` (every key if undefined) again, widening the scope until no rule reaches
 * beyond it and no entity beyond it takes another id.
 */
function regroup(db: Database.Database, scope: Set<string> | undefined, droppedEntities: Set<string>): Regrouping {
  // The stored entities in order: read once, however often the part widens.
  let storedInOrder: EntityInOrder[] | undefined;
  const storedEntities = () => (storedInOrder ??= db.prepare(IN_ORDER).all() as EntityInOrder[]);
  // Nothing changed: the entities and their ids are as they were.
  if (scope?.size === 0) {
    const current = storedEntities().map(({ id, name, type, aliases }) => ({ id, name, type, aliases }));
    return { groups: [], groupOf: new Map(), entities: [], unnamed: [], entitiesBefore: new Set(), current: current.sort(byId), facts: new Map() };
  }
  for (;;) {
    const groups = readGroups(db, scope);
    const groupOf = new Map<MentionRow, StoredGroup>();
    const rows = groups.map((group) => {
      const row = mentionRowOf(group);
      groupOf.set(row, group);
      return row;
    });
    const clustering = clusterRows(rows, scope ? outsideOf(db, scope) : NOTHING_OUTSIDE);
    if (clustering.escapes.size > 0) {
      scope = widen(db, scope!, clustering.escapes, new Set());
      continue;
    }
    const drafts = clustering.components.map(draftEntity);
    // Grouping every key makes every entity again, whether or not a group still points at it.
    const entitiesBefore = new Set(scope ? droppedEntities : (db.prepare('SELECT id FROM entities').pluck().all() as string[]));
    for (const group of groups) if (group.entity_id !== null) entitiesBefore.add(group.entity_id);
    const stored = scope ? storedEntities().filter((entity) => !entitiesBefore.has(entity.id)) : [];
    // Ids only for the entities kept, so that a name left out takes no id: the stored entities, which
    // the ids of a later part are worked out with, lack it too.
    const made = drafts.filter((draft) => isNamedEntity(draft, draft.evidenceType) && !namesNothing(draft, clustering.generic));
    const inOrder = mergeInOrder(made, stored);
    const kept = new Set(made);
    const unnamed = drafts.filter((draft) => !kept.has(draft)).flatMap((draft) => draft.rows.map((row) => groupOf.get(row)!));
    const named = nameInOrder(inOrder);
    const renamed = new Set<string>();
    const entities: ResolvedEntity[] = [];
    const current: CurrentEntity[] = [];
    inOrder.forEach((entity, index) => {
      const { id, type } = named[index]!;
      if ('rows' in entity) {
        entities.push({ ...entity, id, type });
        current.push({ id, name: entity.name, type, aliases: JSON.stringify(entity.aliases) });
        return;
      }
      if (id !== entity.id) renamed.add(entity.id);
      current.push({ id, name: entity.name, type, aliases: entity.aliases });
    });
    if (renamed.size > 0) {
      // An entity outside the part takes another id: an entity of the part now comes before it with its name.
      scope = widen(db, scope!, [], renamed);
      continue;
    }
    return { groups, groupOf, entities, unnamed, entitiesBefore, current: current.sort(byId), facts: clustering.facts };
  }
}

/** Drafts and stored entities, each in the order of first mentions, as one list in that order (mention ids are ASCII: code unit order is SQLite's). */
function mergeInOrder(drafts: EntityDraft[], stored: EntityInOrder[]): (EntityDraft | EntityInOrder)[] {
  const merged: (EntityDraft | EntityInOrder)[] = [];
  let s = 0;
  for (const draft of drafts) {
    while (s < stored.length && stored[s]!.firstMention < draft.firstMention) merged.push(stored[s++]!);
    merged.push(draft);
  }
  while (s < stored.length) merged.push(stored[s++]!);
  return merged;
}

/** What resolution writes, worked out reading only (planResolution). */
interface ResolutionPlan {
  /** Groups left with no mention. */
  emptyGroups: number[];
  removed: string[];
  /** Each entity of the part grouped again: its row if new or different, and the groups that now point at it. */
  entities: { id: string; row?: StoredEntity; insert: boolean; groups: number[] }[];
  /** Groups of the part that now name no entity and are not yet settled so. */
  unnamed: number[];
  facts: Regrouping['facts'];
  /** The keys whose facts are written (all of `facts` if undefined). */
  factKeys: Set<string> | undefined;
  current: CurrentEntity[];
  written: number;
  redone: string;
}

/** Resolves the entities on one snapshot of the store (a read transaction): what storeResolution writes. */
function planResolution(db: Database.Database): ResolutionPlan {
  const { changedKeys, droppedEntities, emptyGroups } = groupChanges(db);
  // Without stored key facts (a new store, or an older one without them), every key is grouped.
  const partly = keysKnown(db);
  const scope = partly ? widen(db, new Set(), seedsOf(db, changedKeys), droppedEntities) : undefined;
  const { groups, groupOf, entities, unnamed, entitiesBefore, current, facts } = regroup(db, scope, droppedEntities);
  const before = new Map((db.prepare('SELECT * FROM entities WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify([...entitiesBefore])) as StoredEntity[]).map((row) => [row.id, row]));
  // An entity whose group now makes none (isNamedEntity) lost that group, as one whose group emptied did.
  const lostGroups = new Set([...droppedEntities, ...unnamed.map((group) => group.entity_id).filter((id): id is string => id !== null)]);
  const changed = changedEntities(entities, groupOf, before, lostGroups);
  const documentCount = documentCounts(db, entities, changed, groupOf);
  const kept = new Set(entities.map((entity) => entity.id));
  const plan: ResolutionPlan = { emptyGroups, removed: [...entitiesBefore].filter((id) => !kept.has(id)), entities: [], unnamed: unnamed.filter((group) => group.dirty || group.entity_id !== null).map((group) => group.id), facts, factKeys: scope ? changedKeys : undefined, current, written: 0, redone: '' };
  for (const entity of entities) {
    const old = before.get(entity.id);
    const row: StoredEntity = {
      id: entity.id,
      name: entity.name,
      type: entity.type,
      aliases: JSON.stringify(entity.aliases),
      roles: JSON.stringify(entity.roles),
      mention_count: entity.mentionCount,
      // An entity with the groups it had (see changedEntities) names the documents it named.
      document_count: changed.has(entity.id) ? documentCount.get(entity.id)! : old!.document_count,
      evidence_type: entity.evidenceType,
      first_mention: entity.firstMention,
    };
    const write = !old || !sameRow(old, row);
    if (write) plan.written += 1;
    const pointing = entity.rows.map((mentionRow) => groupOf.get(mentionRow)!).filter((group) => group.dirty || group.entity_id !== entity.id);
    plan.entities.push({ id: entity.id, row: write ? row : undefined, insert: !old, groups: pointing.map((group) => group.id) });
  }
  const total = scope ? (db.prepare(`SELECT count(*) FROM _mention_groups WHERE ${HAS_MENTIONS}`).pluck().get() as number) : groups.length;
  const dirty = groups.filter((group) => group.dirty).length;
  plan.redone = `${formatNumber(dirty)} of ${formatNumber(total)} mention groups changed, ${formatNumber(groups.length)} grouped again; ${formatNumber(plan.written)} entities written`;
  return plan;
}

/** Writes what planResolution worked out, in the order it did: groups left empty go, then entities, then the mentions they name. */
function storeResolution(db: Database.Database, plan: ResolutionPlan): void {
  // An update, not INSERT OR REPLACE (a delete and an insert): the store's triggers mark the report
  // pages of an entity's documents stale only when its name changes, not its counts.
  const columns = ['name', 'type', 'aliases', 'roles', 'mention_count', 'document_count', 'evidence_type', 'first_mention'];
  const insert = db.prepare(`INSERT INTO entities (id, ${columns.join(', ')}) VALUES (@id, ${columns.map((column) => `@${column}`).join(', ')})`);
  const update = db.prepare(`UPDATE entities SET ${columns.map((column) => `${column} = @${column}`).join(', ')} WHERE id = @id`);
  const remove = db.prepare('DELETE FROM entities WHERE id = ?');
  const point = db.prepare('UPDATE mentions SET entity_id = ? WHERE group_id = ? AND entity_id IS NOT ?');
  const settle = db.prepare('UPDATE _mention_groups SET entity_id = ?, dirty = 0 WHERE id = ?');
  const pointNowhere = db.prepare('UPDATE mentions SET entity_id = NULL WHERE group_id = ? AND entity_id IS NOT NULL');
  dropGroups(db, plan.emptyGroups);
  for (const id of plan.removed) remove.run(id);
  for (const group of plan.unnamed) {
    pointNowhere.run(group);
    settle.run(null, group);
  }
  for (const { id, row, insert: isNew, groups } of plan.entities) {
    if (row) (isNew ? insert : update).run(row);
    for (const group of groups) {
      point.run(id, group, id);
      settle.run(id, group);
    }
  }
  storeKeyFacts(db, plan.facts, plan.factKeys);
}

export const resolveEntitiesStage: CorpusStage = {
  name: 'resolve-entities',
  scope: 'corpus',
  version: CORPUS_STAGE_VERSIONS['resolve-entities'],
  needs: [],
  run({ db }) {
    // Grouping the new mentions is SQL that writes as it goes; the resolving is read on a snapshot with
    // no write lock held, then written in one short transaction: a reviewer's verdict waits only for writing.
    db.transaction(() => groupMentions(db)).immediate();
    const plan = db.transaction(() => planResolution(db))();
    db.transaction(() => storeResolution(db, plan)).immediate();
    // Every entity as written, for reconcile (current.ts).
    return { written: plan.written, redone: plan.redone, output: plan.current };
  },
};
