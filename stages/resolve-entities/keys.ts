/**
 * The store's copy of each key's facts (cluster.ts's KeyFacts: _entity_keys and
 * _entity_key_links), which answers clusterRows' questions about the keys outside the part of the corpus
 * being grouped again, and the widening of that part: which keys must be grouped again with which.
 */
import type Database from 'better-sqlite3';
import type { KeyFacts, Outside } from './cluster.ts';
import { HAS_MENTIONS } from './groups.ts';

/**
 * Are the keys' facts stored? Resolution stores every key's or none (a new store, or an older one
 * without them): then every key is grouped, and stored.
 */
export function keysKnown(db: Database.Database): boolean {
  return db.prepare('SELECT EXISTS (SELECT 1 FROM _entity_keys)').pluck().get() === 1 || db.prepare(`SELECT NOT EXISTS (SELECT 1 FROM _mention_groups WHERE ${HAS_MENTIONS})`).pluck().get() === 1;
}

/** Stores the facts of `keys` (all of `facts` if not given), and forgets the keys of `keys` that `facts` lacks: they have no mentions left. */
export function storeKeyFacts(db: Database.Database, facts: Map<string, KeyFacts>, keys?: Iterable<string>): void {
  if (!keys) {
    db.prepare('DELETE FROM _entity_keys').run();
    db.prepare('DELETE FROM _entity_key_links').run();
  }
  const forget = db.prepare('DELETE FROM _entity_keys WHERE key = ?');
  const unlink = db.prepare('DELETE FROM _entity_key_links WHERE key = ?');
  const store = db.prepare('INSERT OR REPLACE INTO _entity_keys (key, surname) VALUES (?, ?)');
  const link = db.prepare('INSERT OR IGNORE INTO _entity_key_links (key, target) VALUES (?, ?)');
  for (const key of keys ?? facts.keys()) {
    const fact = facts.get(key);
    if (keys) unlink.run(key);
    if (!fact) {
      forget.run(key);
      continue;
    }
    store.run(key, fact.surname);
    for (const target of [...fact.acronymKeys, ...fact.links]) link.run(key, target);
  }
}

/** The keys that joined or counted for a key before it changed, as stored (see seedsOf). */
interface StoredFacts {
  surname: string | null;
}

/**
 * Keys whose grouping a change to `changed` may undo, beyond the changed keys and their entities: the
 * keys it linked to (an acronym it defined,
 * which another name may now define alone), and the full names and titled surnames sharing a changed
 * person's surname (each joins a full name only when it is the one it fits:
 * cluster.ts). Joins a change makes are found by clusterRows as escapes.
 */
export function seedsOf(db: Database.Database, changed: Set<string>): Set<string> {
  const stored = db.prepare('SELECT surname FROM _entity_keys WHERE key = ?');
  const namesake = db.prepare('SELECT key FROM _entity_keys WHERE surname = ?').pluck();
  const targets = db.prepare('SELECT target FROM _entity_key_links WHERE key = ?').pluck();
  const seeds = new Set(changed);
  for (const key of changed) {
    // The acronyms and names it linked to: another name defining the same acronym may join it now.
    for (const target of targets.all(key) as string[]) seeds.add(target);
    const facts = stored.get(key) as StoredFacts | undefined;
    if (facts?.surname) for (const name of namesake.all(facts.surname) as string[]) seeds.add(name);
  }
  return seeds;
}

/**
 * `scope` with `more` and, until nothing is added, every key of an entity that any of its keys had:
 * grouping a key again groups its old entity again, so that an entity is never half grouped.
 */
export function widen(db: Database.Database, scope: Set<string>, more: Iterable<string>, entities: Set<string>): Set<string> {
  const entitiesOf = db.prepare('SELECT DISTINCT entity_id FROM _mention_groups WHERE key = ? AND entity_id IS NOT NULL').pluck();
  const keysOf = db.prepare('SELECT DISTINCT key FROM _mention_groups WHERE entity_id = ?').pluck();
  const widened = new Set(scope);
  const todo = [...more, ...[...entities].flatMap((entity) => keysOf.all(entity) as string[])];
  const seen = new Set(entities);
  while (todo.length > 0) {
    const key = todo.pop()!;
    if (widened.has(key)) continue;
    widened.add(key);
    for (const entity of entitiesOf.all(key) as string[]) {
      if (seen.has(entity)) continue;
      seen.add(entity);
      todo.push(...(keysOf.all(entity) as string[]));
    }
  }
  return widened;
}

/** The stored keys outside `scope`, for clusterRows. */
export function outsideOf(db: Database.Database, scope: Set<string>): Outside {
  const beyond = (keys: string[]) => keys.filter((key) => !scope.has(key));
  const exists = db.prepare('SELECT EXISTS (SELECT 1 FROM _entity_keys WHERE key = ?)').pluck();
  const linking = db.prepare('SELECT key FROM _entity_key_links WHERE target = ?').pluck();
  const withSurname = db.prepare('SELECT key FROM _entity_keys WHERE surname = ?').pluck();
  return {
    exists: (key) => !scope.has(key) && exists.get(key) === 1,
    linking: (key) => beyond(linking.all(key) as string[]),
    withSurname: (surname) => beyond(withSurname.all(surname) as string[]),
  };
}
