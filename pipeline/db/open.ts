/**
 * Opens a store. Only `run` (and `add`) create or upgrade one: WAL mode so readers never block the
 * writer, foreign keys on, schema migrated after an online backup of the old version. Every other
 * command opens an existing store of the current version, and the read commands open it read-only.
 * Whatever the command, a file that is not a narratives store, or a store of a newer version, is
 * refused before anything is written to it (see store-file.ts).
 */
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { FatalError } from '../errors.ts';
import { migrate, NEWEST_VERSION, schemaVersion } from './migrations.ts';
import { checkHeader, checkIntact, checkNotNewer, damagedStoreError, identify, inspect, readStoreFile } from './store-file.ts';

/** The store's default path, relative to the working directory. */
export const DEFAULT_DB = 'out/narratives.db';

/** How a command uses the store: `upgrade` may create and migrate it, `write` and `read` may not. */
type Access = 'upgrade' | 'write' | 'read';

/** Opens (creating if need be) and migrates the store at `path`, for a run. */
export async function openStore(path: string): Promise<Database.Database> {
  if (path !== ':memory:') makeFolderFor(path);
  const db = connect(path, 'upgrade');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // Checkpoints every 40 MB of log instead of SQLite's 4 MB: a full run rewrites the same index pages
  // many times, and each checkpoint copied them again (and synced the file).
  db.pragma('wal_autocheckpoint = 10000');
  return upgrade(db, path);
}

function makeFolderFor(path: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    throw new FatalError(`${path}: cannot make the store's folder (${(error as Error).message}); pass --db with a path in a folder you can write`);
  }
}

/** Opens an existing store of the current version to write to it (a verdict); it is not upgraded. */
export async function openExistingStore(path: string): Promise<Database.Database> {
  return connect(path, 'write');
}

/** Opens an existing store of the current version read-only: nothing is created, migrated or written. */
export function openStoreForReading(path: string): Database.Database {
  return connect(path, 'read');
}

/**
 * Runs `read` on the store opened read-only, then closes it. Damage that SQLite meets while reading is
 * a one-line error naming the store, as it is when the store is opened.
 */
export async function readStore<T>(path: string, read: (db: Database.Database) => T | Promise<T>): Promise<T> {
  const db = openStoreForReading(path);
  try {
    return await read(db);
  } catch (error) {
    throw damagedStoreError(error, path) ?? error;
  } finally {
    db.close();
  }
}

/** Opens the connection after the file has been recognised as a store this access may use. */
function connect(path: string, access: Access): Database.Database {
  if (path === ':memory:') return new Database(path);
  const file = readStoreFile(path);
  checkHeader(path, file);
  const blank = file.kind === 'missing' || file.kind === 'empty';
  if (blank && access !== 'upgrade') throw new FatalError(`${path}: no store here; run \`narratives run\` first or pass --db`);
  // A header without the mark is a store made before it, an empty database or another program's file.
  const kind = file.kind === 'sqlite' && file.applicationId === 0 ? inspect(path) : undefined;
  if (kind === 'empty' && access !== 'upgrade') throw new FatalError(`${path}: no store here yet; run \`narratives run --db ${path}\` first`);
  const db = openConnection(path, access === 'read', !blank);
  try {
    db.pragma('busy_timeout = 5000');
    if (!blank) checkStore(db, path, access);
    db.pragma('foreign_keys = ON');
    return db;
  } catch (error) {
    db.close();
    throw damagedStoreError(error, path) ?? error;
  }
}

function openConnection(path: string, readonly: boolean, fileMustExist: boolean): Database.Database {
  try {
    return new Database(path, { readonly, fileMustExist });
  } catch (error) {
    throw new FatalError(`${path}: cannot open the store (${(error as Error).message})`);
  }
}

/** On the open connection, before any write: a store, of a version this access can use, not damaged. */
function checkStore(db: Database.Database, path: string, access: Access): void {
  if (identify(db, path) === 'empty') return;
  // Loads the whole schema, so that damage to it is found here rather than by the command's first query.
  db.prepare('SELECT count(*) FROM sqlite_master').get();
  const version = schemaVersion(db);
  checkNotNewer(path, version);
  if (version < NEWEST_VERSION && access !== 'upgrade') {
    throw new FatalError(`${path}: the store has schema version ${version}, older than this program's ${NEWEST_VERSION}; run \`narratives run --db ${path}\` to upgrade it (a copy is kept beside it)`);
  }
  if (access !== 'read') checkIntact(db, path);
}

/** Where the copy of a store is kept before it is migrated away from `version`. */
export function backupPathBefore(path: string, version: number): string {
  return `${path}.schema-v${version}.bak`;
}

/**
 * Copies a live store page by page (SQLite's online backup), consistent even while others write it.
 * The copy is made under a temporary name beside `destination` and renamed into place once complete,
 * so a backup cut short never leaves a file at `destination`.
 */
export async function backupStore(db: Database.Database, destination: string): Promise<number> {
  const partial = `${destination}.partial-${process.pid}`;
  try {
    const { totalPages } = await db.backup(partial);
    renameSync(partial, destination);
    return totalPages;
  } catch (error) {
    for (const leftover of [partial, `${partial}-journal`]) {
      try {
        rmSync(leftover, { force: true });
      } catch {
        // Nothing was written there: the error below says why.
      }
    }
    if ((error as { code?: string }).code === 'SQLITE_CANTOPEN') throw new FatalError(`${destination}: cannot write the backup there (${(error as Error).message}); choose another --to`);
    throw error;
  }
}

/** Migrates a store of an older version to the newest, after a backup of it beside it. */
async function upgrade(db: Database.Database, path: string): Promise<Database.Database> {
  const version = schemaVersion(db);
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
