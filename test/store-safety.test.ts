/**
 * The store path is hostile input: another program's SQLite file, a text file, a folder, a store of
 * another schema version or a damaged one. Each is refused with one line and left as it was; read
 * commands never write; a backup exists only once complete.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, closeSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir, workspace } from './helpers.ts';

/** "NRTV": the application_id documented in docs/schema.md. */
const NARRATIVES_APPLICATION_ID = 0x4e525456;
const BIN = new URL('../bin/narratives.js', import.meta.url).pathname;

let space: ReturnType<typeof workspace>;
let findingId: string;

beforeAll(async () => {
  space = workspace();
  const made = await cli('run', '--corpus', space.corpusDir, '--db', space.dbPath, '--reports', space.reportsDir, '--quiet', '--progress', 'none');
  expect(made.status).toBe(0);
  findingId = (JSON.parse((await cli('findings', '--db', space.dbPath, '--json')).stdout) as { id: string }[])[0]!.id;
});

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const listing = (dir: string) => readdirSync(dir).sort();

/** A copy of the seed store, alone in a new folder. */
function storeCopy(name = 'narratives.db'): string {
  const path = join(tempDir(), name);
  copyFileSync(space.dbPath, path);
  return path;
}

function withStore<T>(path: string, work: (db: Database.Database) => T): T {
  const db = new Database(path);
  try {
    return work(db);
  } finally {
    db.close();
  }
}

/** Every command that opens the store, pointed at `path`. */
function everyCommand(path: string): string[][] {
  const corpus = ['--corpus', space.corpusDir, '--reports', join(tempDir(), 'reports'), '--quiet', '--progress', 'none'];
  return [
    ['run', '--db', path, ...corpus],
    ['findings', '--db', path],
    ['show', findingId, '--db', path],
    ['search', 'Huawei', '--db', path],
    ['export', '--db', path],
    ['backup', '--db', path, '--to', join(tempDir(), 'copy.db')],
    ['review', findingId, '--verdict', 'confirmed', '--db', path],
  ];
}

const READ_COMMANDS = (path: string) => everyCommand(path).filter(([name]) => ['findings', 'show', 'search', 'export', 'backup'].includes(name!));

/** Runs each command; each must fail with exit 1 and one line matching `message`, and leave `path` and its folder as they were. */
async function expectRefusedUnchanged(path: string, commands: string[][], message: RegExp) {
  const dir = join(path, '..');
  const before = { hash: sha256(path), files: listing(dir) };
  for (const args of commands) {
    const result = await cli(...args);
    expect(result.status, args.join(' ')).toBe(1);
    expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    expect(result.stderr, args.join(' ')).toMatch(message);
    expect(sha256(path), args.join(' ')).toBe(before.hash);
    expect(listing(dir), `${args.join(' ')}: no -wal, -shm or journal left behind`).toEqual(before.files);
  }
}

