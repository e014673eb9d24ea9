/**
 * The store's mention groups (schema v10): one row per set of mentions alike in everything entity
 * resolution reads (text, role, place, acronym and type evidence), with how many mentions it stands for
 * and its smallest mention id (the order resolution reads groups in). They are kept up to date from
 * what changed since the last resolution: mentions without a group join one, and groups marked dirty
 * (a mention joined or was deleted) are counted again, or dropped when empty. So an added article costs
 * its own mentions, not a pass over every mention of the corpus.
 */
import type Database from 'better-sqlite3';

export interface StoredGroup {
  id: number;
  text: string;
  role: string | null;
  place: string | null;
  acronym: string | null;
  evidence: string;
  mention_count: number;
  first_mention: string;
  /** The entity the group's mentions were given last time (null for a new group). */
  entity_id: string | null;
  dirty: number;
}

export interface GroupChanges {
  /** The entities of groups that were dropped: they lost mentions. */
  droppedEntities: Set<string>;
}

/** Gives every ungrouped mention its group, recounts the dirty groups and drops the empty ones. */
export function updateGroups(db: Database.Database): GroupChanges {
  // In SQL, mention by mention: on a new store that is every mention of the corpus.
  const signature = (table: string) => `json_array(${table}.text, ${table}.role, ${table}.place, ${table}.acronym, ${table}.evidence)`;
  db.prepare(
    `INSERT INTO mention_groups (signature, text, role, place, acronym, evidence)
     SELECT ${signature('m')}, text, role, place, acronym, evidence FROM mentions m WHERE group_id IS NULL GROUP BY 1
     ON CONFLICT(signature) DO UPDATE SET dirty = 1`,
  ).run();
  db.prepare(`UPDATE mentions SET group_id = (SELECT id FROM mention_groups g WHERE g.signature = ${signature('mentions')}) WHERE group_id IS NULL`).run();
  db.prepare(
    `UPDATE mention_groups SET (mention_count, first_mention) = (SELECT count(*), min(id) FROM mentions WHERE group_id = mention_groups.id)
     WHERE dirty = 1`,
  ).run();
  const dropped = db.prepare('DELETE FROM mention_groups WHERE dirty = 1 AND mention_count = 0 RETURNING entity_id').pluck().all() as (string | null)[];
  return { droppedEntities: new Set(dropped.filter((id): id is string => id !== null)) };
}

const COLUMNS = 'id, text, role, place, acronym, evidence, mention_count, first_mention, entity_id, dirty';

/** Every group, read ahead (readGroupsAhead) for the next readGroups on the same connection. */
const ahead = new WeakMap<Database.Database, Map<number, StoredGroup>>();

/** Reads every group ahead of resolution, while the main thread waits for a worker (CorpusStage.readAhead); returns them. */
export function readGroupsAhead(db: Database.Database): StoredGroup[] {
  const groups = db.prepare(`SELECT ${COLUMNS} FROM mention_groups`).all() as StoredGroup[];
  ahead.set(db, new Map(groups.map((group) => [group.id, group])));
  return groups;
}

/**
 * Every group, in the order of its first mention (so resolution reads them in one fixed order). With
 * groups read ahead, only the dirty ones are read again: a group changes only when a mention joins or
 * goes, which marks it dirty until resolution settles it (its entity changes only then).
 */
export function readGroups(db: Database.Database): StoredGroup[] {
  const known = ahead.get(db);
  ahead.delete(db);
  if (known) {
    const fresh = new Map((db.prepare(`SELECT ${COLUMNS} FROM mention_groups WHERE dirty = 1`).all() as StoredGroup[]).map((group) => [group.id, group]));
    const groups = (db.prepare('SELECT id FROM mention_groups').pluck().all() as number[]).map((id) => fresh.get(id) ?? known.get(id));
    // First mentions are ASCII ids: code unit order is SQLite's byte order.
    if (groups.every((group) => group !== undefined)) return groups.sort((a, b) => (a.first_mention < b.first_mention ? -1 : a.first_mention > b.first_mention ? 1 : 0));
  }
  return db.prepare(`SELECT ${COLUMNS} FROM mention_groups ORDER BY first_mention`).all() as StoredGroup[];
}
