/**
 * Brings a store to the newest schema. A new store is made from the baseline (schema.ts). A store made
 * before the baseline takes the legacy migrations it lacks, up to version 34, and is then rebuilt into
 * the baseline (rebuild.ts), so that both end with the same schema. Every store then takes the
 * migrations after the baseline. All that a store lacks runs in one transaction, so it is upgraded
 * whole or not at all. Tracked by `PRAGMA user_version` and recorded in `_migrations`. Never edit a
 * released migration or the baseline's released tables: add a migration.
 */
import type Database from 'better-sqlite3';
import { LEGACY_MIGRATIONS } from './legacy-migrations.ts';
import { rebuildAs } from './rebuild.ts';
import { BASELINE_SQL, BASELINE_VERSION } from './schema.ts';

export interface Migration {
  version: number;
  /** Never changed once released: a store made before the application_id mark is recognised by these names. */
  name: string;
  sql: string;
}

/** The migrations after the baseline, in order (none yet). */
export const MIGRATIONS: readonly Migration[] = [];

/** The name the baseline is recorded under in `_migrations`. */
const BASELINE_NAME = 'baseline';

/** Every migration a narratives store may list in `_migrations`: name by version. */
export const KNOWN_MIGRATIONS: ReadonlyMap<number, string> = new Map([
  ...LEGACY_MIGRATIONS.map((migration): [number, string] => [migration.version, migration.name]),
  [BASELINE_VERSION, BASELINE_NAME],
  ...MIGRATIONS.map((migration): [number, string] => [migration.version, migration.name]),
]);

/** The schema version a store is at (0 for a new, empty one). */
export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** The newest schema version this program knows. */
export const NEWEST_VERSION = MIGRATIONS.at(-1)?.version ?? BASELINE_VERSION;

/**
 * `PRAGMA application_id` of a narratives store: the ASCII bytes "NRTV" (0x4E525456 = 1314018390). It
 * tells a narratives store from another program's SQLite file, which the program refuses to touch.
 */
export const APPLICATION_ID = 0x4e525456;

/** Sets the store's application_id, unless it is set already (a store made before the mark has 0). */
function markAsNarrativesStore(db: Database.Database): void {
  if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) db.pragma(`application_id = ${APPLICATION_ID}`);
}

function record(db: Database.Database, version: number, name: string): void {
  db.prepare('INSERT INTO _migrations (version, name, applied_at) VALUES (?, ?, ?)').run(version, name, new Date().toISOString());
}

/** Makes a new store from the baseline, or brings an older one to version 34 and rebuilds it into the baseline. */
function reachBaseline(db: Database.Database, version: number): void {
  if (version === 0) {
    db.exec(BASELINE_SQL);
  } else {
    for (const migration of LEGACY_MIGRATIONS) {
      if (migration.version <= version) continue;
      db.exec(migration.sql);
      record(db, migration.version, migration.name);
    }
    rebuildAs(db, BASELINE_SQL);
  }
  record(db, BASELINE_VERSION, BASELINE_NAME);
}

/**
 * Brings a store up to the newest schema. All pending migrations run in one transaction, so a failure
 * in any of them leaves the store exactly as it was, at its old version.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const current = schemaVersion(db);
  const newest = migrations.at(-1)?.version ?? BASELINE_VERSION;
  if (current > newest) {
    throw new Error(`the store has schema version ${current}, newer than this program's ${newest}: update narratives`);
  }
  if (current === newest) {
    markAsNarrativesStore(db);
    return newest;
  }
  // Rebuilding a table drops it, which with foreign keys enforced would delete the rows that refer to
  // it. The pragma is a no-op inside a transaction, so it is set around it.
  const enforced = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      // Read again under the write lock: another process may have created or upgraded the store since.
      const locked = schemaVersion(db);
      if (locked === newest) return;
      if (locked < BASELINE_VERSION) reachBaseline(db, locked);
      for (const migration of migrations) {
        if (migration.version <= Math.max(locked, BASELINE_VERSION)) continue;
        db.exec(migration.sql);
        record(db, migration.version, migration.name);
      }
      markAsNarrativesStore(db);
      db.pragma(`user_version = ${newest}`);
    }).immediate();
  } finally {
    db.pragma(`foreign_keys = ${enforced}`);
  }
  return newest;
}