describe('foreign SQLite files', () => {
  it('marks a store with the narratives application_id', () => {
    expect(withStore(space.dbPath, (db) => db.pragma('application_id', { simple: true }))).toBe(NARRATIVES_APPLICATION_ID);
  });

  it('refuses another program\'s file with its own documents table, in rollback or WAL mode, and leaves it byte for byte', async () => {
    for (const mode of ['DELETE', 'WAL']) {
      const path = join(tempDir(), 'app.sqlite');
      withStore(path, (db) => {
        db.pragma(`journal_mode = ${mode}`);
        db.exec("CREATE TABLE documents (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO documents (body) VALUES ('their data')");
      });
      await expectRefusedUnchanged(path, everyCommand(path), new RegExp(`^narratives: ${path} is not a narratives store \\(it holds another program's tables: documents\\)`));
    }
  });

  it('refuses a file whose application_id is another program\'s, and one whose _migrations are not narratives\'', async () => {
    const marked = join(tempDir(), 'marked.db');
    withStore(marked, (db) => db.pragma('application_id = 42'));
    await expectRefusedUnchanged(marked, everyCommand(marked), /is not a narratives store \(its application_id is 42, not narratives' 1314018390\)/);
    const migrated = join(tempDir(), 'migrated.db');
    withStore(migrated, (db) => db.exec("CREATE TABLE _migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT); INSERT INTO _migrations VALUES (1, 'create-users', '2020'); PRAGMA user_version = 1"));
    await expectRefusedUnchanged(migrated, everyCommand(migrated), /is not a narratives store \(its _migrations table does not list narratives' schema migrations\)/);
  });
});

describe('stores of other schema versions', () => {
  function v4Store(): string {
    const path = join(tempDir(), 'narratives.db');
    writeFileSync(path, gunzipSync(readFileSync(new URL('./fixtures/stores/schema-v4.db.gz', import.meta.url))));
    return path;
  }

  it('tells a read command (or review) on an older store to run `narratives run`, leaving the store untouched; run upgrades and marks it', async () => {
    const path = v4Store();
    const commands = everyCommand(path).filter(([name]) => name !== 'run');
    await expectRefusedUnchanged(path, commands, new RegExp(`^narratives: ${path}: the store has schema version 4, older than this program's \\d+; run \`narratives run --db ${path}\` to upgrade it`));
    expect(withStore(path, (db) => db.pragma('application_id', { simple: true }))).toBe(0);

    const upgraded = await cli(...everyCommand(path)[0]!);
    expect(upgraded.status).toBe(0);
    expect(existsSync(`${path}.schema-v4.bak`)).toBe(true);
    expect(withStore(path, (db) => db.pragma('application_id', { simple: true }))).toBe(NARRATIVES_APPLICATION_ID);
    const listed = await cli('findings', '--db', path);
    expect(listed.status).toBe(0);
    expect(listed.stdout).toMatch(/denial +high +dismissed/);
  });

  it('reads a current store made before the mark without writing to it or switching it to WAL; run then marks it', async () => {
    const path = storeCopy();
    withStore(path, (db) => {
      db.pragma('journal_mode = DELETE');
      db.pragma('application_id = 0');
    });
    const before = { hash: sha256(path), files: listing(join(path, '..')) };
    for (const args of READ_COMMANDS(path)) {
      const result = await cli(...args);
      expect(result.status, `${args.join(' ')}: ${result.stderr}`).toBe(0);
      expect(sha256(path), args.join(' ')).toBe(before.hash);
      expect(listing(join(path, '..')), args.join(' ')).toEqual(before.files);
    }
    expect((await cli(...everyCommand(path)[0]!)).status).toBe(0);
    expect(withStore(path, (db) => db.pragma('application_id', { simple: true }))).toBe(NARRATIVES_APPLICATION_ID);
  });

  it('refuses a store of a newer version with every command before writing anything, WAL mode included', async () => {
    const path = storeCopy();
    withStore(path, (db) => {
      db.pragma('journal_mode = DELETE');
      db.pragma('user_version = 999');
    });
    await expectRefusedUnchanged(path, everyCommand(path), /the store has schema version 999, newer than this program's \d+; update narratives/);
  });
});

describe('paths that are not a store', () => {
  it('refuses a text file given as --db with one line, leaving it unchanged', async () => {
    const path = join(tempDir(), 'notes.txt');
    writeFileSync(path, 'Not a database, just notes.\n'.repeat(10));
    await expectRefusedUnchanged(path, everyCommand(path), new RegExp(`^narratives: ${path} is not an SQLite database, so not a narratives store`));
  });

  it('refuses a folder given as --db with one line', async () => {
    const dir = join(tempDir(), 'out');
    mkdirSync(dir);
    for (const args of everyCommand(dir)) {
      const result = await cli(...args);
      expect(result.status, args.join(' ')).toBe(1);
      expect(result.stderr, args.join(' ')).toBe(`narratives: ${dir} is a directory, not a store; pass --db with a file, e.g. --db ${join(dir, 'narratives.db')}\n`);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a --db whose folder is a file with one line', async () => {
    const file = join(tempDir(), 'notes.txt');
    writeFileSync(file, 'notes\n');
    const result = await cli(...everyCommand(join(file, 'narratives.db'))[0]!);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^narratives: ${file}/narratives.db: cannot make the store's folder \\(.*\\); pass --db with a path in a folder you can write\n$`));
    expect(readFileSync(file, 'utf8')).toBe('notes\n');
  });

  it('read commands on an empty file say there is no store yet, and leave it empty', async () => {
    const path = join(tempDir(), 'narratives.db');
    writeFileSync(path, '');
    await expectRefusedUnchanged(path, READ_COMMANDS(path), /no store here/);
  });
});

describe('a damaged store', () => {
  /** A copy of the seed store with garbage written over the pages of `table`, `count` of them, not page 1. */
  function damaged(table: string, count = Infinity): string {
    const path = storeCopy();
    const db = new Database(path, { readonly: true });
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const pages = (db.prepare('SELECT pageno FROM dbstat WHERE name = ? AND pageno > 1 ORDER BY pageno').pluck().all(table) as number[]).slice(0, count);
    db.close();
    expect(pages.length).toBeGreaterThan(0);
    const fd = openSync(path, 'r+');
    for (const page of pages) writeSync(fd, Buffer.alloc(pageSize, 0xab), 0, pageSize, (page - 1) * pageSize);
    closeSync(fd);
    return path;
  }
  const DAMAGED = /^narratives: .*: the store is damaged \(.+\); keep a copy of it \(`narratives backup --db .* --to FILE`.*\), then see what is wrong with `sqlite3 .* "PRAGMA integrity_check"`\n$/;

  it('says so in one line, exit 1, for every command when its schema is damaged', async () => {
    const path = damaged('sqlite_schema');
    for (const args of everyCommand(path)) {
      const result = await cli(...args);
      expect(result.status, args.join(' ')).toBe(1);
      expect(result.stderr, args.join(' ')).toMatch(DAMAGED);
    }
  });

  it('finds damaged table pages with quick_check when opened to write, and a read command meets them in one line too', async () => {
    const path = damaged('sentences', 3);
    for (const args of [everyCommand(path)[0]!, ['search', 'Huawei', '--db', path]]) {
      const result = await cli(...args);
      expect(result.status, args.join(' ')).toBe(1);
      expect(result.stderr, args.join(' ')).toMatch(DAMAGED);
    }
    expect((await cli(...everyCommand(path)[0]!)).stderr).toMatch(/damaged \(quick_check: Tree \d+ page \d+/);
  });
});

describe('backup', () => {
  it('prints its result as JSON with --json, and the copy is the store', async () => {
    const to = join(tempDir(), 'backup.db');
    const result = await cli('backup', '--db', space.dbPath, '--to', to, '--json');
    expect(result.status).toBe(0);
    const printed = JSON.parse(result.stdout);
    expect(printed).toEqual({ db: space.dbPath, to, pages: expect.any(Number), bytes: readFileSync(to).length });
    expect((await cli('findings', '--db', to)).stdout).toBe((await cli('findings', '--db', space.dbPath)).stdout);
  });

  it('writes under a temporary name and creates the target only when the copy is complete', async () => {
    const dir = tempDir();
    const to = join(dir, 'backup.db');
    const seen = new Set<string>();
    let done = false;
    const pending = cli('backup', '--db', space.dbPath, '--to', to).finally(() => (done = true));
    // The online backup copies 100 pages a step and yields between steps: look at the folder between them.
    while (!done) {
      for (const name of listing(dir)) seen.add(name);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect((await pending).status).toBe(0);
    expect([...seen]).toContain(`backup.db.partial-${process.pid}`);
    expect([...seen]).not.toContain('backup.db');
    expect(listing(dir)).toEqual(['backup.db']);
  });

  it('leaves no file at the target when killed mid-copy, and a new backup then succeeds', async () => {
    const big = storeCopy();
    // 40 MB more pages, so the copy takes long enough to be killed in the middle.
    withStore(big, (db) => db.exec('CREATE TABLE padding (bytes BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000) INSERT INTO padding SELECT randomblob(4000) FROM n'));
    const dir = tempDir();
    const to = join(dir, 'backup.db');
    const child = spawn(process.execPath, [BIN, 'backup', '--db', big, '--to', to], { stdio: 'ignore' });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    // Killed as soon as the copy has begun, whatever its file is called.
    let killedMidCopy = false;
    for (let exitedEarly = false; !killedMidCopy && !exitedEarly; ) {
      if (readdirSync(dir).length > 0) {
        child.kill('SIGKILL');
        killedMidCopy = true;
      }
      exitedEarly = child.exitCode !== null;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await exited;
    expect(killedMidCopy).toBe(true);
    expect(readdirSync(dir).filter((name) => !name.startsWith('backup.db.partial-'))).toEqual([]);
    const again = await cli('backup', '--db', big, '--to', to);
    expect(again.status).toBe(0);
    expect(withStore(to, (db) => db.prepare('SELECT count(*) FROM padding').pluck().get())).toBe(10000);
  });

  it('refuses a target folder that does not exist with one line', async () => {
    const to = join(tempDir(), 'missing', 'backup.db');
    const result = await cli('backup', '--db', space.dbPath, '--to', to);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^narratives: backup: .*missing is not an existing folder; create it or choose another --to\n$/);
  });
});
