/**
 * The entities as the last resolution on a connection left them, handed to a later stage of the same
 * run (reconcile) instead of being read back from the store: only resolution writes entities.
 */
import type Database from 'better-sqlite3';
import type { EntityType } from '../extract-entities/vocabulary.ts';

/** An entity as resolution wrote it, aliases as stored (a JSON array). */
export interface CurrentEntity {
  id: string;
  name: string;
  type: EntityType;
  aliases: string;
}

const resolved = new WeakMap<Database.Database, CurrentEntity[]>();

/** Every entity after a resolution on `db`, in id order (undefined: forget what an earlier one left). */
export function publishEntities(db: Database.Database, entities: CurrentEntity[] | undefined): void {
  if (entities) resolved.set(db, entities);
  else resolved.delete(db);
}

/** The entities the resolution just run on `db` published, in id order, once. */
export function takeEntities(db: Database.Database): CurrentEntity[] | undefined {
  const entities = resolved.get(db);
  resolved.delete(db);
  return entities;
}
