/**
 * The store's mention groups: one row per set of mentions alike in everything entity resolution reads
 * (text, role, place, acronym, type evidence and the full name it stands for), with how many mentions
 * it stands for, its smallest mention id (the order resolution reads groups in) and its key (cluster.ts).
 * They are kept up to date from what changed since the last resolution: mentions without a group join
 * one, and groups marked dirty (a mention joined or was deleted) are counted again, or dropped when
 * empty. So an added article costs its own mentions, not a pass over every mention of the corpus.
 */
import type Database from 'better-sqlite3';
import { keyOf, type Evidence, type MentionRow } from './cluster.ts';

export interface StoredGroup {
  id: number;
  key: string;
  text: string;
  role: string | null;
  place: string | null;
  acronym: string | null;
  full_name: string | null;
  evidence: string;
  mention_count: number;
  first_mention: string;
  /** The entity the group's mentions were given last time (null for a new group). */
  entity_id: string | null;
  dirty: number;
}

export interface GroupChanges {
  /** The keys of groups that are new, were counted again or are left with no mention. */
  changedKeys: Set<string>;
  /** The entities of groups left with no mention: they lost mentions. */
  droppedEntities: Set<string>;
  /** The groups left with no mention, which resolution's writing deletes. */
  emptyGroups: number[];
}

/** In SQL over _mention_groups: a group that has mentions (one without is deleted as resolution writes). */
export const HAS_MENTIONS = 'mention_count > 0';

/**
 * Connections that know mention_key(text, place, full_name, role, evidence), cluster.ts's keyOf. A key
 * is worked out once, when its group is made: a change to keyOf needs a migration that clears the keys.
 */
const keyed = new WeakSet<Database.Database>();

/**
 * Gives every ungrouped mention its group and recounts the dirty groups, in SQL, mention by mention (on
 * a new store, every mention of the corpus). A group left with no mention stays, dirty, until
 * resolution's writing deletes it: until then groupChanges finds it again, even after a crash.
 */
export function groupMentions(db: Database.Database): void {
  if (!keyed.has(db)) {
    db.function('mention_key', { deterministic: true }, (text, place, fullName, role, evidence) =>
      keyOf(text as string, place as string | null, fullName as string | null, role as string | null, JSON.parse(evidence as string) as Evidence),
    );
    keyed.add(db);
  }
  const signature = (table: string) => `json_array(${table}.text, ${table}.role, ${table}.place, ${table}.acronym, ${table}.evidence, ${table}.full_name)`;
  db.prepare(
    `INSERT INTO _mention_groups (signature, key, text, role, place, acronym, evidence, full_name)
     SELECT ${signature('m')}, mention_key(text, place, full_name, role, evidence), text, role, place, acronym, evidence, full_name FROM mentions m WHERE group_id IS NULL GROUP BY 1
     ON CONFLICT(signature) DO UPDATE SET dirty = 1`,
  ).run();
  // Groups stored without a key (an older store).
  db.prepare('UPDATE _mention_groups SET key = mention_key(text, place, full_name, role, evidence) WHERE key IS NULL').run();
  db.prepare(`UPDATE mentions SET group_id = (SELECT id FROM _mention_groups g WHERE g.signature = ${signature('mentions')}) WHERE group_id IS NULL`).run();
  db.prepare(
    `UPDATE _mention_groups SET (mention_count, first_mention) = (SELECT count(*), min(id) FROM mentions WHERE group_id = _mention_groups.id)
     WHERE dirty = 1`,
  ).run();
}

/** What changed since the last resolution, once groupMentions has run (reading only). */
export function groupChanges(db: Database.Database): GroupChanges {
  const empty = db.prepare('SELECT id, key, entity_id FROM _mention_groups WHERE dirty = 1 AND mention_count = 0 ORDER BY id').raw().all() as [number, string, string | null][];
  const changedKeys = new Set([...empty.map(([, key]) => key), ...(db.prepare(`SELECT DISTINCT key FROM _mention_groups WHERE dirty = 1 AND ${HAS_MENTIONS}`).pluck().all() as string[])]);
  return {
    changedKeys,
    droppedEntities: new Set(empty.map(([, , entity]) => entity).filter((id): id is string => id !== null)),
    emptyGroups: empty.map(([id]) => id),
  };
}

/** Deletes the groups groupChanges found left with no mention. */
export function dropGroups(db: Database.Database, ids: number[]): void {
  const drop = db.prepare('DELETE FROM _mention_groups WHERE id = ?');
  for (const id of ids) drop.run(id);
}

const COLUMNS = 'id, key, text, role, place, acronym, full_name, evidence, mention_count, first_mention, entity_id, dirty';

/** The groups of `keys` (every group without them), in the order of their first mention. */
export function readGroups(db: Database.Database, keys?: Set<string>): StoredGroup[] {
  if (!keys) return db.prepare(`SELECT ${COLUMNS} FROM _mention_groups WHERE ${HAS_MENTIONS} ORDER BY first_mention`).all() as StoredGroup[];
  return db.prepare(`SELECT ${COLUMNS} FROM _mention_groups WHERE key IN (SELECT value FROM json_each(?)) AND ${HAS_MENTIONS} ORDER BY first_mention`).all(JSON.stringify([...keys])) as StoredGroup[];
}

/** A group as resolution reads it: one row standing for its mentions. */
export function mentionRowOf(group: StoredGroup): MentionRow {
  return { id: group.first_mention, count: group.mention_count, text: group.text, role: group.role, place: group.place, acronym: group.acronym, fullName: group.full_name, evidence: JSON.parse(group.evidence) as MentionRow['evidence'] };
}
