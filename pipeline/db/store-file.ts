/**
 * Tells whether a file is a narratives store before anything is written to it: its header is read as
 * bytes, and its schema through a connection that leaves no trace. Another program's SQLite file, a
 * file that is not a database, a store of a newer version and a damaged store are refused with one
 * line naming the file.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { FatalError } from '../errors.ts';
import { APPLICATION_ID, KNOWN_MIGRATIONS, NEWEST_VERSION, schemaVersion } from './migrations.ts';

/** What the file at a store path is, from its first 100 bytes (the SQLite header). */
export type StoreFile =
  | { kind: 'missing' }
  | { kind: 'empty' }
  | { kind: 'sqlite'; applicationId: number; userVersion: number };

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_BYTES = 100;

/** Reads the file's header without SQLite; a directory or a file that is not a database is refused. */
export function readStoreFile(path: string): StoreFile {
  let size: number;
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) throw new FatalError(`${path} is a directory, not a store; pass --db with a file, e.g. --db ${join(path, 'narratives.db')}`);
    if (!stats.isFile()) throw new FatalError(`${path} is not a regular file, so not a store; pass --db with the store's file`);
    size = stats.size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    if (error instanceof FatalError) throw error;
    throw new FatalError(`${path}: cannot read the store (${(error as Error).message})`);
  }
  if (size === 0) return { kind: 'empty' };
  const header = Buffer.alloc(HEADER_BYTES);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, HEADER_BYTES, 0);
  } finally {
    closeSync(fd);
  }
  if (size < HEADER_BYTES || !header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
    throw new FatalError(`${path} is not an SQLite database, so not a narratives store; it was left unchanged: pass --db with the store's path or a new file`);
  }
  // Both are big-endian 32-bit integers at fixed offsets of the header (sqlite.org/fileformat.html).
  return { kind: 'sqlite', userVersion: header.readInt32BE(60), applicationId: header.readInt32BE(68) };
}

/** The refusal of a file that holds another program's data. */
function foreignFile(path: string, reason: string): FatalError {
  return new FatalError(`${path} is not a narratives store (${reason}); it was left unchanged: pass --db with a narratives store or a new file`);
}

/** Refuses a header that already shows another program's file or a store of a newer version. */
export function checkHeader(path: string, file: StoreFile): void {
  if (file.kind !== 'sqlite') return;
  if (file.applicationId !== 0 && file.applicationId !== APPLICATION_ID) throw foreignFile(path, `its application_id is ${file.applicationId}, not narratives' ${APPLICATION_ID}`);
  if (file.applicationId === APPLICATION_ID) checkNotNewer(path, file.userVersion);
}

/** A store of a schema newer than this program's is refused, before anything is written to it. */
export function checkNotNewer(path: string, version: number): void {
  if (version > NEWEST_VERSION) throw new FatalError(`${path}: the store has schema version ${version}, newer than this program's ${NEWEST_VERSION}; update narratives (the store was left unchanged)`);
}

/**
 * Whether an open SQLite file is an empty database or a narratives store; anything else is refused.
 * A store made before the application_id mark is known by its `_migrations` rows, which name this
 * program's migrations.
 */
export function identify(db: Database.Database, path: string): 'empty' | 'narratives' {
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  if (applicationId === APPLICATION_ID) return 'narratives';
  if (applicationId !== 0) throw foreignFile(path, `its application_id is ${applicationId}, not narratives' ${APPLICATION_ID}`);
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name").pluck().all() as string[];
  const version = schemaVersion(db);
  if (tables.length === 0 && version === 0) return 'empty';
  if (!tables.includes('_migrations')) {
    const shown = tables.slice(0, 4).join(', ') + (tables.length > 4 ? ', …' : '');
    throw foreignFile(path, tables.length ? `it holds another program's tables: ${shown}` : `its user_version is ${version} but it has no tables`);
  }
  const applied = db.prepare('SELECT version, name FROM _migrations ORDER BY version').all() as { version: number; name: string }[];
  const ours = applied.length > 0 && applied.every((row) => row.version > NEWEST_VERSION || KNOWN_MIGRATIONS.get(row.version) === row.name);
  if (!ours || applied.at(-1)!.version !== version) throw foreignFile(path, `its _migrations table does not list narratives' schema migrations`);
  return 'narratives';
}

/** SQLite's errors for a file whose pages are not what they should be. */
function isDamage(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB'));
}

/** The one-line error for a damaged store, or undefined when `error` is not about damage. */
export function damagedStoreError(error: unknown, path: string): FatalError | undefined {
  if (!isDamage(error)) return undefined;
  return damaged(path, (error as Error).message);
}

function damaged(path: string, problem: string): FatalError {
  return new FatalError(`${path}: the store is damaged (${problem}); keep a copy of it (\`narratives backup --db ${path} --to FILE\`, or cp with no run going), then see what is wrong with \`sqlite3 ${path} "PRAGMA integrity_check"\``);
}

/** Checks every page of the store's structure (SQLite's quick_check, without index contents). */
export function checkIntact(db: Database.Database, path: string): void {
  const problems = db.pragma('quick_check(1)', { simple: true }) as string;
  if (problems === 'ok') return;
  // The first line only names the schema ("*** in database main ***"); the next says what is wrong.
  const first = problems.split('\n').find((line) => !line.startsWith('***')) ?? problems;
  throw damaged(path, `quick_check: ${first}`);
}

/** The size of the store's write-ahead log: a file with one must not be opened read-write to inspect it. */
function pendingLogBytes(path: string): number {
  try {
    return statSync(`${path}-wal`).size;
  } catch {
    return 0;
  }
}

/**
 * Identifies a file whose header cannot tell (application_id 0) on a connection that leaves no trace:
 * read-write, so that closing it removes the -wal and -shm files it made, unless the file has a log
 * pending, whose checkpoint would change the file; then read-only (the -wal and -shm exist already).
 */
export function inspect(path: string): 'empty' | 'narratives' {
  const db = new Database(path, { fileMustExist: true, readonly: pendingLogBytes(path) > 0 });
  try {
    const kind = identify(db, path);
    checkNotNewer(path, schemaVersion(db));
    return kind;
  } catch (error) {
    throw damagedStoreError(error, path) ?? error;
  } finally {
    db.close();
  }
}
