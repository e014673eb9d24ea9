/** Opens a store: WAL mode so readers never block the writer, foreign keys on, schema migrated. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { FatalError } from '../errors.ts';
import { migrate } from './migrations.ts';

/** The store's default path, relative to the working directory. */
export const DEFAULT_DB = 'out/narratives.db';

/** Opens (creating if need be) and migrates the store at `path`. */
export function openStore(path: string): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

/** Opens an existing store for reading; a missing store is a one-line error, not an empty result. */
export function openExistingStore(path: string): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(path, { fileMustExist: true });
  } catch {
    throw new FatalError(`${path}: no store here; run \`narratives run\` first or pass --db`);
  }
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}
