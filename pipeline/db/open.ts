/**
 * Opens a store: WAL mode so readers never block the writer, foreign keys on, schema migrated after
 * an online backup of the old version.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { FatalError } from '../errors.ts';
import { migrate, NEWEST_VERSION, schemaVersion } from './migrations.ts';

/** The store's default path, relative to the working directory. */
export const DEFAULT_DB = 'out/narratives.db';

/** Opens (creating if need be) and migrates the store at `path`. */
export async function openStore(path: string): Promise<Database.Database> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // Checkpoints every 40 MB of log instead of SQLite's 4 MB: a full run rewrites the same index pages
  // many times, and each checkpoint copied them again (and synced the file).
  db.pragma('wal_autocheckpoint = 10000');
  return prepare(db, path);
}

/** Opens an existing store for reading; a missing store is a one-line error, not an empty result. */
export async function openExistingStore(path: string): Promise<Database.Database> {
  let db: Database.Database;
  try {
    db = new Database(path, { fileMustExist: true });
  } catch {
    throw new FatalError(`${path}: no store here; run \`narratives run\` first or pass --db`);
  }
  return prepare(db, path);
}

/** Where the copy of a store is kept before it is migrated away from `version`. */
export function backupPathBefore(path: string, version: number): string {
  return `${path}.schema-v${version}.bak`;
}

/** Copies a live store page by page (SQLite's online backup), consistent even while others read it. */
export async function backupStore(db: Database.Database, destination: string): Promise<number> {
  const { totalPages } = await db.backup(destination);
  return totalPages;
}

async function prepare(db: Database.Database, path: string): Promise<Database.Database> {
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const version = schemaVersion(db);
  if (version > NEWEST_VERSION) {
    db.close();
    throw new FatalError(`${path}: the store has schema version ${version}, newer than this program's ${NEWEST_VERSION}; update narratives`);
  }
  if (version === 0 || version === NEWEST_VERSION || path === ':memory:') {
    migrate(db);
    return db;
  }
  const backup = backupPathBefore(path, version);
  try {
    await backupStore(db, backup);
  } catch (error) {
    db.close();
    throw new FatalError(`${path}: cannot back up the store to ${backup} before upgrading it (${(error as Error).message}); the store is unchanged`);
  }
  try {
    migrate(db);
  } catch (error) {
    db.close();
    throw new FatalError(`${path}: upgrading the store from schema version ${version} to ${NEWEST_VERSION} failed (${(error as Error).message}); the store is unchanged, and a copy is at ${backup}`);
  }
  return db;
}
